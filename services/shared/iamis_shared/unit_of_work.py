"""The unit of work every service builds on: one transaction for the change and its outbox rows."""
from sqlalchemy import Table
from sqlalchemy.orm import Session, sessionmaker

from .bus.envelope import Envelope
from .bus.outbox import add_to_outbox


class SqlAlchemyUnitOfWork:
    """`with uow:` opens a transaction; `commit()` makes the change and its events durable together."""

    outbox: Table  # set by each service's subclass

    def __init__(self, session_factory: sessionmaker | None = None, session: Session | None = None):
        self._factory, self._given = session_factory, session
        self.session: Session | None = session

    def __enter__(self):
        if self._given is None:
            self.session = self._factory()
        self._bind_repositories(self.session)
        return self

    def __exit__(self, exc_type, *_):
        if self._given is None:
            if exc_type is not None:
                self.session.rollback()
            self.session.close()
        # A given session belongs to the caller (the consumer), which commits or rolls it back.

    def _bind_repositories(self, session: Session) -> None:
        """Subclasses attach their repositories to the session here."""

    def publish(self, envelope: Envelope) -> None:
        add_to_outbox(self.session, self.outbox, envelope)

    def commit(self) -> None:
        if self._given is None:  # a given session belongs to the consumer, which commits it
            self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
