"""Form fields the state layer's forms share."""

from __future__ import annotations

from kernel.crud.forms import RecordCheckboxes


class AllianceCheckboxes(RecordCheckboxes):
    """Alliances ticked in a list of checkboxes, none required; the form offers the
    alliances its purpose allows."""

    def __init__(self, *, label, help_text, **kwargs):
        super().__init__(label=label, help_text=help_text, **kwargs)
