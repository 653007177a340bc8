"""Identity's invitation endpoints, in memory: look a link up, or accept it with a new password."""
from .fake_identity import FakeResponse


def refusal(status: int, code: str) -> FakeResponse:
    return FakeResponse(status, {"code": code, "message": code.replace("_", " ").capitalize()})


def answer_invitation(fake, action, body):
    invitation = fake.invitations.get(body.get("token"))
    if invitation is None:
        return refusal(404, "INVITATION_NOT_FOUND")
    if invitation["state"] != "pending":
        return refusal(410, "INVITATION_EXPIRED") if invitation["state"] == "expired" \
            else refusal(409, "INVITATION_USED")
    account = fake.identity.accounts[invitation["email"]]
    claims = account["claims"]
    if action == "lookup":
        first, _, last = claims["name"].partition(" ")
        return FakeResponse(200, {"first_name": first, "last_name": last, "name": claims["name"],
                                  "email": claims["email"], "language": claims["language"],
                                  "centre": claims["centres"][0], "centre_name": "Demo Centre"})
    reason = weakness(body["password"], claims)
    if reason:
        return FakeResponse(422, {"code": "PASSWORD_REJECTED", "message": "Weak.", "details": {"reason": reason}})
    account["password"], invitation["state"] = body["password"], "used"
    return FakeResponse(200, {"email": claims["email"], "language": claims["language"], "name": claims["name"]})


def weakness(password: str, claims: dict) -> str | None:
    """A few of identity's password rules, enough for the pages' messages."""
    if len(password) < 12:
        return "too_short"
    if "password" in password.lower():
        return "common"
    if any(len(part) >= 3 and part.lower() in password.lower() for part in claims["name"].split()):
        return "personal"
    return None
