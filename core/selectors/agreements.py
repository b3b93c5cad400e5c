"""Reads of cooperation agreements."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from core.models import AgreementRenewal, AgreementStatus, CooperationAgreement

#: How long before a fixed end the coordinators hear of it.
REMINDER_DAYS = 90


def agreement_list() -> QuerySet[CooperationAgreement]:
    return CooperationAgreement.objects.select_related("partner")


def agreement_detail(pk: int) -> CooperationAgreement:
    return agreement_list().get(pk=pk)


def _ended(today: datetime.date) -> Q:
    """Past a fixed end (an agreement that renews itself has none)."""
    return Q(valid_until__lt=today) & ~Q(renewal=AgreementRenewal.AUTOMATIC)


def expired_condition(today: datetime.date | None = None) -> Q:
    """Signed agreements whose term is over: the derived status "expired"."""
    return Q(status=AgreementStatus.SIGNED) & _ended(today or timezone.localdate())


def agreements_in_force(*, today: datetime.date | None = None) -> QuerySet[CooperationAgreement]:
    """Signed, begun (from the start of the term, or the signing) and not ended."""
    today = today or timezone.localdate()
    begun = Q(valid_from__lte=today) | Q(valid_from__isnull=True, signed_on__lte=today)
    return CooperationAgreement.objects.filter(
        Q(status=AgreementStatus.SIGNED) & begun & ~_ended(today)
    )


def agreements_expiring(
    *, today: datetime.date | None = None, within_days: int = REMINDER_DAYS
) -> QuerySet[CooperationAgreement]:
    """Agreements in force whose fixed end (or, renewing themselves, the end of the
    current term) is within ``within_days``: for the home page and the reminders."""
    today = today or timezone.localdate()
    return (
        agreements_in_force(today=today)
        .filter(valid_until__gte=today, valid_until__lte=today + datetime.timedelta(within_days))
        .select_related("partner")
        .order_by("valid_until")
    )


def agreements_due_for_reminder(*, today: datetime.date | None = None):
    return agreements_expiring(today=today).filter(reminder_sent_on__isnull=True)


def public_agreements() -> QuerySet[CooperationAgreement]:
    """Agreements the alliance shows on its public page: public and in force."""
    return (
        agreements_in_force()
        .filter(is_public=True)
        .select_related("partner")
        .only("organisation", "partner__name", "subject", "signed_on", "valid_until", "renewal")
        .order_by("-signed_on")
    )
