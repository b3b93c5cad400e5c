from .meetings import (
    AgendaEntry,
    Invitation,
    MeetingKind,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
    RegionalMinutesStatus,
    Response,
)
from .setups import AllianceSetup, ProvisioningStatus, SetupStage, SetupTask
from .statistics import AllianceSnapshot, RunStatus, StatisticsRun

__all__ = [
    "AgendaEntry",
    "AllianceSetup",
    "AllianceSnapshot",
    "Invitation",
    "MeetingKind",
    "ProvisioningStatus",
    "RegionalAttachment",
    "RegionalMeeting",
    "RegionalMeetingStatus",
    "RegionalMinutesStatus",
    "Response",
    "RunStatus",
    "SetupStage",
    "SetupTask",
    "StatisticsRun",
]
