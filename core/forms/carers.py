"""Forms of the childcare pool: a carer with their checks, and a placement."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.models import Availability, Carer, Placement
from core.models.carers import ASSIGNABLE
from kernel.collation import by_name
from kernel.crud.forms import RecordForm, checkbox_choices


class CarerForm(RecordForm):
    availability = checkbox_choices(_("Availability"), Availability.choices)

    class Meta:
        model = Carer
        fields = [
            "first_name", "last_name", "email", "phone", "address", "status", "availability",
            "languages", "qualifications", "police_clearance_on", "first_aid_on",
            "training_on", "notes",
        ]  # fmt: skip
        help_texts = {
            "police_clearance_on": _("Valid for five years from the date of issue."),
            "first_aid_on": _("Valid for two years."),
            "status": _("Vetted or active only with every check recorded."),
            "languages": _("Separated by commas, e.g. Deutsch, Englisch."),
        }


class PlacementForm(RecordForm):
    class Meta:
        model = Placement
        fields = [
            "family_name", "family_contact", "children_count", "children_ages", "partner",
            "carer", "kind", "recurrence", "hours_per_month", "start_date", "end_date",
            "status", "notes",
        ]  # fmt: skip
        help_texts = {
            "family_name": _("Only what the coordination needs, e.g. “Familie M.”."),
            "partner": _("The employer that pays for the care, if any."),
            "carer": _("Only vetted or active carers with every check valid on the start."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        carers = Carer.objects.filter(status__in=ASSIGNABLE)
        if self.instance.pk:  # the carer already assigned stays selectable
            carers = carers | Carer.objects.filter(pk=self.instance.carer_id)
        self.fields["carer"].queryset = carers.order_by(by_name("last_name"), by_name("first_name"))
        self.fields["hours_per_month"].widget.attrs.update(min=0, max=744, step="0.5")
        self.fields["children_count"].widget.attrs.update(min=1, max=20)
