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

# carers
from .carers import (
    Availability,
    CareKind,
    Carer,
    CarerStatus,
    Placement,
    PlacementStatus,
    Recurrence,
)
from .certification import (
    CertificationProgramme,
    CheckScore,
    CriterionGroup,
    ProgrammeKind,
)
from .funding import FundingEntry, FundingKind
from .holidays import GuideCategory, GuideEntry, HolidayOffer
from .onboarding import ChecklistMark, ChecklistStatus
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
from .seal import CertificateState, SealApplication, SealCheck, SealCriterion, SealStatus

# workshops
from .workshops import (
    TaskStatus,
    WorkingGroupTask,
    Workshop,
    WorkshopAssignment,
    WorkshopRegistration,
    WorkshopTopic,
)

__all__ = [
    "AgendaItem",
    "AgreementRenewal",
    "AgreementStatus",
    "Application",
    "ApplicationStatus",
    "Availability",
    "Award",
    "BoardMeeting",
    "BoardMember",
    "BoardPosition",
    "CareGuide",
    "CareKind",
    "Carer",
    "CarerStatus",
    "CertificateState",
    "CertificationProgramme",
    "CheckScore",
    "ChecklistMark",
    "ChecklistStatus",
    "ContactPerson",
    "CooperationAgreement",
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
    "Placement",
    "PlacementStatus",
    "ProgrammeKind",
    "Project",
    "ProjectStatus",
    "Recurrence",
    "SealApplication",
    "SealCheck",
    "SealCriterion",
    "SealStatus",
    "SiteIdentity",
    "SizeClass",
    "TargetGroup",
    "TaskStatus",
    "Topic",
    "WorkingGroup",
    "WorkingGroupTask",
    "Workshop",
    "WorkshopAssignment",
    "WorkshopRegistration",
    "WorkshopTopic",
]
