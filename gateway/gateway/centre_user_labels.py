"""The words the centre-user and audit pages show for identity's codes, in the guide's wording."""
from flask_babel import lazy_gettext as _l

MANAGER_ACCOUNT_TYPES = ("exams_officer", "admin")

ACCOUNT_TYPES = {
    "exams_officer": _l("Exams Officer"),
    "admin": _l("Admin"),
    "user": _l("User"),
}
ACCOUNT_TYPE_DESCRIPTIONS = {
    "exams_officer": _l("The centre's Examinations Officer account, with every permission."),
    "admin": _l("Admin accounts have the same access as examination officer accounts. It allows you to make "
                "entries, see results, invite new users etc. We recommend this type of account for examination "
                "office teams."),
    "user": _l("User accounts are able to view resources, results and reports (restrictions available). They "
               "are NOT able to access administrative functionality."),
}

# In the order of the guide's "Manage access" page.
PERMISSIONS = {
    "access_arrangements": (_l("Access Arrangements/CAP"),
                            _l("Grants access to the JCQ Centre Admin Portal, for management of transfer "
                               "candidates, access arrangements and modified papers requests.")),
    "entries_results": (_l("Entries and Results"),
                        _l("Grants access to various pages displaying candidates' entries and results "
                           "information. For example - Candidate Results Slips, Component Marks, Centre "
                           "Performance Analysis etc.")),
    "iamis": ("IAMIS",  # the system's name, the same in Welsh
              _l("Grants access to users Internal Assessment Mark Input screens. Users will be able to input "
                 "and submit centre marks for internal assessments and view moderator reports.")),
    "past_papers": (_l("Past Paper"), _l("Grants access to WJEC past papers.")),
    "marking_schemes": (_l("Marking Schemes and Resources"), _l("Grants access to WJEC Resources.")),
    "view_scripts": (_l("View Scripts"),
                     _l("Grants access to the view candidate scripts after Results. Scripts should only be "
                        "accessed with candidate permission, full guidance is in the JCQ Post Results Services "
                        "book.")),
}

AUDIT_ACTIONS = {
    "sign_in": _l("Signed in"),
    "sign_out": _l("Signed out"),
    "account_locked": _l("Account locked after failed sign-ins"),
    "mfa_enrolled": _l("Set up their authenticator app"),
    "user_invited": _l("Invited a user"),
    "invitation_resent": _l("Sent an invite again"),
    "invitation_accepted": _l("Accepted their invite and set a password"),
    "access_changed": _l("Changed a user's access"),
    "user_removed": _l("Removed a user"),
}
FAILED_SIGN_IN = _l("Sign in failed")
