"""A moderator (or board staff) asks the centre for further samples: more candidates whose work they want to see.

The guide: "If a moderator or WJEC representative contact the centre to request further samples the centre
should check the input screen to see which candidates have been identified as additional samples". Sampling
adds them to the sample as moderator-requested, which the centre cannot take out. A candidate can be asked for
only if they were submitted with work to see and are not in the sample already; one the centre added itself
may be asked for, and then stays in as the moderator's request.
"""
from dataclasses import dataclass
from datetime import datetime

from .errors import (AlreadyInSample, CandidateNumberInvalid, NoCandidates, NotSubmitted, NoWork, SampleNotChosen,
                     TooManyCandidates, UnknownCandidate)
from .model import NAME_MAX
from .units import CurrentSample, SubmittedCandidate, SubmittedUnit

MOST_PER_REQUEST = 50
CENTRE_ADDED, MODERATOR_REQUESTED = "centre-added", "moderator-requested"


@dataclass(frozen=True)
class FurtherSamplesRequest:
    id: str
    centre: str
    unit_id: int
    candidate_numbers: tuple[str, ...]
    requested_by: str  # the user id
    requested_by_name: str
    requested_at: datetime

    @classmethod
    def new(cls, request_id: str, unit: SubmittedUnit | None, sample: CurrentSample | None,
            earlier: list["FurtherSamplesRequest"], numbers: list[str], user_id: str, name: str,
            at: datetime) -> "FurtherSamplesRequest":
        """A checked request; refuses it whole, naming the first candidate that cannot be asked for."""
        unit = _submitted(unit, sample)
        chosen = list(dict.fromkeys(_candidate_number(n) for n in numbers))  # the same one ticked twice
        if not chosen:
            raise NoCandidates()
        if len(chosen) > MOST_PER_REQUEST:
            raise TooManyCandidates()
        for number in chosen:
            refusal = refusal_for(unit, sample, earlier, number)
            if refusal is not None:
                raise refusal(number)
        # The requester's name is stored as long as a moderator's may be; a longer one in a token is cut, not refused.
        return cls(request_id, unit.centre, unit.unit_id, tuple(chosen), user_id, (name or "")[:NAME_MAX], at)

    def requested(self, unit_code: str) -> "FurtherSamplesRequested":
        return FurtherSamplesRequested(self.id, self.centre, self.unit_id, unit_code, self.candidate_numbers,
                                       self.requested_by, self.requested_by_name, self.requested_at)


@dataclass(frozen=True)
class FurtherSamplesRequested:
    """The moderator asked for these candidates' work too; sampling adds them to the sample."""
    request_id: str
    centre: str
    unit_id: int
    unit_code: str
    candidate_numbers: tuple[str, ...]
    requested_by: str
    requested_by_name: str
    requested_at: datetime


@dataclass(frozen=True)
class CandidateChoice:
    """A submitted candidate as the moderator chooses from them: in the sample, why, and whether to ask for them."""
    candidate: SubmittedCandidate
    reason: str | None  # None: not in the sample
    requestable: bool

    @property
    def in_sample(self) -> bool:
        return self.reason is not None


def choices(unit: SubmittedUnit | None, sample: CurrentSample | None,
            earlier: list[FurtherSamplesRequest]) -> list[CandidateChoice]:
    unit = _submitted(unit, sample)
    return [CandidateChoice(c, reason_of(sample, earlier, c.candidate_number),
                            refusal_for(unit, sample, earlier, c.candidate_number) is None) for c in unit.candidates]


def reason_of(sample: CurrentSample, earlier: list[FurtherSamplesRequest], number: str) -> str | None:
    """Why the candidate is in the sample. One asked for already counts as the moderator's even before sampling's
    event arrives (it may be a moment on the way), so that no one asks for them twice."""
    reason = sample.reason(number)
    if reason in (None, CENTRE_ADDED) and any(number in r.candidate_numbers for r in earlier):
        return MODERATOR_REQUESTED
    return reason


def refusal_for(unit: SubmittedUnit, sample: CurrentSample, earlier: list[FurtherSamplesRequest], number: str):
    """The refusal (a CandidateRefused class) if this candidate cannot be asked for, else None."""
    candidate = unit.candidate(number)
    if candidate is None:
        return UnknownCandidate
    if not candidate.has_work:
        return NoWork
    if reason_of(sample, earlier, number) not in (None, CENTRE_ADDED):
        return AlreadyInSample
    return None


def _candidate_number(given) -> str:
    """Four digits, as marks keeps them (54 and 0054 are one candidate); anything else is refused, not echoed."""
    typed = str(given).strip()
    if not (typed.isascii() and typed.isdigit() and 1 <= len(typed) <= 4):
        raise CandidateNumberInvalid()
    return typed.zfill(4)


def _submitted(unit: SubmittedUnit | None, sample: CurrentSample | None) -> SubmittedUnit:
    if unit is None:
        raise NotSubmitted()
    if sample is None:
        raise SampleNotChosen()
    return unit
