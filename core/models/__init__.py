from kernel.meetings.models import MeetingStatus

from .admissions import Application, ApplicationStatus, Decision, DecisionOutcome
from .agreements import AgreementRenewal, AgreementStatus, CooperationAgreement
from .board import (
    AgendaItem,
    BoardMeeting,
    BoardMember,
    BoardPosition,
    MeetingAttachment,
    MeetingTemplate,
    MinutesStatus,
)
from .careguides import CareGuide
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
from .seal import SealApplication, SealCheck, SealCriterion, SealStatus

__all__ = [
    "AgendaItem",
    "AgreementRenewal",
    "AgreementStatus",
    "Application",
    "ApplicationStatus",
    "BoardMeeting",
    "BoardMember",
    "BoardPosition",
    "CareGuide",
    "ContactPerson",
    "CooperationAgreement",
    "Decision",
    "DecisionOutcome",
    "Event",
    "EventKind",
    "FundingEntry",
    "FundingKind",
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
    "ProjectStatus",
    "SealApplication",
    "SealCheck",
    "SealCriterion",
    "SealStatus",
    "SizeClass",
    "TargetGroup",
    "Topic",
    "WorkingGroup",
]
