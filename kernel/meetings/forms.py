"""Form pieces every kind of meeting shares: the agenda item with its reason for a
correction, the minutes and the attachment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kernel.meetings.rules import agenda_is_locked
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


class AgendaItemFormBase(AgendaReasonMixin, forms.ModelForm):
    """An agenda item's form: its position (empty: at the end) and, on a locked agenda,
    the reason for the correction. Subclasses name the model and its fields."""

    position = forms.IntegerField(
        label=_("Position"),
        required=False,
        min_value=1,
        help_text=_("Leave empty to add the item at the end."),
    )

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["position"].help_text = _("The other items move up or down accordingly.")
        self.add_reason_field(meeting)


class MinutesForm(PlainTextForm, forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 16}))


class AttachmentFormBase(PlainTextForm, forms.Form):
    """A file for a meeting; the subclass sets ``file``'s help text (the kinds allowed)."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    file = forms.FileField(label=_("File"))
