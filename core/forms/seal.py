"""Forms of the family seal and of every certification programme's applications."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms.certification import CheckRowsForm
from core.models import (
    CriterionGroup,
    Partner,
    PartnerStatus,
    SealApplication,
    SealCheck,
    SealCriterion,
)
from core.selectors.certification import active_programmes
from kernel.collation import by_name
from kernel.crud.dates import PlausibleDateField
from kernel.crud.forms import RecordForm
from kernel.text import PlainTextForm


class SealCriterionForm(RecordForm):
    class Meta:
        model = SealCriterion
        fields = ["programme", "group", "text", "weight", "position", "is_required", "is_active"]
        querysets = {"group": CriterionGroup.objects.select_related("programme")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Without a programme a criterion belongs to the default one (the Familiensiegel);
        # without a weight it keeps its own (1 when new).
        self.fields["programme"].required = False
        self.fields["weight"].required = False

    def clean_programme(self):
        # Left empty when editing: the criterion stays in its programme (the form would
        # otherwise set it to none on the record).
        programme = self.cleaned_data.get("programme")
        if programme is None and self.instance.programme_id is not None:
            return self.instance.programme
        return programme

    def clean_weight(self):
        weight = self.cleaned_data.get("weight")
        return weight if weight is not None else self.instance.weight or 1


class SealApplicationForm(RecordForm):
    class Meta:
        model = SealApplication
        fields = [
            "programme",
            "partner",
            "submitted_on",
            "reviewer",
            "reviewed_on",
            "review_notes",
        ]
        text_rows = 5

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partners = Partner.objects.order_by(by_name())
        if self.instance.pk is None:
            partners = partners.exclude(status=PartnerStatus.LEFT)
            self.fields["submitted_on"].initial = timezone.localdate
            # Without a programme the application is for the default one (Familiensiegel).
            self.fields["programme"].required = False
            self.fields["programme"].queryset = active_programmes()
            self.fields["programme"].initial = (
                active_programmes().values_list("pk", flat=True).first()
            )
        else:
            # The checklist was made from the programme's criteria: it stays.
            del self.fields["programme"]
        self.fields["partner"].queryset = partners


class SealReviewForm(RecordForm):
    """The reviewer and the review notes, also after the decision."""

    class Meta:
        model = SealApplication
        fields = ["reviewer", "reviewed_on", "review_notes"]
        text_rows = 8


class SealChecklistForm(CheckRowsForm):
    """One row per criterion check of an application: the review's score and a note.

    ``fulfilled_<id>`` (not shown) is still accepted from older clients: without a score
    it means the full score."""

    score, text, text_label = "score", "note", _("Note")

    def add_row_fields(self, check: SealCheck) -> None:
        self.fields[f"fulfilled_{check.pk}"] = forms.BooleanField(
            label=check.criterion.text, required=False, initial=check.fulfilled
        )

    def results(self) -> dict[int, dict]:
        return {
            pk: {**values, "fulfilled": self.cleaned_data.get(f"fulfilled_{pk}", False)}
            for pk, values in self.row_values().items()
        }


class SealAwardForm(PlainTextForm, forms.Form):
    """The jury's award: date, validity (empty: the programme's validity in years) and
    reasoning; the service checks the dates, the checklist and the pass threshold."""

    decided_on = PlausibleDateField(label=_("Jury decision on"), required=False)
    awarded_on = PlausibleDateField(label=_("Awarded on"))
    valid_until = PlausibleDateField(
        label=_("Valid until"),
        required=False,
        help_text=_("Empty: as long as the programme's validity in years."),
    )
    reasoning = forms.CharField(
        label=_("Reasoning of the jury"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["awarded_on"].initial = timezone.localdate


class SealRejectForm(PlainTextForm, forms.Form):
    decided_on = PlausibleDateField(label=_("Jury decision on"), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Added to the review notes."),
    )
