"""The moderation service's API as the gateway's pages call it server-side: the moderator allocations, and
the candidates of a unit to request further samples from."""
from .service_client import ServiceClient, ServiceRefused

API_PREFIX = "/api/moderation/v1"


class ModerationRefused(ServiceRefused):
    """The moderation service refused the call with one of its codes (a 4xx)."""
    service = "moderation"


class ModerationUnavailable(Exception):
    """The moderation service could not be reached, failed, or answered outside its contract."""


class ModerationClient(ServiceClient):
    service, api_prefix, refused, unavailable = "moderation", API_PREFIX, ModerationRefused, ModerationUnavailable

    def allocations(self, user: dict) -> list[dict]:
        """[{id, centre, moderator_email, moderator_name, allocated_at, allocated_by}]"""
        allocations = self._call(user, "GET", "/allocations").get("allocations")
        if not isinstance(allocations, list):
            raise ModerationUnavailable("moderation answered /allocations without allocations")
        return allocations

    def allocate(self, user: dict, centre: str, moderator_email: str, moderator_name: str) -> dict:
        return self._call(user, "POST", "/allocations", json={
            "centre": centre, "moderator_email": moderator_email, "moderator_name": moderator_name})

    def unit_candidates(self, user: dict, centre: str, unit_id) -> dict:
        """{unit, candidates: [{candidate_number, name, status, total, outcome, initials, in_sample, reason,
        requestable}], requests: [{request_id, candidate_numbers, requested_by, requested_at}]}"""
        answer = self._call(user, "GET", f"/centres/{centre}/units/{unit_id}/candidates")
        if not isinstance(answer.get("candidates"), list) or not isinstance(answer.get("unit"), dict):
            raise ModerationUnavailable("moderation answered /candidates without the unit and its candidates")
        return answer

    def request_further_samples(self, user: dict, centre: str, unit_id, candidate_numbers: list[str]) -> dict:
        return self._call(user, "POST", f"/centres/{centre}/units/{unit_id}/further-samples",
                          json={"candidate_numbers": candidate_numbers})
