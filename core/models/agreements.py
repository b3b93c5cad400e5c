"""Cooperation agreements ("Kooperationsvereinbarungen") between the alliance and
another network or organisation, e.g. Jena's with the city-centre initiative."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernel.models import choice_check, choice_field, in_order, optional_link, plausible_date
from tenants.models.base import TimeStampedModel

from .choices import AgreementRenewal, AgreementStatus

#: What can be stored; an agreement past its end is "expired" by its dates alone.
STORED_STATUSES = (AgreementStatus.DRAFT, AgreementStatus.SIGNED, AgreementStatus.TERMINATED)


def agreement_document_path(instance: CooperationAgreement, filename: str) -> str:
    # The tenant storage puts this under MEDIA_ROOT/<schema>/.
    return f"agreements/{filename}"


class CooperationAgreement(TimeStampedModel):
    """An agreement the alliance signed with another network or organisation."""

    organisation = models.CharField(
        _("partner organisation"),
        max_length=200,
        blank=True,
        help_text=_("The other party, if it is not one of the alliance's partners."),
    )
    partner = optional_link("core.Partner", _("partner"), related_name="agreements")
    subject = models.CharField(_("subject of the agreement"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=[(s.value, s.label) for s in STORED_STATUSES],
        default=AgreementStatus.DRAFT,
    )
    signed_on = plausible_date(_("signed on"), optional=True)
    signed_by_alliance = models.CharField(
        _("signed for the alliance by"), max_length=200, blank=True
    )
    signed_by_other = models.CharField(
        _("signed for the other party by"), max_length=200, blank=True
    )
    valid_from = plausible_date(_("in force from"), optional=True)
    valid_until = plausible_date(
        _("in force until"), optional=True, help_text=_("Left empty: without a fixed end.")
    )
    renewal = choice_field(_("renewal"), AgreementRenewal, default=AgreementRenewal.NONE)
    notice_weeks = models.PositiveSmallIntegerField(
        _("notice period (weeks)"), null=True, blank=True
    )
    document = models.FileField(
        _("signed document (PDF)"), upload_to=agreement_document_path, blank=True
    )
    is_public = models.BooleanField(_("on the public page"), default=False)
    reminder_sent_on = plausible_date(_("expiry reminder sent on"), optional=True)

    class Meta:
        verbose_name, verbose_name_plural = _("cooperation agreement"), _("cooperation agreements")
        ordering = ["-signed_on", "subject"]
        constraints = [
            in_order(
                "valid_from",
                "valid_until",
                optional=("valid_from", "valid_until"),
                name="agreement_term_in_order",
                message=_("The agreement cannot end before it begins."),
            ),
            choice_check("status", STORED_STATUSES, name="agreement_status_valid"),
            models.CheckConstraint(
                condition=~models.Q(status="signed") | models.Q(signed_on__isnull=False),
                name="agreement_signed_has_date",
                violation_error_message=_("A signed agreement needs the date it was signed."),
            ),
            models.CheckConstraint(
                condition=~models.Q(organisation="") | models.Q(partner__isnull=False),
                name="agreement_has_other_party",
                violation_error_message=_(
                    "Name the other party: a partner or a partner organisation."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.other_party}: {self.subject}"

    @property
    def other_party(self) -> str:
        return self.organisation or (self.partner.name if self.partner_id else "")

    def current_status(self, today: datetime.date | None = None) -> str:
        """The status as shown: a signed agreement past its fixed end has expired."""
        today = today or timezone.localdate()
        if (
            self.status == AgreementStatus.SIGNED
            and self.renewal != AgreementRenewal.AUTOMATIC
            and self.valid_until is not None
            and self.valid_until < today
        ):
            return AgreementStatus.EXPIRED.value
        return self.status

    def get_current_status_display(self) -> str:
        return str(AgreementStatus(self.current_status()).label)
