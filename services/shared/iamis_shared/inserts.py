"""An INSERT that a UNIQUE constraint may refuse when two requests or deliveries race: an answer, not an error.

The savepoint keeps the refusal from spoiling the transaction around it, so the caller can go on (read the
row the other writer made, or report that it was there first)."""
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session


def inserted_rows(session: Session, statement) -> list | None:
    """Run the INSERT in a savepoint: the rows it returned (RETURNING), or None if it was refused."""
    try:
        with session.begin_nested():
            result = session.execute(statement)
            return result.all() if result.returns_rows else []
    except IntegrityError:
        return None


def insert_once(session: Session, statement) -> bool:
    """Run the INSERT in a savepoint; False if a row with the same key was there first."""
    return inserted_rows(session, statement) is not None
