"""Personal data of the fundraising circle's members and donors: erasure respects the
ten years tax law keeps money records (the entries and receipts stay; the name and
address go once the period has ended), and the nightly retention anonymises former
members and donors whose period has ended."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from core.models import Supporter
from core.selectors.fundraising import TAX_RETENTION_YEARS, tax_retention_until
from kernel import formats


def refuse_while_kept(supporter: Supporter, today: datetime.date) -> None:
    """Refuse to erase a supporter whose money records tax law still keeps (GDPR
    Art. 17 (3) (b): a legal obligation to keep them)."""
    until = tax_retention_until(supporter)
    if until is not None and until >= today:
        raise ValidationError(
            _(
                "Tax law requires keeping the records of this member's or donor's money and "
                "receipts until %(date)s; the name and address can be removed after that."
            )
            % {"date": formats.date(until)}
        )


def expired_supporters(today: datetime.date, cutoff: datetime.date) -> list[int]:
    """Supporters to anonymise: no longer members (left before ``cutoff``, or never
    joined and nothing recorded since ``cutoff``) whose tax retention has ended."""
    last_year = today.year - TAX_RETENTION_YEARS - 1
    candidates = (
        Supporter.objects.filter(anonymised_at__isnull=True)
        .filter(Q(left_on__lt=cutoff) | Q(joined_on__isnull=True, created_at__date__lt=cutoff))
        .annotate(
            last_money=Max("funding_entries__received_on"),
            last_receipt=Max("receipts__issued_on"),
        )
        .filter(Q(last_money__isnull=True) | Q(last_money__year__lte=last_year))
        .filter(Q(last_receipt__isnull=True) | Q(last_receipt__year__lte=last_year))
    )
    return list(candidates.values_list("pk", flat=True))
