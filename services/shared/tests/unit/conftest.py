"""A bus-shaped SQLite database in memory: the outbox, the inbox and one table a handler changes."""
import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from iamis_shared.bus.tables import inbox_table, outbox_table


class BusTables:
    def __init__(self):
        self.metadata = MetaData()
        self.outbox = outbox_table(self.metadata)
        self.inbox = inbox_table(self.metadata)
        self.tallies = Table("tallies", self.metadata,
                             Column("name", String(50), primary_key=True),
                             Column("count", Integer, nullable=False))


@pytest.fixture
def tables():
    return BusTables()


@pytest.fixture
def engine(tables):
    # One shared connection, so every session sees the same in-memory database.
    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    tables.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine):
    return sessionmaker(bind=engine, expire_on_commit=False)


@pytest.fixture
def rows(engine):
    """rows(table) -> every row of the table, as dicts."""
    def read(table):
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(table))]
    return read
