"""Forms of the regional meetings: the meeting, its agenda, invitations, replies,
minutes and attachments."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kernel.crud.forms import RecordForm, TimeInput
from kernel.meetings.forms import (
    AgendaCorrectionForm,
    AgendaItemFormBase,
    AgendaReasonMixin,
    AttachmentFormBase,
    MinutesForm,
)
from kernel.text import PlainTextForm
from regional.forms.fields import AllianceCheckboxes
from regional.models import AgendaItem, RegionalMeeting, Response
from regional.selectors.meetings import invitable_alliances
from regional.services.invitations import parse_invitee_lines
from regional.services.meetings import parse_agenda_lines


class RegionalMeetingForm(RecordForm):
    class Meta:
        model = RegionalMeeting
        fields = [
            "title", "kind", "date", "start_time", "end_time", "place", "host_alliance",
            "moderation", "description",
        ]  # fmt: skip
        text_rows = 5
        querysets = {"host_alliance": invitable_alliances}


class AgendaItemForm(AgendaItemFormBase):
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), required=False, min_value=1, max_value=1440
    )

    class Meta:
        model = AgendaItem
        fields = ["position", "start_time", "duration_minutes", "title", "speaker"]
        widgets = {"start_time": TimeInput()}
        help_texts = {
            "start_time": _("Leave empty to begin when the previous item ends."),
        }

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, meeting=meeting, **kwargs)
        if self.instance.pk is not None:
            self.fields["start_time"].help_text = ""


class AgendaBulkForm(AgendaReasonMixin, PlainTextForm, forms.Form):
    lines = forms.CharField(
        label=_("Agenda items, one per line"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Time | minutes | item | speaker, for example "
            "“10:00 | 15 | Welcome by the mayor | Mayor Anna Beispiel”. Time, minutes and "
            "speaker may be left out; an item without a time begins when the previous one ends."
        ),
    )

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_reason_field(meeting)

    def clean_lines(self):
        entries, bad = parse_agenda_lines(self.cleaned_data["lines"])
        if bad:
            raise forms.ValidationError(
                _("These lines could not be read: %(lines)s") % {"lines": " · ".join(bad)}
            )
        if not entries:
            raise forms.ValidationError(_("Please enter at least one agenda item."))
        return entries


class InvitationForm(PlainTextForm, forms.Form):
    alliances = AllianceCheckboxes(
        label=_("Alliances"),
        help_text=_("The local coordinators of each chosen alliance are invited."),
    )
    people = forms.CharField(
        label=_("Further people"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line: “Name <e-mail address>” or just the e-mail address."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alliances"].queryset = invitable_alliances()

    def clean_people(self):
        people, bad = parse_invitee_lines(self.cleaned_data.get("people", ""))
        if bad:
            raise forms.ValidationError(
                _("These lines are not a name with an e-mail address: %(lines)s")
                % {"lines": " · ".join(bad)}
            )
        return people

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("alliances") and not cleaned.get("people"):
            raise forms.ValidationError(_("Please choose alliances or enter people to invite."))
        return cleaned


class SendInvitationsForm(forms.Form):
    resend = forms.BooleanField(
        label=_("Send again to everyone already invited (for example after a change)"),
        required=False,
    )


class ReplyForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Your reply"),
        choices=[
            (Response.ATTENDING, _("I will attend")),
            (Response.DECLINED, _("I will not attend")),
        ],
        widget=forms.RadioSelect,
    )


class AttachmentForm(AttachmentFormBase):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, XLSX, ODT, PNG or JPG, at most 20 MB."),
    )


class AgendaMoveForm(AgendaCorrectionForm):
    """Moves an item of a locked agenda one place: the move needs a reason there (the
    buttons of an agenda still open move at once, without this form)."""

    direction = forms.ChoiceField(
        label=_("Move"),
        choices=[("up", _("Move up")), ("down", _("Move down"))],
        widget=forms.RadioSelect,
    )
    field_order = ["direction", "reason"]


__all__ = [
    "AgendaBulkForm",
    "AgendaItemForm",
    "AgendaMoveForm",
    "AttachmentForm",
    "InvitationForm",
    "MinutesForm",
    "RegionalMeetingForm",
    "ReplyForm",
    "SendInvitationsForm",
]
