"""Identity's centre-users and invitation endpoints, as the pages call them.

Centre-user calls carry the signed-in manager's own token, so identity checks their rights itself; the
invitation calls are made for a person not signed in yet, with the gateway's service token.
"""
from urllib.parse import quote

from flask import current_app

from .identity_client import IdentityClient


def _part(value) -> str:
    return quote(str(value), safe="")


class CentreUsersClient:
    def __init__(self, identity: IdentityClient):
        self.identity = identity

    def users(self, user: dict, centre: str, text: str | None = None) -> list:
        return self.identity._call("GET", _users(centre), user=user, params={"q": text} if text else None)

    def user(self, user: dict, centre: str, user_id: str) -> dict:
        return self.identity._call("GET", f"{_users(centre)}/{_part(user_id)}", user=user)

    def invite(self, user: dict, centre: str, details: dict) -> dict:
        return self.identity._call("POST", _users(centre), details, user=user)

    def resend_invite(self, user: dict, centre: str, user_id: str) -> dict:
        return self.identity._call("POST", f"{_users(centre)}/{_part(user_id)}/invitation", user=user)

    def change_access(self, user: dict, centre: str, user_id: str, account_type: str, permissions: list) -> dict:
        return self.identity._call("PUT", f"{_users(centre)}/{_part(user_id)}/access",
                                   {"account_type": account_type, "permissions": permissions}, user=user)

    def remove(self, user: dict, centre: str, user_id: str) -> None:
        self.identity._call("DELETE", f"{_users(centre)}/{_part(user_id)}", user=user)

    def audit(self, user: dict, centre: str, filters: dict) -> list:
        return self.identity._call("GET", f"/centres/{_part(centre)}/audit", user=user, params=filters)

    def look_up_invitation(self, token: str) -> dict:
        return self.identity._call("POST", "/invitations/lookup", {"token": token})

    def accept_invitation(self, token: str, password: str) -> dict:
        return self.identity._call("POST", "/invitations/accept", {"token": token, "password": password})


def _users(centre: str) -> str:
    return f"/centres/{_part(centre)}/users"


def centre_users() -> CentreUsersClient:
    return CentreUsersClient(current_app.extensions["iamis_identity"])
