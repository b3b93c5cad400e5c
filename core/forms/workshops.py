"""Forms of the alliance's workshops (``kernel.workshops.forms``) and of the working
groups' tasks."""

from __future__ import annotations

from django import forms
from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _

from core.models import (
    WorkingGroup,
    WorkingGroupTask,
    Workshop,
    WorkshopRegistration,
    WorkshopTopic,
)
from kernel.crud.dates import DateInput
from kernel.crud.forms import RecordForm
from kernel.workshops import forms as workshop_forms


class WorkshopForm(workshop_forms.WorkshopForm):
    occasion_order = ("-date", "title")

    class Meta(workshop_forms.WorkshopForm.Meta):
        model = Workshop


TopicForm = modelform_factory(WorkshopTopic, form=workshop_forms.TopicForm)
RegistrationForm = modelform_factory(
    WorkshopRegistration, form=workshop_forms.EnteredRegistrationForm
)


class TaskForm(RecordForm):
    class Meta:
        model = WorkingGroupTask
        fields = ["working_group", "title", "due", "responsible", "status", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class TaskFromResultForm(forms.Form):
    """A task from a topic's result, for an active working group (by name, as the
    working groups are ordered)."""

    working_group = forms.ModelChoiceField(
        label=_("Working group"), queryset=WorkingGroup.objects.filter(is_active=True)
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    due = WorkingGroupTask._meta.get_field("due").formfield(widget=DateInput)
    responsible = forms.CharField(label=_("Responsible"), max_length=200, required=False)
