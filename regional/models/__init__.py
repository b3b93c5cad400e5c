from .certification import CertificationTemplate, TemplateCriterion, TemplateGroup
from .legal import StateLegalPage
from .meetings import (
    AgendaItem,
    Invitation,
    MeetingKind,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
    RegionalMinutesStatus,
    Response,
)
from .reports import PeriodKind, Report, ReportStatus
from .setups import AllianceSetup, ProvisioningStatus, SetupStage, SetupTask
from .starter import StarterTemplate
from .statistics import AllianceSnapshot, RunStatus, StatisticsRun

# workshops
from .workshops import RegionalRegistration, RegionalSeat, RegionalTable, RegionalWorkshop

__all__ = [
    "AgendaItem",
    "AllianceSetup",
    "AllianceSnapshot",
    "CertificationTemplate",
    "Invitation",
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
    "StateLegalPage",
    "StatisticsRun",
    "TemplateCriterion",
    "TemplateGroup",
]
