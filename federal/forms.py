"""Forms of the federal service office: programmes, their participants and milestones,
shared documents, and the alliance of the month."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from federal.models import Award, Milestone, Participation, Programme, ProgrammeDocument
from federal.selectors.programmes import participant_choices, visible_programmes
from kernel.crud.forms import RecordForm
from kernel.dates import validate_plausible_date
from kernel.library.forms import DocumentFormBase


class AllianceChoiceField(forms.ModelChoiceField):
    """An alliance of any state, named with its state ("Jena (Thüringen)")."""

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.state.name})" if obj.state_id else obj.name


class ProgrammeForm(RecordForm):
    class Meta:
        model = Programme
        fields = ["name", "kind", "status", "starts_on", "ends_on", "description"]
        text_rows = {"description": 5}


class ParticipationForm(RecordForm):
    class Meta:
        model = Participation
        fields = ["alliance", "joined_on"]
        field_classes = {"alliance": AllianceChoiceField}
        querysets = {"alliance": participant_choices}


class MilestoneForm(RecordForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "done_on"]


class ProgrammeDocumentForm(DocumentFormBase):
    class Meta:
        model = ProgrammeDocument
        fields = ["programme", "title", "description", "tags"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = visible_programmes()


class MonthInput(forms.DateInput):
    """The browser's month picker ("2026-03")."""

    input_type = "month"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m", **kwargs)


class MonthField(forms.DateField):
    """A month, as the picker sends it ("2026-03") or as people type it ("03.2026");
    the award is stored under the month's first day."""

    widget = MonthInput
    input_formats = ["%Y-%m", "%m.%Y", "%m/%Y", "%Y-%m-%d", "%d.%m.%Y"]
    default_validators = [validate_plausible_date]
    default_error_messages = {"invalid": _("Please give a month, e.g. 2026-03 or 03.2026.")}

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class AwardForm(RecordForm):
    class Meta:
        model = Award
        fields = ["month", "alliance", "citation", "published"]
        field_classes = {"month": MonthField, "alliance": AllianceChoiceField}
        querysets = {"alliance": participant_choices}
        text_rows = {"citation": 5}
        help_texts = {
            "citation": _("Why the alliance is honoured; shown with the award."),
            "published": _(
                "Published awards show on the start page, the alliance's public page and in"
                " its workspace."
            ),
        }
