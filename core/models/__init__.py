from kernel.meetings.models import MeetingStatus

from .admissions import Application, Decision
from .agreements import CooperationAgreement
from .board import AgendaItem, BoardMeeting, BoardMember, MeetingAttachment, MeetingTemplate
from .careguides import CareGuide
from .carers import Carer, Placement
from .certification import CertificationProgramme, CheckScore, CriterionGroup, ProgrammeKind
from .choices import (
    AgreementRenewal,
    AgreementStatus,
    ApplicationStatus,
    Availability,
    BoardPosition,
    CareKind,
    CarerStatus,
    CertificateState,
    ChecklistStatus,
    DecisionOutcome,
    EventKind,
    FundingKind,
    GrantStatus,
    GuideCategory,
    MeasureCategory,
    MinutesStatus,
    PartnerKind,
    PartnerStatus,
    PlacementStatus,
    ProjectStatus,
    Recurrence,
    SealStatus,
    SizeClass,
    SupporterKind,
    TargetGroup,
    Topic,
)
from .funding import FundingEntry
from .fundraising import CircleSettings, DonationReceipt, FundraisingAction, ProjectGrant, Supporter
from .holidays import GuideEntry, HolidayOffer

# library
from .library import ALLIANCE_AUDIENCE, AllianceDocument, AllianceDocumentVersion
from .onboarding import ChecklistMark
from .partners import ContactPerson, Measure, Partner
from .projects import Event, Project, WorkingGroup
from .publicsite import Award, LegalPage, SiteIdentity
from .seal import SealApplication, SealCheck, SealCriterion

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
    "ALLIANCE_AUDIENCE",
    "AgendaItem",
    "AgreementRenewal",
    "AgreementStatus",
    "AllianceDocument",
    "AllianceDocumentVersion",
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
    "CircleSettings",
    "ContactPerson",
    "CooperationAgreement",
    "CriterionGroup",
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
    "ProjectGrant",
    "ProjectStatus",
    "Recurrence",
    "SealApplication",
    "SealCheck",
    "SealCriterion",
    "SealStatus",
    "SiteIdentity",
    "SizeClass",
    "Supporter",
    "SupporterKind",
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
