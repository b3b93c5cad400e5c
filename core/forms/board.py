"""Forms of the board: members, meeting templates and series, meetings, agendas,
minutes and attachments (on the meeting forms of ``kernel.meetings.forms``)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import AgendaItem, BoardMeeting, BoardMember, MeetingTemplate
from core.services.board import SERIES_MAX
from kernel.crud.dates import PlausibleDateField
from kernel.crud.forms import RecordForm
from kernel.meetings.forms import AgendaItemFormBase, AttachmentFormBase, MinutesForm
from kernel.text import PlainTextForm


class BoardMemberForm(RecordForm):
    class Meta:
        model = BoardMember
        fields = [
            "full_name", "affiliation", "partner", "position", "email", "phone",
            "term_start", "term_end",
        ]  # fmt: skip


class MeetingTemplateForm(RecordForm):
    class Meta:
        model = MeetingTemplate
        fields = ["name", "location", "start_time", "agenda"]
        text_rows = 8


class MeetingSeriesForm(PlainTextForm, forms.Form):
    title = forms.CharField(label=_("Title of the meetings"), max_length=200)
    first_date = PlausibleDateField(label=_("Date of the first meeting"))
    count = forms.IntegerField(
        label=_("Number of meetings"),
        min_value=1,
        max_value=SERIES_MAX,
        initial=4,
        help_text=_("The meetings follow each other every three months."),
    )


class BoardMeetingForm(RecordForm):
    class Meta:
        model = BoardMeeting
        fields = ["title", "date", "start_time", "location"]


class BoardMeetingCreateForm(BoardMeetingForm):
    class Meta(BoardMeetingForm.Meta):
        fields = ["title", "date", "start_time", "location", "template"]
        help_texts = {
            "template": _(
                "Place, time and standing agenda are taken from the template where left empty."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get("date"):
            self.fields["date"].initial = timezone.localdate()


class AgendaItemForm(AgendaItemFormBase):
    class Meta:
        model = AgendaItem
        fields = ["position", "title", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class AttachmentForm(AttachmentFormBase):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, XLSX, ODT, ODS, PNG or JPG, at most 20 MB."),
    )


__all__ = [
    "AgendaItemForm",
    "AttachmentForm",
    "BoardMeetingCreateForm",
    "BoardMeetingForm",
    "BoardMemberForm",
    "MeetingSeriesForm",
    "MeetingTemplateForm",
    "MinutesForm",
]
