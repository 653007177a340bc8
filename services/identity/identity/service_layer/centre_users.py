"""A centre's users as its Exams Officers and Admins see them: list, change access, remove.

Every handler starts from the signed-in manager: a centre other than their own is "not found", exactly
as a centre that does not exist, so the answer tells nothing about other centres.
"""
from datetime import datetime

from ..domain import audit
from ..domain.access import CENTRE_MANAGER_ACCOUNT_TYPES, centre_code, effective_permissions
from ..domain.audit import AuditQuery
from ..domain.centre_rules import check_access_change, check_removal, granted_permissions
from ..domain.errors import CentreNotFound, UserNotFound
from ..domain.invitations import Invitation
from ..domain.model import ACTIVE, Centre, User
from .audit import entry_view, record
from .outgoing import access_changed, envelope_for, user_removed

USER_REMOVED = "user_removed"  # why their sessions ended


def manager_and_centre(uow, manager_id: str, centre: str, lock: bool = False) -> tuple[User, Centre]:
    number = int(centre) if len(centre) == 5 and centre.isdigit() else None
    manager = uow.users.get(manager_id)
    if (number is None or manager is None or not manager.can_use_service() or manager.centre_number != number
            or manager.account_type not in CENTRE_MANAGER_ACCOUNT_TYPES):
        raise CentreNotFound()
    found = uow.centres.lock(number) if lock else uow.centres.get(number)
    if found is None:
        raise CentreNotFound()
    return manager, found


def user_in(uow, centre: Centre, user_id: str) -> User:
    user = uow.users.get_in_centre(user_id, centre.number)
    if user is None:
        raise UserNotFound()
    return user


def user_view(user: User, invitation: Invitation | None, now: datetime) -> dict:
    return {"id": user.id, "first_name": user.first_name, "last_name": user.last_name, "name": user.full_name,
            "email": user.email, "account_type": user.account_type, "language": user.language,
            "centre": centre_code(user.centre_number), "status": user.status,
            "permissions": effective_permissions(user.account_type, user.permissions),
            "granted_permissions": granted_permissions(user.permissions or ()),
            "last_signed_in_at": user.last_signed_in_at,
            "invitation_expired": user.status != ACTIVE and (invitation is None or not invitation.is_pending(now)),
            "invitation_expires_at": invitation.expires_at if invitation and user.status != ACTIVE else None}


def list_users(uow, manager_id: str, centre: str, text: str | None, now: datetime) -> list[dict]:
    with uow:
        _, found = manager_and_centre(uow, manager_id, centre)
        users = uow.users.list_for_centre(found.number, text)
        invitations = uow.invitations.latest_for([u.id for u in users if u.status != ACTIVE])
        return [user_view(u, invitations.get(u.id), now) for u in users]


def get_user(uow, manager_id: str, centre: str, user_id: str, now: datetime) -> dict:
    with uow:
        _, found = manager_and_centre(uow, manager_id, centre)
        user = user_in(uow, found, user_id)
        return user_view(user, uow.invitations.latest_for([user.id]).get(user.id), now)


def change_access(uow, manager_id: str, centre: str, user_id: str, account_type: str, permissions: list[str],
                  origin: audit.Origin, now: datetime) -> dict:
    """Takes effect on the user's next request: identity gives fresh claims at every session check."""
    with uow:
        manager, found = manager_and_centre(uow, manager_id, centre, lock=True)
        user = user_in(uow, found, user_id)
        check_access_change(manager, user, account_type, uow.users.count_exams_officers(found.number))
        before = {"account_type": user.account_type, "permissions": granted_permissions(user.permissions or ())}
        after = {"account_type": account_type, "permissions": granted_permissions(permissions)}
        if after != before:
            uow.users.set_access(user, after["account_type"], after["permissions"])
            record(uow, now, origin, audit.ACCESS_CHANGED, audit.SUCCESS, user=manager, subject=user,
                   before=before, after=after)
            uow.publish(envelope_for(access_changed(user, manager, now)))
            uow.commit()
        return user_view(user, uow.invitations.latest_for([user.id]).get(user.id), now)


def remove_user(uow, manager_id: str, centre: str, user_id: str, origin: audit.Origin, now: datetime) -> None:
    """The user can no longer sign in, and every session they have open ends now."""
    with uow:
        manager, found = manager_and_centre(uow, manager_id, centre, lock=True)
        user = user_in(uow, found, user_id)
        check_removal(manager, user, uow.users.count_exams_officers(found.number))
        if not uow.users.mark_removed(user, now):
            raise UserNotFound()  # removed by someone else a moment ago
        ended = uow.sessions.end_all_for_user(user.id, now, USER_REMOVED)
        uow.invitations.revoke_for_user(user.id, now)
        record(uow, now, origin, audit.USER_REMOVED, audit.SUCCESS, user=manager, subject=user,
               sessions_ended=ended, account_type=user.account_type)
        uow.publish(envelope_for(user_removed(user, manager, now)))
        uow.commit()


def centre_audit(uow, manager_id: str, centre: str, query: dict) -> list[dict]:
    """The centre's audit log, newest first, optionally about one user and between two moments."""
    with uow:
        manager_and_centre(uow, manager_id, centre)
        wanted = AuditQuery(centre=centre, user_id=query.get("user"), since=query.get("since"),
                            until=query.get("until"), limit=query.get("limit", 200))
        return [entry_view(e) for e in uow.audit.search(wanted)]
