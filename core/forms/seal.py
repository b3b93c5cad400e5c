"""Forms of the family seal."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Partner, PartnerStatus, SealApplication, SealCheck, SealCriterion
from kernel.crud.dates import PlausibleDateField
from kernel.crud.forms import RecordForm
from kernel.text import PlainTextForm

# How long a seal is usually valid when it is awarded.
DEFAULT_VALIDITY_YEARS = 3


class SealCriterionForm(RecordForm):
    class Meta:
        model = SealCriterion
        fields = ["text", "position", "is_required", "is_active"]


class SealApplicationForm(RecordForm):
    class Meta:
        model = SealApplication
        fields = ["partner", "submitted_on", "reviewer", "review_notes"]
        widgets = {
            "review_notes": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partners = Partner.objects.order_by("name")
        if self.instance.pk is None:
            partners = partners.exclude(status=PartnerStatus.LEFT)
            self.fields["submitted_on"].initial = timezone.localdate
        self.fields["partner"].queryset = partners


class SealReviewForm(RecordForm):
    """The reviewer and the review notes, also after the decision."""

    class Meta:
        model = SealApplication
        fields = ["reviewer", "review_notes"]
        widgets = {"review_notes": forms.Textarea(attrs={"rows": 8})}


class SealChecklistForm(PlainTextForm, forms.Form):
    """One row per criterion check of an application: fulfilled and a note."""

    def __init__(self, *args, checks: list[SealCheck], **kwargs):
        super().__init__(*args, **kwargs)
        self.checks = list(checks)
        for check in self.checks:
            self.fields[f"fulfilled_{check.pk}"] = forms.BooleanField(
                label=check.criterion.text, required=False, initial=check.fulfilled
            )
            self.fields[f"note_{check.pk}"] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=SealCheck._meta.get_field("note").max_length,
                initial=check.note,
            )

    @property
    def rows(self):
        """(check, fulfilled field, note field) for each criterion, in catalogue order."""
        return [
            (check, self[f"fulfilled_{check.pk}"], self[f"note_{check.pk}"])
            for check in self.checks
        ]

    def results(self) -> dict[int, dict]:
        return {
            check.pk: {
                "fulfilled": self.cleaned_data.get(f"fulfilled_{check.pk}", False),
                "note": self.cleaned_data.get(f"note_{check.pk}", ""),
            }
            for check in self.checks
        }


class SealAwardForm(forms.Form):
    """Award date and validity; the service checks their order and the checklist."""

    awarded_on = PlausibleDateField(label=_("Awarded on"))
    valid_until = PlausibleDateField(label=_("Valid until"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["awarded_on"].initial = today
        try:
            self.fields["valid_until"].initial = today.replace(
                year=today.year + DEFAULT_VALIDITY_YEARS
            )
        except ValueError:  # 29 February
            self.fields["valid_until"].initial = today + datetime.timedelta(
                days=365 * DEFAULT_VALIDITY_YEARS
            )


class SealRejectForm(PlainTextForm, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Added to the review notes."),
    )
