from .alliance import Alliance, AllianceStatus, Domain
from .user import User

__all__ = ["Alliance", "AllianceStatus", "Domain", "User"]
