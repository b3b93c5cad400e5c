"""Forms of the state's workshops at regional meetings."""

from __future__ import annotations

from django import forms

from kernel.crud.forms import RecordForm
from regional.models import RegionalMeeting, RegionalRegistration, RegionalTable, RegionalWorkshop
from regional.selectors.meetings import invitable_alliances

SETTINGS = ["format", "capacity", "rounds", "registration_open", "waiting_list", "privacy_notice"]
_TEXT = {"privacy_notice": forms.Textarea(attrs={"rows": 4})}


class WorkshopForm(RecordForm):
    class Meta:
        model = RegionalWorkshop
        fields = SETTINGS
        widgets = _TEXT


class WorkshopCreateForm(RecordForm):
    class Meta:
        model = RegionalWorkshop
        fields = ["meeting", *SETTINGS]
        widgets = _TEXT

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = RegionalMeeting.objects.filter(
            workshop__isnull=True
        ).order_by("-date")


class TableForm(RecordForm):
    class Meta:
        model = RegionalTable
        fields = ["title", "host", "moderator", "result"]
        widgets = {"result": forms.Textarea(attrs={"rows": 6})}


class RegistrationForm(RecordForm):
    class Meta:
        model = RegionalRegistration
        fields = ["name", "email", "organisation", "alliance", "wishes"]
        widgets = {"wishes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, workshop=None, **kwargs):
        super().__init__(*args, **kwargs)
        workshop = workshop or getattr(self.instance, "workshop", None)
        self.fields["wishes"].queryset = RegionalTable.objects.filter(workshop=workshop).order_by(
            "title"
        )
        self.fields["alliance"].queryset = invitable_alliances()
