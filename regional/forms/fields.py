"""Form fields the state layer's forms share."""

from __future__ import annotations

from django import forms


class AllianceCheckboxes(forms.ModelMultipleChoiceField):
    """Alliances ticked in a list of checkboxes, none required. The form sets the
    queryset when it is built, so an alliance added since start-up is offered too."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, label, help_text, **kwargs):
        super().__init__(queryset=None, label=label, required=False, help_text=help_text, **kwargs)
