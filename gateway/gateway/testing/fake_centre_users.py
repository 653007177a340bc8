"""Identity's centre-users and invitation endpoints, in memory, over the accounts of the FakeIdentity."""
import uuid

from .fake_identity import FakeResponse
from .fake_invitations import answer_invitation, refusal

ALL_PERMISSIONS = ["access_arrangements", "entries_results", "iamis", "past_papers", "marking_schemes",
                   "view_scripts"]
MANAGERS = ("exams_officer", "admin")


class FakeCentreUsers:
    def __init__(self, identity):
        self.identity = identity
        self.invitations: dict[str, dict] = {}   # token -> {"email", "state": pending|used|expired}
        self.sent: list[dict] = []               # the invite emails: {"email", "token", "language"}
        self.audit: list[dict] = []
        self.audit_filters: list[dict] = []

    # What the tests set up or read
    def expire(self, token: str) -> None:
        self.invitations[token]["state"] = "expired"

    def last_token(self, email: str) -> str:
        return [sent["token"] for sent in self.sent if sent["email"] == email][-1]

    def handle(self, method, path, body, params, principal):
        if path.startswith("/invitations/"):
            if principal.kind != "service":
                return refusal(403, "FORBIDDEN")
            return answer_invitation(self, path.removeprefix("/invitations/"), body)
        if principal.account_type not in MANAGERS:
            return refusal(403, "FORBIDDEN")
        parts = path.strip("/").split("/")  # centres, <centre>, users|audit, [<id>, [access|invitation]]
        if parts[1] not in principal.centres:
            return refusal(404, "CENTRE_NOT_FOUND")
        if parts[2] == "audit":
            self.audit_filters.append(dict(params))
            about = params.get("user")
            return FakeResponse(200, [e for e in reversed(self.audit)
                                      if not about or about in (e["actor_user_id"], e["subject_user_id"])])
        manager = self._account_by_id(principal.sub)
        if len(parts) == 3:
            if method == "GET":
                text = (params.get("q") or "").lower()
                return FakeResponse(200, [self._view(a) for a in self._centre(parts[1])
                                          if text in f"{a['claims']['name']} {a['claims']['email']}".lower()])
            return self._invite(manager, parts[1], body)
        account = self._account_by_id(parts[3])
        if account is None or parts[1] not in account["claims"]["centres"]:
            return refusal(404, "USER_NOT_FOUND")
        action = (method, parts[4] if len(parts) > 4 else "")
        if action == ("GET", ""):
            return FakeResponse(200, self._view(account))
        if action == ("PUT", "access"):
            return self._change_access(manager, account, body)
        if action == ("DELETE", ""):
            return self._remove(manager, account)
        if account.get("status") == "active" or "status" not in account:
            return refusal(409, "ALREADY_ACTIVE")
        return FakeResponse(200, self._view(account, self._send_invite(manager, account)))

    def _invite(self, manager, centre, body):
        if body["email"].lower() in self.identity.accounts:
            return refusal(409, "EMAIL_IN_USE")
        name = f"{body['first_name']} {body['last_name']}"
        self.identity.add_user(body["email"].lower(), password=None, mfa=False, name=name, centres=[centre],
                               account_type=body["account_type"], permissions=[], language=body["language"])
        account = self.identity.accounts[body["email"].lower()]
        account["status"] = "invited"
        self._send_invite(manager, account)
        self._record(manager, "user_invited", account)
        return FakeResponse(201, self._view(account))

    def _send_invite(self, manager, account):
        for invitation in self.invitations.values():
            if invitation["email"] == account["claims"]["email"] and invitation["state"] == "pending":
                invitation["state"] = "expired"
        token = uuid.uuid4().hex
        self.invitations[token] = {"email": account["claims"]["email"], "state": "pending"}
        self.sent.append({"email": account["claims"]["email"], "token": token,
                          "language": account["claims"]["language"]})
        return token

    def _change_access(self, manager, account, body):
        claims = account["claims"]
        if account is manager and body["account_type"] not in MANAGERS:
            return refusal(409, "OWN_ADMIN_RIGHTS")
        if claims["account_type"] == "exams_officer" != body["account_type"] and self._last_officer(claims):
            return refusal(409, "LAST_EXAMS_OFFICER")
        account["granted"] = list(body["permissions"])
        claims["account_type"] = body["account_type"]
        claims["permissions"] = ALL_PERMISSIONS if body["account_type"] in MANAGERS else list(body["permissions"])
        self._record(manager, "access_changed", account)
        return FakeResponse(200, self._view(account))

    def _remove(self, manager, account):
        if account is manager:
            return refusal(409, "CANNOT_REMOVE_SELF")
        if account["claims"]["account_type"] == "exams_officer" and self._last_officer(account["claims"]):
            return refusal(409, "LAST_EXAMS_OFFICER")
        email = account["claims"]["email"]
        del self.identity.accounts[email]
        for session_id in [s for s, e in self.identity.sessions.items() if e == email]:
            del self.identity.sessions[session_id]
        self._record(manager, "user_removed", account)
        return FakeResponse(204)

    def _centre(self, centre):
        return [a for a in self.identity.accounts.values() if centre in a["claims"]["centres"]]

    def _last_officer(self, claims):
        return len([a for a in self._centre(claims["centres"][0])
                    if a["claims"]["account_type"] == "exams_officer"]) <= 1

    def _account_by_id(self, user_id):
        return next((a for a in self.identity.accounts.values() if a["claims"]["sub"] == user_id), None)

    def _view(self, account, token=None):
        claims = account["claims"]
        first, _, last = claims["name"].partition(" ")
        expired = account.get("status") == "invited" and not any(
            i["email"] == claims["email"] and i["state"] == "pending" for i in self.invitations.values())
        return {"id": claims["sub"], "first_name": first, "last_name": last, "name": claims["name"],
                "email": claims["email"], "account_type": claims["account_type"], "language": claims["language"],
                "centre": claims["centres"][0], "status": account.get("status", "active"),
                "permissions": claims["permissions"], "granted_permissions": account.get("granted",
                                                                                        claims["permissions"]),
                "last_signed_in_at": account.get("last_signed_in_at"), "invitation_expired": expired,
                "invitation_expires_at": None}

    def _record(self, manager, action, subject):
        self.audit.append({"id": len(self.audit) + 1, "occurred_at": "2025-09-16T14:03:00+00:00",
                           "actor_user_id": manager["claims"]["sub"], "actor_name": manager["claims"]["name"],
                           "actor_email": manager["claims"]["email"], "centre": subject["claims"]["centres"][0],
                           "action": action, "outcome": "success", "subject_user_id": subject["claims"]["sub"],
                           "subject_name": subject["claims"]["name"], "detail": {}})

