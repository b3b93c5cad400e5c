from .attendance import CalendarFeed, WalkIn
from .certification import CertificationTemplate, TemplateCriterion, TemplateGroup
from .choices import (
    MeetingKind,
    PeriodKind,
    RegionalMinutesStatus,
    ReportStatus,
    Response,
    RunStatus,
    SetupStage,
)
from .legal import StateLegalPage

# library
from .library import STATE_AUDIENCE, StateDocument, StateDocumentVersion
from .mailings import Mailing, MailingOptOut, MailingRecipient, MailingStatus
from .meetings import (
    AgendaItem,
    Invitation,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
)
from .reports import Report
from .setups import AllianceSetup, ProvisioningStatus, SetupTask
from .starter import StarterTemplate
from .statistics import AllianceSnapshot, StatisticsRun

# workshops
from .workshops import RegionalRegistration, RegionalSeat, RegionalTable, RegionalWorkshop

__all__ = [
    "STATE_AUDIENCE",
    "AgendaItem",
    "AllianceSetup",
    "AllianceSnapshot",
    "CalendarFeed",
    "CertificationTemplate",
    "Invitation",
    "Mailing",
    "MailingOptOut",
    "MailingRecipient",
    "MailingStatus",
    "MeetingKind",
    "PeriodKind",
    "ProvisioningStatus",
    "RegionalAttachment",
    "RegionalMeeting",
    "RegionalMeetingStatus",
    "RegionalMinutesStatus",
    "RegionalRegistration",
    "RegionalSeat",
    "RegionalTable",
    "RegionalWorkshop",
    "Report",
    "ReportStatus",
    "Response",
    "RunStatus",
    "SetupStage",
    "SetupTask",
    "StarterTemplate",
    "StateDocument",
    "StateDocumentVersion",
    "StateLegalPage",
    "StatisticsRun",
    "TemplateCriterion",
    "TemplateGroup",
    "WalkIn",
]
