"""Forms of the alliance's workshops and of the working groups' tasks."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import (
    Event,
    WorkingGroup,
    WorkingGroupTask,
    Workshop,
    WorkshopRegistration,
    WorkshopTopic,
)
from kernel.crud.dates import DateInput
from kernel.crud.forms import RecordForm

SETTINGS = ["format", "capacity", "rounds", "registration_open", "waiting_list", "privacy_notice"]
_TEXT = {"privacy_notice": forms.Textarea(attrs={"rows": 4})}


class WorkshopForm(RecordForm):
    class Meta:
        model = Workshop
        fields = SETTINGS
        widgets = _TEXT


class WorkshopCreateForm(RecordForm):
    """A workshop for one of the events that is not one yet."""

    class Meta:
        model = Workshop
        fields = ["event", *SETTINGS]
        widgets = _TEXT

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(workshop__isnull=True).order_by(
            "-date", "title"
        )


class TopicForm(RecordForm):
    class Meta:
        model = WorkshopTopic
        fields = ["title", "host", "moderator", "result"]
        widgets = {"result": forms.Textarea(attrs={"rows": 6})}


class RegistrationForm(RecordForm):
    """A registration entered by the office (the public form is ``kernel.workshops.forms``)."""

    class Meta:
        model = WorkshopRegistration
        fields = ["name", "email", "organisation", "wishes"]
        widgets = {"wishes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, workshop=None, **kwargs):
        super().__init__(*args, **kwargs)
        workshop = workshop or getattr(self.instance, "workshop", None)
        self.fields["wishes"].queryset = WorkshopTopic.objects.filter(workshop=workshop).order_by(
            "title"
        )


class TaskForm(RecordForm):
    class Meta:
        model = WorkingGroupTask
        fields = ["working_group", "title", "due", "responsible", "status", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"].queryset = WorkingGroup.objects.order_by("name")


class TaskFromResultForm(forms.Form):
    working_group = forms.ModelChoiceField(
        label=_("Working group"), queryset=WorkingGroup.objects.none()
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    due = WorkingGroupTask._meta.get_field("due").formfield(widget=DateInput)
    responsible = forms.CharField(label=_("Responsible"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(
            is_active=True
        ).order_by("name")
