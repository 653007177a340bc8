"""An INSERT that a UNIQUE constraint may refuse when two requests race: False instead of an error."""
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session


def insert_once(session: Session, statement) -> bool:
    """Run the INSERT in a savepoint; False if a row with the same key was there first."""
    try:
        with session.begin_nested():
            session.execute(statement)
        return True
    except IntegrityError:
        return False
