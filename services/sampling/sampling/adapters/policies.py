"""Units' own sampling policies in and out of their table."""
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..domain.policy import UNIT_POLICY, SamplingPolicy
from .orm import sampling_policies

UPSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


class PolicyRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, unit_id: int) -> tuple[SamplingPolicy, str, datetime] | None:
        """The unit's policy with who set it and when; None when the unit follows the default."""
        row = self.session.execute(select(sampling_policies).where(sampling_policies.c.unit_id == unit_id)).first()
        if row is None:
            return None
        return SamplingPolicy(UNIT_POLICY, tuple((up_to, size) for up_to, size in row.bands), row.over), \
            row.set_by, row.set_at

    def put(self, unit_id: int, policy: SamplingPolicy, set_by: str, set_at: datetime) -> None:
        """One statement, so that two people setting the same unit's policy at once cannot collide."""
        values = {"bands": [list(band) for band in policy.bands], "over": policy.largest, "set_by": set_by,
                  "set_at": set_at}
        upsert = UPSERTS[self.session.get_bind().dialect.name](sampling_policies).values(unit_id=unit_id, **values)
        self.session.execute(upsert.on_conflict_do_update(index_elements=["unit_id"], set_=values))

    def remove(self, unit_id: int) -> None:
        self.session.execute(delete(sampling_policies).where(sampling_policies.c.unit_id == unit_id))
