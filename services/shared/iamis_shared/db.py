"""Engines and sessions: PostgreSQL in production, SQLite files for the one-command run."""
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        # SQLAlchemy 2.1 defaults to psycopg 3; the pinned driver is psycopg2.
        url = "postgresql+psycopg2://" + url[len("postgresql://"):]
    # No pre-ping: it costs a round trip on every request. A connection broken by a database restart
    # fails one request, and SQLAlchemy then discards the whole pool; recycling bounds idle age.
    return create_engine(url, pool_recycle=1800, pool_size=5, max_overflow=10)


def _sqlite_pragmas(dbapi_connection, _record):
    # Several processes (gunicorn workers, relay, consumer) share one file in the embedded run:
    # WAL lets readers and one writer proceed together, busy_timeout waits instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, expire_on_commit=False)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
