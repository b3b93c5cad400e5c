from kernel.meetings.models import MeetingStatus

from .admissions import Application, ApplicationStatus, Decision, DecisionOutcome
from .board import (
    AgendaItem,
    BoardMeeting,
    BoardMember,
    BoardPosition,
    MeetingAttachment,
    MeetingTemplate,
    MinutesStatus,
)
from .funding import FundingEntry, FundingKind
from .holidays import GuideCategory, GuideEntry, HolidayOffer
from .partners import (
    ContactPerson,
    Measure,
    MeasureCategory,
    Partner,
    PartnerKind,
    PartnerStatus,
    SizeClass,
)
from .projects import Event, EventKind, Project, ProjectStatus, TargetGroup, Topic, WorkingGroup
from .publicsite import Award, LegalPage, SiteIdentity
from .seal import SealApplication, SealCheck, SealCriterion, SealStatus

__all__ = [
    "AgendaItem",
    "Application",
    "ApplicationStatus",
    "Award",
    "BoardMeeting",
    "BoardMember",
    "BoardPosition",
    "ContactPerson",
    "Decision",
    "DecisionOutcome",
    "Event",
    "EventKind",
    "FundingEntry",
    "FundingKind",
    "GuideCategory",
    "GuideEntry",
    "HolidayOffer",
    "LegalPage",
    "Measure",
    "MeasureCategory",
    "MeetingAttachment",
    "MeetingStatus",
    "MeetingTemplate",
    "MinutesStatus",
    "Partner",
    "PartnerKind",
    "PartnerStatus",
    "Project",
    "ProjectStatus",
    "SealApplication",
    "SealCheck",
    "SealCriterion",
    "SealStatus",
    "SiteIdentity",
    "SizeClass",
    "TargetGroup",
    "Topic",
    "WorkingGroup",
]
