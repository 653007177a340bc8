"""Account types, access permissions and the claims a signed-in user carries to every service."""
from types import MappingProxyType

# The guide's wording for each permission, in the order the "Manage access" page lists them.
PERMISSIONS = MappingProxyType({
    "access_arrangements": "Access Arrangements/CAP",
    "entries_results": "Entries and Results",
    "iamis": "IAMIS",
    "past_papers": "Past Paper",
    "marking_schemes": "Marking Schemes and Resources",
    "view_scripts": "View Scripts",
})

CENTRE_ACCOUNT_TYPES = ("exams_officer", "admin", "user")
BOARD_ACCOUNT_TYPES = ("moderator", "board_staff")
ACCOUNT_TYPES = CENTRE_ACCOUNT_TYPES + BOARD_ACCOUNT_TYPES
# "Admin accounts have the same access as examination officer accounts": both hold everything.
FULL_ACCESS_ACCOUNT_TYPES = ("exams_officer", "admin")
# Who manages a centre's users, and what they may make someone when inviting them.
CENTRE_MANAGER_ACCOUNT_TYPES = FULL_ACCESS_ACCOUNT_TYPES
INVITABLE_ACCOUNT_TYPES = ("admin", "user")
LANGUAGES = ("en", "cy")


def centre_code(number: int) -> str:
    """Centre numbers are five digits wherever they are shown or compared (68101, 01234)."""
    return f"{number:05d}"


def effective_permissions(account_type: str, granted) -> list[str]:
    if account_type in FULL_ACCESS_ACCOUNT_TYPES:
        return list(PERMISSIONS)
    held = set(granted or ())
    return [code for code in PERMISSIONS if code in held]


def claims_for(user) -> dict:
    """CLAIMS of the gateway contract: who the user is and what they may reach."""
    centres = [centre_code(user.centre_number)] if user.centre_number is not None else []
    return {
        "sub": user.id,
        "name": user.full_name,
        "email": user.email,
        "account_type": user.account_type,
        "centres": centres,
        "permissions": effective_permissions(user.account_type, user.permissions),
        "language": user.language,
    }
