from .alliance import Alliance, AllianceStatus, Domain
from .membership import Membership
from .state import State
from .throttle import RateCounter
from .user import User

__all__ = ["Alliance", "AllianceStatus", "Domain", "Membership", "RateCounter", "State", "User"]
