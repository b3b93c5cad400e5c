"""Forms of the funding circle."""

from __future__ import annotations

from django import forms

from core.models import FundingEntry, Partner
from kernel.crud.dates import DateInput


class FundingEntryForm(forms.ModelForm):
    class Meta:
        model = FundingEntry
        fields = ["kind", "amount", "received_on", "partner", "donor", "purpose"]
        widgets = {"received_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.order_by("name")
        self.fields["amount"].widget.attrs["min"] = "0.01"
