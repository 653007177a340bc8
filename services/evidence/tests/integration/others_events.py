"""The events evidence reads, made by their publishers' own code and schemas (marks, sampling, moderation)."""
import uuid
from datetime import date, datetime, timezone

from iamis_shared.bus.envelope import Envelope, new_envelope
from marks.domain.events import MarksheetSubmitted, SubmittedCandidate
from marks.service_layer.outgoing import marksheet_submitted
from moderation.entrypoints.event_schemas import ModeratorAllocatedSchema
from sampling.domain.sample import Sample, SampleMember
from sampling.domain.submitted import MARKED, SubmittedCandidate as MarkedCandidate, SubmittedMarksheet
from sampling.domain.work import work_of
from sampling.entrypoints.event_schemas import SampleChangedSchema, SampleGeneratedSchema

DEADLINE = date(2027, 5, 15)
SUBMITTED_AT = datetime(2027, 5, 1, 8, 0, tzinfo=timezone.utc)
NAMES = {"0001": ("JONES", "CARYS"), "0002": ("EVANS", "DEWI"), "0003": ("HUGHES", "ELIN"), "0004": ("PRICE", "GWEN")}
TOTALS = {"0001": 60, "0002": 55, "0003": 40, "0004": 30}


def submitted(unit_id: int = 3, centre: str = "68101", code: str = "3653U1", evidence_upload: bool = True,
              group_upload: bool = False, deadline: date = DEADLINE) -> Envelope:
    candidates = tuple(SubmittedCandidate(n, s, f, (("Mark", 60),), 60, "marked", None, None)
                       for n, (s, f) in NAMES.items())
    return marksheet_submitted(MarksheetSubmitted(
        submission_id=str(uuid.uuid4()), unit_id=unit_id, unit_code=code, unit_title="ART & DESIGN TEXTILE DESIGN",
        series="GCSE JUNE 2025", centre=centre, kind="marks", tasks=(), grades=(), submitted_at=SUBMITTED_AT,
        submitted_by_id="teacher-68101", submitted_by_name="Tomos Jones", candidates=candidates,
        evidence_upload=evidence_upload, group_upload=group_upload, deadline=deadline))


def sample(version: int, members: dict[str, str], unit_id: int = 3, centre: str = "68101") -> Envelope:
    """sampling.sample_generated for version 1, sampling.sample_extended after it."""
    data = {"sample_id": f"sample-{centre}-{unit_id}", "unit_id": unit_id, "unit_code": "3653U1", "centre": centre,
            "version": version, "candidates": [{"candidate_number": n, "reason": r} for n, r in members.items()]}
    if version == 1:
        return new_envelope("sampling.sample_generated", "sampling",
                            {**data, "generated_at": SUBMITTED_AT.isoformat()}, SampleGeneratedSchema())
    last = list(members)[-1]
    return new_envelope("sampling.sample_extended", "sampling", {
        **data, "candidate_number": last, "reason": members[last], "changed_by": "teacher-68101",
        "changed_at": SUBMITTED_AT.isoformat()}, SampleChangedSchema())


def substituted(missing: str, substitute: str, members: dict[str, str], unit_id: int = 3,
                centre: str = "68101") -> Envelope:
    """sampling.sample_extended (version 2) as sampling makes it when the centre marks `missing`'s work as
    missing or incomplete and sends `substitute`'s, the nearest with complete work, instead."""
    sheet = SubmittedMarksheet("submission-1", unit_id, "3653U1", centre, "marks", (),
                               tuple(MarkedCandidate(n, MARKED, total) for n, total in TOTALS.items()))
    chosen = Sample(f"sample-{centre}-{unit_id}", sheet.submission_id, unit_id, "3653U1", centre, SUBMITTED_AT,
                    {n: MARKED for n in TOTALS}, [SampleMember(n, r) for n, r in members.items()], work=work_of(sheet))
    added = chosen.substitute(missing, substitute, "The portfolio was lost in a flood.", "teacher-68101",
                              SUBMITTED_AT)
    return new_envelope("sampling.sample_extended", "sampling", {
        **chosen.as_event(), "candidate_number": added.candidate_number, "reason": added.reason,
        "changed_by": "teacher-68101", "changed_at": SUBMITTED_AT.isoformat()}, SampleChangedSchema())


def allocated(centre: str = "68101", email: str = "moderator@board.example") -> Envelope:
    return new_envelope("moderation.moderator_allocated", "moderation", {
        "allocation_id": str(uuid.uuid4()), "centre": centre, "moderator_email": email,
        "moderator_name": "Mared Hughes", "allocated_at": SUBMITTED_AT.isoformat()}, ModeratorAllocatedSchema())
