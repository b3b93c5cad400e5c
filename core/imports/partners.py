"""The partner list: its columns and the checks of one partner row."""

from __future__ import annotations

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
)
from core.models import PartnerKind, PartnerStatus, SizeClass

# ---------------------------------------------------------------- partners


def check_partner_row(row: RowChecker, lookups: Lookups, seen: dict[str, int]) -> None:
    name = row.text("name", max_length=200, required=True)
    row.unique(
        "name",
        name,
        lookups.partners,
        seen,
        _("“%(column)s”: a partner named “%(value)s” already exists."),
    )
    row.put("name", name)
    row.put(
        "kind",
        row.choice(
            "kind",
            choice_map(PartnerKind),
            _("“%(column)s”: “%(value)s” is not a known kind of partner."),
            required=True,
        ),
    )
    row.put(
        "size_class",
        row.choice(
            "size_class", choice_map(SizeClass), _("“%(column)s”: “%(value)s” is not a known size.")
        ),
    )
    row.put("street", row.text("street", max_length=200))
    row.put("postcode", row.postcode("postcode"))
    row.put("city", row.text("city", max_length=100))
    row.put("website", row.url("website"))
    joined_on = row.date("joined_on")
    left_on = row.date("left_on")
    if joined_on and left_on and left_on < joined_on:
        row.fail("left_on", _("“%(column)s”: the leaving date is before the joining date."))
        left_on = None
    row.put("joined_on", joined_on)
    row.put("left_on", left_on)
    row.put(
        "status",
        row.choice(
            "status",
            choice_map(PartnerStatus),
            _("“%(column)s”: “%(value)s” is not a known status."),
        ),
    )
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
