from .certification import CertificationTemplate, TemplateCriterion, TemplateGroup
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
from .statistics import AllianceSnapshot, RunStatus, StatisticsRun

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
    "Report",
    "ReportStatus",
    "Response",
    "RunStatus",
    "SetupStage",
    "SetupTask",
    "StatisticsRun",
    "TemplateCriterion",
    "TemplateGroup",
]
