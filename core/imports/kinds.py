"""The lists that can be imported: each one's columns and the checks of one of its rows,
and all of them by code (``KINDS``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports.checking import RowChecker
from core.imports.columns import (
    HINT_COUNT,
    HINT_DATE,
    Column,
    ImportKind,
    Lookups,
    choice_map,
    display,
    name_key,
)
from core.models import (
    Availability,
    CarerStatus,
    PartnerKind,
    PartnerStatus,
    ProjectStatus,
    SizeClass,
    TargetGroup,
    Topic,
)
from core.models.carers import ASSIGNABLE

# ---------------------------------------------------------------- partners


def check_partner_row(row: RowChecker, lookups: Lookups, seen: dict[str, int]) -> None:
    row.put_unique_text(
        "name",
        max_length=200,
        existing=lookups.partners,
        seen=seen,
        message=_("“%(column)s”: a partner named “%(value)s” already exists."),
    )
    row.put_choice(
        "kind",
        PartnerKind,
        _("“%(column)s”: “%(value)s” is not a known kind of partner."),
        required=True,
    )
    row.put_choice("size_class", SizeClass, _("“%(column)s”: “%(value)s” is not a known size."))
    row.put("street", row.text("street", max_length=200))
    row.put("postcode", row.postcode("postcode"))
    row.put("city", row.text("city", max_length=100))
    row.put("website", row.url("website"))
    row.put_period(
        "joined_on", "left_on", _("“%(column)s”: the leaving date is before the joining date.")
    )
    row.put_choice("status", PartnerStatus, _("“%(column)s”: “%(value)s” is not a known status."))
    row.put("public_listing_consent", row.boolean("public_listing_consent"))
    row.put("care_guides_count", row.count("care_guides_count"))
    measures = row.names(
        "measures",
        lookups.measures,
        _("“%(column)s”: “%(value)s” is not in the measures catalogue."),
    )
    row.many["measures"] = measures or []
    row.put("description", row.text("description", multiline=True))


PARTNERS = ImportKind(
    code="partners",
    label=gettext_lazy("Partners"),
    permission="alliance.partners.change",
    check_row=check_partner_row,
    columns=(
        Column("name", "Name", ("name", "organisation", "organization"), required=True),
        Column("kind", "Art", ("kind", "type", "Typ"), required=True, choices=PartnerKind),
        Column(
            "size_class",
            "Größe",
            ("size", "size class", "Größenklasse"),
            hint=gettext_lazy("empty: not applicable"),
            choices=SizeClass,
        ),
        Column("street", "Straße", ("street", "street and number", "Straße und Hausnummer")),
        Column("postcode", "PLZ", ("postcode", "zip", "postal code", "Postleitzahl")),
        Column("city", "Ort", ("town", "city", "Stadt")),
        Column(
            "website",
            "Website",
            ("website", "Webseite", "Internet", "Homepage", "URL"),
            hint=gettext_lazy("web address, e.g. www.example.org"),
        ),
        Column(
            "joined_on",
            "Beigetreten am",
            ("joined on", "joined", "Beigetreten", "Beitritt", "Beitrittsdatum"),
            hint=HINT_DATE,
        ),
        Column(
            "left_on",
            "Ausgetreten am",
            ("left on", "left", "Ausgetreten", "Austritt", "Austrittsdatum"),
            hint=HINT_DATE,
        ),
        Column(
            "status",
            "Status",
            ("status",),
            hint=gettext_lazy("empty: active"),
            choices=PartnerStatus,
        ),
        Column(
            "public_listing_consent",
            "Öffentlich",
            ("public", "listed publicly", "may be listed publicly", "öffentlich gelistet"),
            hint=gettext_lazy("ja or nein (empty: nein)"),
        ),
        Column(
            "care_guides_count",
            "Pflegelotsen",
            ("care guides", "trained company care guides", "betriebliche Pflegelotsen"),
            hint=HINT_COUNT,
        ),
        Column(
            "measures",
            "Maßnahmen",
            ("measures", "family-friendly measures"),
            hint=gettext_lazy("names from the measures catalogue, separated by semicolons"),
        ),
        Column(
            "description",
            "Beschreibung",
            ("description", "engagement for families", "Engagement für Familien"),
        ),
    ),
)


# ---------------------------------------------------------------- projects


def check_project_row(row: RowChecker, lookups: Lookups, seen: dict[str, int]) -> None:
    row.put_unique_text(
        "title",
        max_length=200,
        existing=lookups.projects,
        seen=seen,
        message=_("“%(column)s”: a project titled “%(value)s” already exists."),
    )
    row.put_choice(
        "topic", Topic, _("“%(column)s”: “%(value)s” is not a known topic."), required=True
    )
    row.put_choice("status", ProjectStatus, _("“%(column)s”: “%(value)s” is not a known status."))
    row.put_period("start_date", "end_date", _("“%(column)s”: the end is before the start."))
    unknown_partner = _("“%(column)s”: there is no partner named “%(value)s”.")
    lead = row.raw_value("lead_partner")
    if lead is not None:
        lead_id = lookups.partners.get(name_key(display(lead)))
        if lead_id is None:
            row.fail("lead_partner", unknown_partner, value=display(lead))
        row.put("lead_partner_id", lead_id)
    partners = row.names("partners", lookups.partners, unknown_partner)
    row.many["partners"] = partners or []
    row.put(
        "target_groups",
        row.choices(
            "target_groups",
            choice_map(TargetGroup),
            _("“%(column)s”: “%(value)s” is not a known target group."),
        ),
    )
    row.put("families_reached", row.count("families_reached"))
    row.put("funding_amount", row.amount("funding_amount"))
    row.put("funding_source", row.text("funding_source", max_length=200))
    row.put("description", row.text("description", multiline=True))


PROJECTS = ImportKind(
    code="projects",
    label=gettext_lazy("Projects"),
    permission="alliance.work.change",
    check_row=check_project_row,
    columns=(
        Column("title", "Titel", ("title",), required=True),
        Column("topic", "Thema", ("topic",), required=True, choices=Topic),
        Column(
            "status",
            "Status",
            ("status",),
            hint=gettext_lazy("empty: planned"),
            choices=ProjectStatus,
        ),
        Column("start_date", "Beginn", ("start", "start date", "begins"), hint=HINT_DATE),
        Column("end_date", "Ende", ("end", "end date", "ends"), hint=HINT_DATE),
        Column(
            "lead_partner",
            "Federführung",
            ("lead partner", "lead", "federführender Partner"),
            hint=gettext_lazy("name of an existing partner"),
        ),
        Column(
            "partners",
            "Partner",
            ("partners", "participating partners", "beteiligte Partner"),
            hint=gettext_lazy("names of existing partners, separated by semicolons"),
        ),
        Column(
            "target_groups",
            "Zielgruppen",
            ("target groups", "target group", "Zielgruppe"),
            hint=gettext_lazy("several separated by semicolons"),
            choices=TargetGroup,
        ),
        Column("families_reached", "Erreichte Familien", ("families reached",), hint=HINT_COUNT),
        Column(
            "funding_amount",
            "Förderung",
            ("funding", "funding amount", "Fördersumme"),
            hint=gettext_lazy("amount in euros, e.g. 1.500,00"),
        ),
        Column("funding_source", "Förderer", ("funded by", "funder", "Fördermittelgeber")),
        Column("description", "Beschreibung", ("description",)),
    ),
)


# ---------------------------------------------------------------- carers


def check_carer_row(row: RowChecker, lookups: Lookups, seen: dict[str, int]) -> None:
    """A carer as the form takes one; vetted or active only with every check recorded
    (the service's rule, shown in the preview already)."""
    row.put("first_name", row.text("first_name", max_length=100, required=True))
    row.put("last_name", row.text("last_name", max_length=100, required=True))
    email = row.text("email", max_length=254)
    if email is not None:
        try:
            validate_email(email)
        except ValidationError:
            row.fail("email", _("“%(column)s”: “%(value)s” is not an e-mail address."), value=email)
            email = None
    row.put("email", email)
    row.put("phone", row.text("phone", max_length=50))
    row.put("address", row.text("address", max_length=300))
    row.put_choice("status", CarerStatus, _("“%(column)s”: “%(value)s” is not a known status."))
    row.put(
        "availability",
        row.choices(
            "availability",
            choice_map(Availability),
            _("“%(column)s”: “%(value)s” is not a known time (weekdays, evenings, ...)."),
        ),
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


CARERS = ImportKind(
    code="carers",
    label=gettext_lazy("Carers"),
    permission="alliance.childcare.change",
    check_row=check_carer_row,
    columns=(
        Column("first_name", "Vorname", ("first name", "given name"), required=True),
        Column("last_name", "Nachname", ("last name", "surname", "Name"), required=True),
        Column("email", "E-Mail", ("e-mail", "email", "e-mail address", "E-Mail-Adresse")),
        Column("phone", "Telefon", ("phone", "telephone", "Handy", "Mobil")),
        Column("address", "Adresse", ("address", "Anschrift")),
        Column(
            "status", "Status", ("status",), hint=gettext_lazy("empty: applicant"),
            choices=CarerStatus,
        ),
        Column(
            "availability", "Verfügbarkeit", ("availability", "available", "verfügbar"),
            hint=gettext_lazy("several separated by semicolons"), choices=Availability,
        ),
        Column("languages", "Sprachen", ("languages",)),
        Column("qualifications", "Qualifikationen", ("qualifications", "Qualifikation")),
        Column(
            "police_clearance_on", "Führungszeugnis vom",
            ("police clearance", "extended police clearance issued on", "Führungszeugnis"),
            hint=HINT_DATE,
        ),
        Column(
            "first_aid_on", "Erste-Hilfe-Kurs am",
            ("first aid", "first-aid course on", "Erste Hilfe", "Erste-Hilfe-Kurs"),
            hint=HINT_DATE,
        ),
        Column(
            "training_on", "Schulung am",
            ("training", "pool training attended on", "Schulung"),
            hint=HINT_DATE,
        ),
    ),
)  # fmt: skip

KINDS: dict[str, ImportKind] = {kind.code: kind for kind in (PARTNERS, PROJECTS, CARERS)}
