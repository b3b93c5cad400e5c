"""Forms of the state office's certification templates."""

from __future__ import annotations

from django import forms

from kernel.crud.forms import RecordForm
from regional.models import CertificationTemplate, TemplateCriterion, TemplateGroup


class TemplateForm(RecordForm):
    class Meta:
        model = CertificationTemplate
        fields = [
            "key", "name", "kind", "description", "validity_years", "renewal_rules",
            "pass_threshold", "groups", "is_published",
        ]  # fmt: skip
        widgets = {"groups": forms.CheckboxSelectMultiple}
        text_rows = {"description": 4}


class TemplateGroupForm(RecordForm):
    class Meta:
        model = TemplateGroup
        fields = ["key", "name", "description", "weight"]


class TemplateCriterionForm(RecordForm):
    class Meta:
        model = TemplateCriterion
        fields = ["text", "weight", "is_required", "position"]
