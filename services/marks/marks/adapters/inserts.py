"""An INSERT that a UNIQUE constraint may refuse when two requests race: False instead of an error."""
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session


def insert_once(session: Session, statement) -> list | None:
    """Run the INSERT in a savepoint: the rows it returned (RETURNING), or None if it was refused."""
    try:
        with session.begin_nested():
            result = session.execute(statement)
            return result.all() if result.returns_rows else []
    except IntegrityError:
        return None
