"""Forms of the holiday programme and the family guide."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.models import GuideEntry, HolidayOffer
from kernel.crud.forms import RecordForm


class HolidayOfferForm(RecordForm):
    class Meta:
        model = HolidayOffer
        fields = [
            "title", "description", "organiser", "partner", "start_date", "end_date",
            "start_time", "end_time", "place", "age_min", "age_max", "price",
            "max_participants", "registration", "is_published",
        ]  # fmt: skip
        text_rows = 4
        help_texts = {
            "partner": _("If the organiser is a partner of the alliance."),
            "registration": _(
                "How families register; shown publicly. Give the organiser's office, "
                "not a private person's address or phone number."
            ),
            "is_published": _("Shown in the public calendar, the calendar feed and the plan."),
        }
        minimums = {"price": 0}


class GuideEntryForm(RecordForm):
    class Meta:
        model = GuideEntry
        fields = [
            "title", "category", "organisation", "description", "address", "phone", "email",
            "website", "opening_hours", "is_published",
        ]  # fmt: skip
        text_rows = 4
        help_texts = {
            "phone": _("The service's number, shown publicly; not a private person's."),
            "email": _("The service's address, shown publicly; not a private person's."),
            "is_published": _("Shown in the public family guide."),
        }
