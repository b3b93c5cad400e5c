"""Form of the state office's starter templates."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kernel.crud.forms import RecordForm
from kernel.starter import STARTER_CATALOGUES
from regional.models import StarterTemplate


def _category_choices() -> list:
    """The categories grouped by the kind they belong to (the model checks the fit)."""
    groups = [
        (catalogue.label, list(catalogue.categories()))
        for catalogue in STARTER_CATALOGUES.values()
        if list(catalogue.categories())
    ]
    return [("", _("none")), *groups]


def _kind_help() -> str:
    return " ".join(
        f"{catalogue.label}: {catalogue.help_text}"
        for catalogue in STARTER_CATALOGUES.values()
        if catalogue.help_text
    )


class StarterTemplateForm(RecordForm):
    category = forms.ChoiceField(label=_("category"), choices=_category_choices, required=False)

    class Meta:
        model = StarterTemplate
        fields = ["kind", "name", "category", "description", "is_active"]
        text_rows = 5

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].help_text = _(
            "Topic of a working group or category of a measure; the others have none."
        )
        self.fields["description"].help_text = _kind_help()
