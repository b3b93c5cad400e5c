"""Forms of the state's workshops at regional meetings (``kernel.workshops.forms``)."""

from __future__ import annotations

from django.forms import modelform_factory

from kernel.workshops import forms as workshop_forms
from regional.models import RegionalRegistration, RegionalTable, RegionalWorkshop
from regional.selectors.meetings import invitable_alliances

TableForm = modelform_factory(RegionalTable, form=workshop_forms.TopicForm)


class WorkshopForm(workshop_forms.WorkshopForm):
    class Meta(workshop_forms.WorkshopForm.Meta):
        model = RegionalWorkshop


class RegistrationForm(workshop_forms.EnteredRegistrationForm):
    """A registration entered by the office, for the person's alliance if any."""

    class Meta(workshop_forms.EnteredRegistrationForm.Meta):
        model = RegionalRegistration
        fields = ["name", "email", "organisation", "alliance", "wishes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alliance"].queryset = invitable_alliances()
