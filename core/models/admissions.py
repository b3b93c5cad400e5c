"""Admission of new partners: an application, and the board's decision on it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models.base import TimeStampedModel

from .partners import PartnerKind, SizeClass


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ADMITTED = "admitted", _("Admitted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Application(TimeStampedModel):
    """An organisation's informal letter asking to join, describing its family-friendly
    measures and engagement. Pending applications go on the next board meeting's agenda."""

    organisation_name = models.CharField(_("organisation"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=PartnerKind.choices)
    size_class = models.CharField(
        _("size"), max_length=10, choices=SizeClass.choices, default=SizeClass.NOT_APPLICABLE
    )
    city = models.CharField(_("town"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("e-mail address"))
    contact_phone = models.CharField(_("phone"), max_length=50, blank=True)
    statement = models.TextField(_("statement: measures and engagement for families"))
    received_on = models.DateField(_("received on"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
    )
    partner = models.ForeignKey(
        "core.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-received_on", "organisation_name"]
        indexes = [models.Index(fields=["status", "received_on"])]

    def __str__(self) -> str:
        return self.organisation_name


class DecisionOutcome(models.TextChoices):
    ADMIT = "admit", _("Admit")
    REJECT = "reject", _("Reject")
    DEFER = "defer", _("Defer to a later meeting")


class Decision(TimeStampedModel):
    """The board's vote on an application in one meeting."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    meeting = models.ForeignKey(
        "core.BoardMeeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=DecisionOutcome.choices)
    votes_yes = models.PositiveSmallIntegerField(_("votes in favour"))
    votes_no = models.PositiveSmallIntegerField(_("votes against"))
    votes_abstain = models.PositiveSmallIntegerField(_("abstentions"), default=0)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-meeting__date"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "meeting"], name="decision_once_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_outcome_display()}"
