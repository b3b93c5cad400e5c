"""Form pieces shared by the board's and the regional meetings' agendas."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.services.meetings import agenda_is_locked
from kernel.text import PlainTextForm


def reason_field() -> forms.CharField:
    return forms.CharField(
        label=_("Reason for the correction"),
        max_length=500,
        help_text=_(
            "The meeting has taken place and its agenda is locked; the reason is recorded "
            "in the audit log."
        ),
    )


class AgendaReasonMixin:
    """Adds a required "reason" field when the meeting has taken place (the service
    refuses the change without one, whoever calls it)."""

    def add_reason_field(self, meeting) -> None:
        if meeting is not None and agenda_is_locked(meeting):
            self.fields["reason"] = reason_field()

    def data_and_reason(self) -> tuple[dict[str, Any], str]:
        """The cleaned data for the record, and the reason (or "")."""
        data = dict(self.cleaned_data)
        return data, data.pop("reason", "")


class AgendaCorrectionForm(PlainTextForm, forms.Form):
    """Asks for the reason before an item is removed from a locked agenda."""

    reason = reason_field()
