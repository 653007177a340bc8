"""The sampling service's API: a unit's sample at a centre, the candidates a centre adds or removes, and the
substitutes it names for missing or incomplete work."""
from .marks_client import _part
from .service_client import ServiceClient, ServiceRefused

API_PREFIX = "/api/sampling/v1"


class SamplingRefused(ServiceRefused):
    """The sampling service refused the call with one of its codes (a 4xx)."""
    service = "sampling"


class SamplingUnavailable(Exception):
    """The sampling service could not be reached, failed, or answered outside its contract."""


class SamplingClient(ServiceClient):
    service, api_prefix, refused, unavailable = "sampling", API_PREFIX, SamplingRefused, SamplingUnavailable

    def sample(self, user: dict, centre: str, unit_id) -> dict:
        return self._call(user, "GET", _sample(centre, unit_id))

    def add(self, user: dict, centre: str, unit_id, candidate: str) -> dict:
        return self._call(user, "POST", f"{_sample(centre, unit_id)}/candidates",
                          json={"candidate_number": candidate})

    def remove(self, user: dict, centre: str, unit_id, candidate: str) -> dict:
        return self._call(user, "DELETE", f"{_sample(centre, unit_id)}/candidates/{_part(candidate)}")

    def nearest(self, user: dict, centre: str, unit_id, candidate: str) -> dict:
        """{"candidate": {...}, "offered": [{candidate_number, name, total, outcome}, ...]}, highest first."""
        return self._call(user, "GET", f"{_sample(centre, unit_id)}/candidates/{_part(candidate)}/nearest")

    def substitute(self, user: dict, centre: str, unit_id, candidate: str, substitute: str, note: str) -> dict:
        return self._call(user, "POST", f"{_sample(centre, unit_id)}/candidates/{_part(candidate)}/substitute",
                          json={"substitute": substitute, "note_to_moderator": note})

    def undo_substitute(self, user: dict, centre: str, unit_id, candidate: str) -> dict:
        return self._call(user, "DELETE", f"{_sample(centre, unit_id)}/candidates/{_part(candidate)}/substitute")


def _sample(centre: str, unit_id) -> str:
    return f"/centres/{_part(centre)}/units/{_part(unit_id)}/sample"


def members_of(sample: dict) -> dict[str, str]:
    """{candidate number: reason} of a sample as the API lists it (under "candidates")."""
    return {str(m["candidate_number"]): str(m.get("reason", "")) for m in _listed(sample)}


def substitutes_of(sample: dict) -> dict[str, str]:
    """{number of the candidate whose work is missing: number of its substitute}."""
    return {str(m["substitute_for"]): str(m["candidate_number"]) for m in _listed(sample) if m.get("substitute_for")}


def _listed(sample: dict) -> list[dict]:
    listed = sample.get("candidates", sample.get("members")) or []
    return [m for m in listed if isinstance(m, dict) and "candidate_number" in m]
