"""Forms of the fundraising circle."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import CircleSettings, FundraisingAction, Project, ProjectGrant, Supporter
from kernel.crud.forms import RecordForm


class SupporterForm(RecordForm):
    class Meta:
        model = Supporter
        fields = [
            "kind", "name", "partner", "street", "postcode", "city", "email", "joined_on",
            "left_on", "yearly_fee", "notes",
        ]  # fmt: skip
        minimums = {"yearly_fee": "0"}


class FundraisingActionForm(RecordForm):
    class Meta:
        model = FundraisingAction
        fields = ["title", "date", "income", "costs", "description"]
        minimums = {"income": "0", "costs": "0"}


class ProjectGrantForm(RecordForm):
    class Meta:
        model = ProjectGrant
        fields = ["project", "amount", "purpose", "decided_on", "status", "proof_received_on"]
        querysets = {"project": Project.objects.order_by("title")}
        minimums = {"amount": "0.01"}


class CircleSettingsForm(RecordForm):
    class Meta:
        model = CircleSettings
        fields = [
            "recipient", "recipient_address", "purpose", "tax_office", "tax_number",
            "exemption_notice_on", "assessment_period", "place", "signatory",
        ]  # fmt: skip


class CollectiveReceiptForm(forms.Form):
    """The year of a collective receipt: one of the years with unconfirmed money."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
