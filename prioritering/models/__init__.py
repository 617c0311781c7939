from prioritering.models.assistance import *  # noqa: F401,F403  (regional coordination, issue 26)
from prioritering.models.history import WorksheetChange
from prioritering.models.municipality import ROLE_RANK, Membership, Municipality, Role, role_allows
from prioritering.models.row import ServiceRow
from prioritering.models.worksheet import Status, Worksheet, WorksheetLocked
from prioritering.models.history import REDACTED, Redaction  # redaction of personal data (issue 25)

__all__ = [
    "ROLE_RANK", "Membership", "Municipality", "Role", "ServiceRow", "Status", "Worksheet",
    "WorksheetChange", "WorksheetLocked", "role_allows",
]
__all__ += ["REDACTED", "Redaction"]
