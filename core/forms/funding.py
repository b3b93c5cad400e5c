"""Forms of the funding circle."""

from __future__ import annotations

from core.models import FundingEntry, Partner
from kernel.crud.forms import RecordForm


class FundingEntryForm(RecordForm):
    class Meta:
        model = FundingEntry
        fields = ["kind", "amount", "received_on", "partner", "donor", "purpose"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.order_by("name")
        self.fields["amount"].widget.attrs["min"] = "0.01"
