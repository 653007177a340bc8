"""Requests for further samples in and out of their tables."""
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain.errors import RequestedMeanwhile
from ..domain.further_samples import FurtherSamplesRequest
from .orm import further_sample_requests, requested_candidates


class FurtherSamplesRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, request: FurtherSamplesRequest) -> None:
        self.session.execute(insert(further_sample_requests).values(
            id=request.id, centre=request.centre, unit_id=request.unit_id,
            candidate_numbers=list(request.candidate_numbers), requested_by=request.requested_by,
            requested_by_name=request.requested_by_name, requested_at=request.requested_at))
        try:
            self.session.execute(insert(requested_candidates), [
                {"centre": request.centre, "unit_id": request.unit_id, "candidate_number": number,
                 "request_id": request.id} for number in request.candidate_numbers])
        except IntegrityError as clash:  # another request took one of them first; the unit of work rolls back
            raise RequestedMeanwhile() from clash

    def for_unit(self, centre: str, unit_id: int) -> list[FurtherSamplesRequest]:
        """The unit's requests, oldest first."""
        t = further_sample_requests
        rows = self.session.execute(select(t).where(t.c.centre == centre, t.c.unit_id == unit_id)
                                    .order_by(t.c.requested_at, t.c.id))
        return [FurtherSamplesRequest(id=r.id, centre=r.centre, unit_id=r.unit_id,
                                      candidate_numbers=tuple(r.candidate_numbers), requested_by=r.requested_by,
                                      requested_by_name=r.requested_by_name, requested_at=r.requested_at)
                for r in rows]
