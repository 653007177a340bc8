"""Inviting a user to a centre, sending the invite again, and accepting it by choosing a password.

The invite email is queued in the same transaction as the invitation, so there is never an invitation
without its email, nor an email for an invitation that was rolled back. After accepting, the user signs
in and enrols MFA as any user without MFA does (sign_in.py), which makes them Active.
"""
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from ..domain import audit
from ..domain.access import centre_code
from ..domain.emails import invitation_email
from ..domain.errors import AlreadyActive, EmailInUse, InvitationExpired, InvitationNotFound, InvitationUsed
from ..domain.invitations import Invitation, InvitationPolicy
from ..domain.model import ACTIVE, INVITED, Centre, User
from ..domain.passwords import Passwords
from ..domain.password_rules import check_new_password
from .audit import record
from .centre_users import manager_and_centre, user_in, user_view
from .outgoing import envelope_for, user_invited


@dataclass(frozen=True)
class NewUser:
    first_name: str
    last_name: str
    email: str
    language: str
    account_type: str


def invite_user(uow, policy: InvitationPolicy, zone: str, manager_id: str, centre: str, new: NewUser,
                origin: audit.Origin, now: datetime) -> dict:
    with uow:
        manager, found = manager_and_centre(uow, manager_id, centre)
        if uow.users.get_by_email(new.email) is not None:
            raise EmailInUse()
        user = User(id=str(uuid.uuid4()), first_name=new.first_name.strip(), last_name=new.last_name.strip(),
                    email=new.email, account_type=new.account_type, centre_number=found.number,
                    language=new.language, permissions=[], status=INVITED, created_at=now)
        try:
            uow.users.add(user)
            invitation = _send_invitation(uow, policy, zone, manager, found, user, now)
            record(uow, now, origin, audit.USER_INVITED, audit.SUCCESS, user=manager, subject=user,
                   email_to=user.email, account_type=user.account_type, language=user.language)
            uow.commit()
        except IntegrityError as exc:  # the same email invited by another request at the same moment
            raise EmailInUse() from exc
        return user_view(user, invitation, now)


def resend_invitation(uow, policy: InvitationPolicy, zone: str, manager_id: str, centre: str, user_id: str,
                      origin: audit.Origin, now: datetime) -> dict:
    """A new link, for an invite that expired or went astray; the earlier links stop working."""
    with uow:
        manager, found = manager_and_centre(uow, manager_id, centre)
        user = user_in(uow, found, user_id)
        if user.status == ACTIVE:
            raise AlreadyActive()
        uow.invitations.revoke_for_user(user.id, now)
        invitation = _send_invitation(uow, policy, zone, manager, found, user, now)
        record(uow, now, origin, audit.INVITATION_RESENT, audit.SUCCESS, user=manager, subject=user,
               email_to=user.email)
        uow.commit()
        return user_view(user, invitation, now)


def _send_invitation(uow, policy: InvitationPolicy, zone: str, manager: User, centre: Centre, user: User,
                     now: datetime) -> Invitation:
    invitation, token = Invitation.issue(user.id, manager.id, now, policy)
    uow.invitations.add(invitation)
    uow.emails.add(invitation_email(user.email, user.full_name, user.language, manager.full_name,
                                    centre_code(centre.number), centre.name, policy.link(token),
                                    invitation.expires_at, zone, now))
    uow.publish(envelope_for(user_invited(user, manager, now, invitation.expires_at)))
    return invitation


def look_up_invitation(uow, token: str, now: datetime) -> dict:
    """What the invitation pages show: whom it is for, and in which language."""
    with uow:
        _, user = _usable_invitation(uow, token, now)
        centre = uow.centres.get(user.centre_number)
        return {"first_name": user.first_name, "last_name": user.last_name, "name": user.full_name,
                "email": user.email, "language": user.language, "centre": centre_code(user.centre_number),
                "centre_name": centre.name if centre else ""}


def accept_invitation(uow, passwords: Passwords, token: str, password: str, origin: audit.Origin,
                      now: datetime) -> dict:
    with uow:
        invitation, user = _usable_invitation(uow, token, now)
        check_new_password(password, user.first_name, user.last_name, user.email)
        if not uow.invitations.use(invitation, now):
            raise InvitationUsed()  # accepted in another tab a moment ago
        uow.users.set_password_hash(user, passwords.hash(password))
        record(uow, now, origin, audit.INVITATION_ACCEPTED, audit.SUCCESS, user=user)
        uow.commit()
        return {"email": user.email, "language": user.language, "name": user.full_name}


def _usable_invitation(uow, token: str, now: datetime) -> tuple[Invitation, User]:
    invitation = uow.invitations.get_by_token(token)
    if invitation is None:
        raise InvitationNotFound()
    user = uow.users.get(invitation.user_id)
    if user is None or user.is_removed:
        raise InvitationExpired()
    if user.status == ACTIVE:
        raise InvitationUsed()  # set up already, through an earlier link
    invitation.check_usable(now)
    return invitation, user
