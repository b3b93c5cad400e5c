"""Forms of certification programmes: programmes, criterion groups, self-assessment."""

from __future__ import annotations

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

from core.models import CertificationProgramme, CheckScore, CriterionGroup, SealCheck
from kernel.collation import by_name
from kernel.crud.forms import RecordForm
from kernel.text import PlainTextForm


class ProgrammeForm(RecordForm):
    class Meta:
        model = CertificationProgramme
        fields = [
            "name",
            "kind",
            "description",
            "validity_years",
            "renewal_rules",
            "pass_threshold",
            "is_active",
        ]
        text_rows = {"description": 4}


class CriterionGroupForm(RecordForm):
    class Meta:
        model = CriterionGroup
        fields = ["programme", "name", "description", "position", "weight"]


def score_field(label, initial) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[*BLANK_CHOICE_DASH, *CheckScore.choices],
        coerce=int,
        empty_value=None,
        required=False,
        initial=initial,
    )


class CheckRowsForm(PlainTextForm, forms.Form):
    """One row per criterion check of an application: a score and a text, the check's
    attributes ``score`` and ``text`` (fields ``<attribute>_<check id>``)."""

    score: str
    text: str
    text_label: str

    def __init__(self, *args, checks: list[SealCheck], **kwargs):
        super().__init__(*args, **kwargs)
        self.checks = list(checks)
        for check in self.checks:
            self.fields[f"{self.score}_{check.pk}"] = score_field(
                check.criterion.text, getattr(check, self.score)
            )
            self.add_row_fields(check)
            self.fields[f"{self.text}_{check.pk}"] = forms.CharField(
                label=self.text_label,
                required=False,
                max_length=SealCheck._meta.get_field(self.text).max_length,
                initial=getattr(check, self.text),
            )

    def add_row_fields(self, check: SealCheck) -> None:
        """Fields of a row between its score and its text (none here)."""

    @property
    def rows(self):
        """(check, score field, text field) for each criterion, in catalogue order."""
        return [
            (check, self[f"{self.score}_{check.pk}"], self[f"{self.text}_{check.pk}"])
            for check in self.checks
        ]

    def row_values(self) -> dict[int, dict]:
        """Check id -> the score and the text entered."""
        return {
            check.pk: {
                self.score: self.cleaned_data.get(f"{self.score}_{check.pk}"),
                self.text: self.cleaned_data.get(f"{self.text}_{check.pk}", ""),
            }
            for check in self.checks
        }


class SelfAssessmentForm(CheckRowsForm):
    """The employer's own answer per criterion: a score and a comment."""

    score, text, text_label = "self_score", "self_comment", _("Comment")

    def answers(self) -> dict[int, dict]:
        return self.row_values()


class AdoptTemplateForm(forms.Form):
    """Adopt one of the state office's programme templates."""

    template = forms.ModelChoiceField(label=_("Template"), queryset=None)

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates


class IncludeGroupForm(forms.Form):
    """Include one of the state office's criterion groups in a programme."""

    group = forms.ModelChoiceField(label=_("Criterion group"), queryset=None)
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=CertificationProgramme.objects.order_by(by_name())
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
