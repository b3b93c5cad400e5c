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
from .fundraising import (
    CircleSettings,
    DonationReceipt,
    FundraisingAction,
    GrantStatus,
    ProjectGrant,
    Supporter,
    SupporterKind,
)
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
from .seal import SealApplication, SealCheck, SealCriterion, SealStatus

__all__ = [
    "AgendaItem",
    "Application",
    "ApplicationStatus",
    "BoardMeeting",
    "BoardMember",
    "BoardPosition",
    "CircleSettings",
    "ContactPerson",
    "Decision",
    "DecisionOutcome",
    "DonationReceipt",
    "Event",
    "EventKind",
    "FundingEntry",
    "FundingKind",
    "FundraisingAction",
    "GrantStatus",
    "GuideCategory",
    "GuideEntry",
    "HolidayOffer",
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
    "ProjectGrant",
    "ProjectStatus",
    "SealApplication",
    "SealCheck",
    "SealCriterion",
    "SealStatus",
    "SizeClass",
    "Supporter",
    "SupporterKind",
    "TargetGroup",
    "Topic",
    "WorkingGroup",
]
