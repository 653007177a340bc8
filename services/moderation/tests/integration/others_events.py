"""The events moderation reads, made by their publishers' own code and schemas (marks, sampling)."""
import uuid
from datetime import date, datetime, timezone

from iamis_shared.bus.envelope import Envelope, new_envelope
from marks.domain.events import MarksheetSubmitted, SubmittedCandidate
from marks.service_layer.outgoing import marksheet_submitted
from sampling.entrypoints.event_schemas import SampleChangedSchema, SampleGeneratedSchema

SUBMITTED_AT = datetime(2027, 5, 1, 8, 0, tzinfo=timezone.utc)
# number: (surname, forename, status, total, initials)
CANDIDATES = {"0001": ("Jones", "Carys", "marked", 60, "AB"), "0002": ("Evans", "Dewi", "marked", 55, "CD"),
              "0003": ("Hughes", "Elin", "marked", 40, "AB"), "0004": ("Price", "Gwen", "marked", 30, "CD"),
              "0005": ("Lewis", "Huw", "absent", None, None), "0006": ("Morgan", "Ifan", "marked", 20, "AB")}


def submitted(unit_id: int = 3, centre: str = "68101") -> Envelope:
    candidates = tuple(SubmittedCandidate(n, s, f, (("Mark", total),), total, status, None, initials)
                       for n, (s, f, status, total, initials) in CANDIDATES.items())
    return marksheet_submitted(MarksheetSubmitted(
        submission_id=str(uuid.uuid4()), unit_id=unit_id, unit_code="3653U1", unit_title="ART & DESIGN TEXTILE DESIGN",
        series="GCSE JUNE 2027", centre=centre, kind="marks", tasks=(), grades=(), submitted_at=SUBMITTED_AT,
        submitted_by_id="teacher-68101", submitted_by_name="Tomos Jones", candidates=candidates,
        evidence_upload=True, group_upload=False, deadline=date(2027, 6, 15)))


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
