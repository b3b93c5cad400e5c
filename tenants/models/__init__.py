from .alliance import Alliance, AllianceStatus, Domain
from .membership import Membership
from .user import User

__all__ = ["Alliance", "AllianceStatus", "Domain", "Membership", "User"]
