"""Forms of certification programmes: programmes, criterion groups, self-assessment."""

from __future__ import annotations

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

from core.models import CertificationProgramme, CheckScore, CriterionGroup, SealCheck
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


class SelfAssessmentForm(PlainTextForm, forms.Form):
    """The employer's own answer per criterion: a score and a comment."""

    def __init__(self, *args, checks: list[SealCheck], **kwargs):
        super().__init__(*args, **kwargs)
        self.checks = list(checks)
        for check in self.checks:
            self.fields[f"self_score_{check.pk}"] = score_field(
                check.criterion.text, check.self_score
            )
            self.fields[f"self_comment_{check.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=SealCheck._meta.get_field("self_comment").max_length,
                initial=check.self_comment,
            )

    @property
    def rows(self):
        return [
            (check, self[f"self_score_{check.pk}"], self[f"self_comment_{check.pk}"])
            for check in self.checks
        ]

    def answers(self) -> dict[int, dict]:
        return {
            check.pk: {
                "self_score": self.cleaned_data.get(f"self_score_{check.pk}"),
                "self_comment": self.cleaned_data.get(f"self_comment_{check.pk}", ""),
            }
            for check in self.checks
        }


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
        label=_("Programme"), queryset=CertificationProgramme.objects.order_by("name")
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
