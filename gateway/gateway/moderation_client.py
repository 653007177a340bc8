"""The moderation service's API as the board's pages call it server-side: the moderator allocations."""
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
