"""Forms of the funding circle."""

from __future__ import annotations

from core.models import FundingEntry, Supporter
from kernel.collation import by_name
from kernel.crud.forms import RecordForm


class FundingEntryForm(RecordForm):
    class Meta:
        model = FundingEntry
        fields = ["kind", "amount", "received_on", "supporter", "partner", "donor", "purpose"]
        minimums = {"amount": "0.01"}
        querysets = {
            "supporter": Supporter.objects.filter(anonymised_at__isnull=True).order_by(by_name())
        }
