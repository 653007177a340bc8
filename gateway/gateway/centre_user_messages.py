"""What a person reads when identity refuses a change to a centre's users or an invitation."""
from flask_babel import lazy_gettext as _l

EMAIL_IN_USE = _l("A user with this email address already exists")
REFUSALS = {
    "OWN_ADMIN_RIGHTS": _l("You cannot remove your own admin rights. Ask another Exams Officer or Admin of your "
                           "centre."),
    "LAST_EXAMS_OFFICER": _l("This is the centre's only Exams Officer account, so it cannot be removed or made "
                             "another account type. Make another user the Exams Officer first."),
    "CANNOT_REMOVE_SELF": _l("You cannot remove your own account. Ask another Exams Officer or Admin of your "
                             "centre."),
    "ALREADY_ACTIVE": _l("This user has already set up their account, so there is no invite to send again."),
    "ACCOUNT_TYPE_NOT_ALLOWED": _l("Choose Admin or User as the account type."),
}
PASSWORD_REFUSALS = {
    "too_short": _l("Your password must be 12 characters or more"),
    "too_long": _l("Your password must be 1024 characters or fewer"),
    "common": _l("This password is too common and easy to guess. Choose a different one, for example three "
                 "random words"),
    "personal": _l("Your password must not contain your name or email address"),
}
INVITATION_PAGES = {
    "INVITATION_NOT_FOUND": ("invitation/not_found.html", 404),
    "INVITATION_EXPIRED": ("invitation/expired.html", 410),
    "INVITATION_USED": ("invitation/used.html", 409),
}
