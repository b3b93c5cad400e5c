"""Serializers of the childcare pool: carers with their checks, and placements."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import counted, related_text
from api.serializers.records import RecordSerializer
from core.forms.carers import CarerForm, PlacementForm
from core.models import Availability


class CarerSerializer(RecordSerializer):
    availability = serializers.ListField(
        child=serializers.ChoiceField(choices=Availability.choices),
        required=False,
        max_length=len(Availability.choices),
        help_text=_("When the carer is available: weekdays, evenings, nights, weekends."),
    )
    running_placements = counted(_("Running placements of the carer."))

    class Meta:
        form = CarerForm
        help = {
            "first_name": _("First name."),
            "last_name": _("Last name."),
            "email": _("E-mail address."),
            "phone": _("Phone number."),
            "address": _("Postal address."),
            "status": _("Applicant, vetted, active, paused or left."),
            "languages": _("Languages, separated by commas."),
            "qualifications": _("Qualifications."),
            "police_clearance_on": _("Date of issue of the extended police clearance."),
            "police_clearance_until": _("Renewal due: five years after the issue."),
            "first_aid_on": _("Date of the first-aid course."),
            "first_aid_until": _("Valid until: two years after the course."),
            "training_on": _("Date the pool training was attended."),
            "notes": _("Notes."),
            "anonymised_at": _("When the personal data were anonymised, if ever."),
        }


class PlacementSerializer(RecordSerializer):
    carer_name = related_text("carer", _("Name of the carer."))
    partner_name = related_text("partner.name", _("Name of the employer that pays, if any."))

    class Meta:
        form = PlacementForm
        help = {
            "family_name": _("The family, as briefly as the coordination needs."),
            "family_contact": _("Phone number or e-mail address of the family."),
            "children_count": _("Number of children cared for."),
            "children_ages": _("Ages of the children."),
            "partner": _("Identifier of the employer (partner) that pays, if any."),
            "carer": _("Identifier of the carer (every check valid on the start)."),
            "kind": _("Kind of care."),
            "recurrence": _("How often the care takes place."),
            "hours_per_month": _("Hours of care per month."),
            "start_date": _("First day of the placement."),
            "end_date": _("Last day of the placement, if known."),
            "status": _("Planned, running or ended."),
            "notes": _("Notes."),
            "anonymised_at": _("When the personal data were anonymised, if ever."),
        }
