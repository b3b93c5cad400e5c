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
from .certification import (
    CertificationProgramme,
    CheckScore,
    CriterionGroup,
    ProgrammeKind,
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
from .seal import CertificateState, SealApplication, SealCheck, SealCriterion, SealStatus

__all__ = [
    "AgendaItem",
    "Application",
    "ApplicationStatus",
    "BoardMeeting",
    "BoardMember",
    "BoardPosition",
    "CertificateState",
    "CertificationProgramme",
    "CheckScore",
    "ContactPerson",
    "CriterionGroup",
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
    "ProgrammeKind",
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
