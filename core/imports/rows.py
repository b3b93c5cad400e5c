"""The checks of one row of each list that can be imported (``core.imports.kinds``
declares the lists: their columns and these checks): each cell cleaned into model data,
or a problem naming its column."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.imports.checking import RowChecker
from core.imports.columns import UNKNOWN_PARTNER, Lookups
from core.models.carers import ASSIGNABLE

# ---------------------------------------------------------------- partners


def check_partner_row(row: RowChecker, lookups: Lookups) -> None:
    row.put_choice("kind", _("“%(column)s”: “%(value)s” is not a known kind of partner."))
    row.put_choice("size_class", _("“%(column)s”: “%(value)s” is not a known size."))
    row.put_address()
    row.put("website", row.url("website"))
    row.put_membership()
    row.put_choice("status", _("“%(column)s”: “%(value)s” is not a known status."))
    row.put("public_listing_consent", row.boolean("public_listing_consent"))
    row.put("care_guides_count", row.count("care_guides_count"))
    measures = row.names(
        "measures",
        lookups.measures,
        _("“%(column)s”: “%(value)s” is not in the measures catalogue."),
    )
    row.many["measures"] = measures or []
    row.put("description", row.text("description", multiline=True))


# ---------------------------------------------------------------- projects


def check_project_row(row: RowChecker, lookups: Lookups) -> None:
    row.put_choice("topic", _("“%(column)s”: “%(value)s” is not a known topic."))
    row.put_choice("status", _("“%(column)s”: “%(value)s” is not a known status."))
    row.put_period("start_date", "end_date", _("“%(column)s”: the end is before the start."))
    row.put_named("lead_partner", "lead_partner_id", lookups.partners, UNKNOWN_PARTNER)
    partners = row.names("partners", lookups.partners, UNKNOWN_PARTNER)
    row.many["partners"] = partners or []
    row.put_choices("target_groups", _("“%(column)s”: “%(value)s” is not a known target group."))
    row.put("families_reached", row.count("families_reached"))
    row.put("funding_amount", row.amount("funding_amount"))
    row.put("funding_source", row.text("funding_source", max_length=200))
    row.put("description", row.text("description", multiline=True))


# ---------------------------------------------------------------- carers


def check_carer_row(row: RowChecker, lookups: Lookups) -> None:
    """A carer as the form takes one; vetted or active only with every check recorded
    (the service's rule, shown in the preview already)."""
    row.put("first_name", row.text("first_name", max_length=100, required=True))
    row.put("last_name", row.text("last_name", max_length=100, required=True))
    row.put("email", row.email("email"))
    row.put("phone", row.text("phone", max_length=50))
    row.put("address", row.text("address", max_length=300))
    row.put_choice("status", _("“%(column)s”: “%(value)s” is not a known status."))
    row.put_choices(
        "availability",
        _("“%(column)s”: “%(value)s” is not a known time (weekdays, evenings, ...)."),
    )
    row.put("languages", row.text("languages", max_length=200))
    row.put("qualifications", row.text("qualifications", multiline=True))
    for name in ("police_clearance_on", "first_aid_on", "training_on"):
        row.put(name, row.date(name))
    if row.data.get("status") in ASSIGNABLE and not all(
        row.data.get(name) for name in ("police_clearance_on", "first_aid_on", "training_on")
    ):
        row.fail(
            "status",
            _("“%(column)s”: vetted or active only with all three check dates."),
        )


# ---------------------------------------------------------------- care guides


def check_care_guide_row(row: RowChecker, lookups: Lookups) -> None:
    """A guide as the form takes one, at a partner named in the file."""
    row.put_named("partner", "partner_id", lookups.partners, UNKNOWN_PARTNER, required=True)
    row.put("name", row.text("name", max_length=200, required=True))
    row.put("email", row.email("email"))
    row.put("phone", row.text("phone", max_length=50))
    row.put("training_course", row.text("training_course", max_length=200))
    row.put_period(
        "trained_on",
        "refresher_due",
        _("“%(column)s”: the refresher must be due after the training date."),
        strict=True,
    )
    row.put("is_active", row.boolean("is_active"))


# ---------------------------------------------------------------- members and donors


def check_supporter_row(row: RowChecker, lookups: Lookups) -> None:
    """A member or donor; names are unique in the import, so that money can name them."""
    row.put_choice("kind", _("“%(column)s”: “%(value)s” is not a known kind."))
    row.put_named("partner", "partner_id", lookups.partners, UNKNOWN_PARTNER)
    row.put_address()
    row.put("email", row.email("email"))
    row.put_membership()
    if row.data.get("left_on") and not row.data.get("joined_on"):
        row.fail("left_on", _("“%(column)s”: only a member who joined can leave the circle."))
    row.put("yearly_fee", row.amount("yearly_fee"))
    row.put("notes", row.text("notes", multiline=True))


# ---------------------------------------------------------------- money received


def check_funding_row(row: RowChecker, lookups: Lookups) -> None:
    """Money received, as the form takes it: a kind, an amount above zero, the date."""
    row.put_choice("kind", _("“%(column)s”: “%(value)s” is not a known kind."))
    amount = row.amount("amount", required=True)
    if amount == 0:
        row.fail("amount", _("“%(column)s”: the amount must be greater than zero."))
    else:
        row.put("amount", amount)
    row.put("received_on", row.date("received_on", required=True))
    row.put_named(
        "supporter",
        "supporter_id",
        lookups.supporters,
        _("“%(column)s”: there is no member or donor named “%(value)s”."),
    )
    row.put_named("partner", "partner_id", lookups.partners, UNKNOWN_PARTNER)
    row.put("donor", row.text("donor", max_length=200))
    row.put("purpose", row.text("purpose", max_length=200))
