"""Forms of projects, working groups and events."""

from __future__ import annotations

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from core.models import Event, Project, TargetGroup, WorkingGroup
from kernel.crud.forms import RecordForm, checkbox_choices


class ProjectForm(RecordForm):
    target_groups = checkbox_choices(_("Target groups"), TargetGroup.choices)

    class Meta:
        model = Project
        fields = [
            "title", "topic", "status", "start_date", "end_date", "lead_partner", "partners",
            "target_groups", "families_reached", "funding_amount", "funding_source",
            "description", "is_public",
        ]  # fmt: skip
        widgets = {"partners": forms.SelectMultiple(attrs={"size": 8})}
        text_rows = 4

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Negative money is refused here, with a readable message, before the database.
        funding = self.fields["funding_amount"]
        funding.validators.append(MinValueValidator(0))
        funding.widget.attrs["min"] = "0"


class WorkingGroupForm(RecordForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "topic", "chair", "members", "is_active", "description"]
        widgets = {"members": forms.SelectMultiple(attrs={"size": 8})}
        text_rows = 4


class EventForm(RecordForm):
    class Meta:
        model = Event
        fields = [
            "title", "kind", "date", "start_time", "place", "participant_count", "project",
            "description", "is_public",
        ]  # fmt: skip
        text_rows = 4
        querysets = {"project": Project.objects.order_by("title")}
