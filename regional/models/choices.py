"""The vocabularies of the state layer's records: kinds and statuses of regional
meetings, reports to the ministry, new alliances and statistics runs, with their German
labels (gettext). The model modules and everything else read them from here or from
``regional.models``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# ------------------------------------------------------------------- meetings


class MeetingKind(models.TextChoices):
    REGIONAL = "regional", _("Regional meeting")
    STRATEGY = "strategy", _("Yearly strategy meeting")
    OTHER = "other", _("Other meeting")


class RegionalMinutesStatus(models.TextChoices):
    NONE = "none", _("No minutes yet")
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Approved and published")


class Response(models.TextChoices):
    PENDING = "pending", _("No reply yet")
    ATTENDING = "attending", _("Attending")
    DECLINED = "declined", _("Not attending")


# -------------------------------------------------------------------- reports


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Year")
    QUARTER = "quarter", _("Quarter")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    GENERATING = "generating", _("Being generated")
    READY = "ready", _("Generated (draft)")
    FAILED = "failed", _("Generation failed")
    RELEASED = "released", _("Released")


# --------------------------------------------------------------------- setups


class SetupStage(models.TextChoices):
    INTEREST = "interest", _("Interest")
    CONSULTATION = "consultation", _("First consultation")
    FOUNDING_EVENT = "founding_event", _("Founding event")
    DECLARATION = "declaration", _("Declaration signed")
    ACTIVE = "active", _("Active")


# ----------------------------------------------------------------- statistics


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
