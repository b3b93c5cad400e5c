"""The mark a coordinator sets on a first-run checklist item."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import ChecklistStatus
from core.onboarding import checklist_items


def _item_choices() -> list:
    return [(item.key, item.label) for item in checklist_items()]


class ChecklistMarkForm(forms.Form):
    key = forms.ChoiceField(label=_("item"), choices=_item_choices)
    status = forms.ChoiceField(label=_("status"), choices=ChecklistStatus.choices)
    # Where to go afterwards: the start page or the checklist itself.
    back = forms.ChoiceField(choices=[("checklist", "checklist"), ("home", "home")], required=False)
