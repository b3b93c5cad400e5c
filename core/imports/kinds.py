"""The lists that can be imported: each one's columns, permission and pages, and the
check of one of its rows (``core.imports.rows``); all of them by code (``KINDS``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy

from core.imports.columns import (
    HINT_COUNT,
    HINT_DATE,
    HINT_PARTNER,
    Column,
    ImportKind,
    Unique,
)
from core.imports.rows import (
    check_care_guide_row,
    check_carer_row,
    check_funding_row,
    check_partner_row,
    check_project_row,
    check_supporter_row,
)
from core.models import (
    Availability,
    CarerStatus,
    FundingKind,
    PartnerKind,
    PartnerStatus,
    ProjectStatus,
    SizeClass,
    SupporterKind,
    TargetGroup,
    Topic,
)

# ---------------------------------------------------------------- columns several kinds have


def kind_column(choices: type[models.TextChoices], *, required=False, hint: Any = "") -> Column:
    """The kind of the record ("Art"): one of ``choices``."""
    return Column("kind", "Art", ("kind", "type", "Typ"), required, hint, choices)


#: A partner named by its name (``RowChecker.put_named`` with ``UNKNOWN_PARTNER``).
PARTNER = Column(
    "partner", "Partner", ("partner", "organisation", "partner organisation"), hint=HINT_PARTNER
)
#: An address (``RowChecker.put_address``).
ADDRESS = (
    Column("street", "Straße", ("street", "street and number", "Straße und Hausnummer")),
    Column("postcode", "PLZ", ("postcode", "zip", "postal code", "Postleitzahl")),
    Column("city", "Ort", ("town", "city", "Stadt")),
)
EMAIL = Column("email", "E-Mail", ("e-mail", "email", "e-mail address", "E-Mail-Adresse"))
PHONE = Column("phone", "Telefon", ("phone", "telephone", "Handy", "Mobil"))
#: Joining and leaving (``RowChecker.put_period`` of the two).
MEMBERSHIP = (
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
)

HINT_AMOUNT = gettext_lazy("amount in euros, e.g. 1.500,00")
JOINED, LEFT = MEMBERSHIP


# ---------------------------------------------------------------- partners

PARTNERS = ImportKind(
    code="partners",
    label=gettext_lazy("Partners"),
    permission="alliance.partners.change",
    check_row=check_partner_row,
    url_name="partner",
    done_message=gettext_lazy("All rows have been imported: %(count)s partners."),
    columns=(
        Column(
            "name",
            "Name",
            ("name", "organisation", "organization"),
            required=True,
            unique=Unique(
                "partners",
                gettext_lazy("“%(column)s”: a partner named “%(value)s” already exists."),
            ),
        ),
        kind_column(PartnerKind, required=True),
        Column(
            "size_class",
            "Größe",
            ("size", "size class", "Größenklasse"),
            hint=gettext_lazy("empty: not applicable"),
            choices=SizeClass,
        ),
        *ADDRESS,
        Column(
            "website",
            "Website",
            ("website", "Webseite", "Internet", "Homepage", "URL"),
            hint=gettext_lazy("web address, e.g. www.example.org"),
        ),
        *MEMBERSHIP,
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

PROJECTS = ImportKind(
    code="projects",
    label=gettext_lazy("Projects"),
    permission="alliance.work.change",
    check_row=check_project_row,
    url_name="project",
    done_message=gettext_lazy("All rows have been imported: %(count)s projects."),
    columns=(
        Column(
            "title",
            "Titel",
            ("title",),
            required=True,
            unique=Unique(
                "projects",
                gettext_lazy("“%(column)s”: a project titled “%(value)s” already exists."),
            ),
        ),
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
            hint=HINT_PARTNER,
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
            hint=HINT_AMOUNT,
        ),
        Column("funding_source", "Förderer", ("funded by", "funder", "Fördermittelgeber")),
        Column("description", "Beschreibung", ("description",)),
    ),
)


# ---------------------------------------------------------------- carers

CARERS = ImportKind(
    code="carers",
    label=gettext_lazy("Carers"),
    permission="alliance.childcare.change",
    check_row=check_carer_row,
    url_name="carer",
    done_message=gettext_lazy("All rows have been imported: %(count)s carers."),
    columns=(
        Column("first_name", "Vorname", ("first name", "given name"), required=True),
        Column("last_name", "Nachname", ("last name", "surname", "Name"), required=True),
        EMAIL,
        PHONE,
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


# ---------------------------------------------------------------- care guides

CARE_GUIDES = ImportKind(
    code="care-guides",
    label=gettext_lazy("Company care guides"),
    # The coordinator keeps every partner's guides (a partner contact: its own, by hand).
    permission="alliance.partners.change",
    check_row=check_care_guide_row,
    url_name="care-guide",
    done_message=gettext_lazy("All rows have been imported: %(count)s care guides."),
    columns=(
        replace(PARTNER, required=True),
        Column(
            "name", "Name", ("name", "care guide", "Pflegelotse", "Pflegelotsin"), required=True
        ),
        EMAIL,
        PHONE,
        Column(
            "training_course",
            "Schulung",
            ("training course", "course", "Kurs", "Lehrgang"),
        ),
        Column(
            "trained_on",
            "Geschult am",
            ("trained on", "training date", "Schulungsdatum"),
            hint=HINT_DATE,
        ),
        Column(
            "refresher_due",
            "Auffrischung fällig",
            ("refresher due", "refresher", "Auffrischung"),
            hint=gettext_lazy("date; empty: two years after the training"),
        ),
        Column(
            "is_active",
            "Aktiv",
            ("active", "still active"),
            hint=gettext_lazy("ja or nein (empty: ja)"),
        ),
    ),
)


# ---------------------------------------------------------------- members and donors

SUPPORTERS = ImportKind(
    code="supporters",
    label=gettext_lazy("Members and donors"),
    permission="alliance.fundraising.donors",
    check_row=check_supporter_row,
    url_name="supporter",
    done_message=gettext_lazy("All rows have been imported: %(count)s members and donors."),
    columns=(
        Column(
            "name",
            "Name",
            ("name", "member", "donor", "Mitglied", "Spender"),
            required=True,
            unique=Unique(
                "supporters",
                gettext_lazy("“%(column)s”: a member or donor named “%(value)s” already exists."),
            ),
        ),
        kind_column(SupporterKind, hint=gettext_lazy("empty: person")),
        PARTNER,
        *ADDRESS,
        EMAIL,
        replace(JOINED, hint=gettext_lazy("date; empty: a donor who is not a member")),
        LEFT,
        Column(
            "yearly_fee",
            "Jahresbeitrag",
            ("yearly fee", "membership fee", "fee", "Mitgliedsbeitrag", "Beitrag"),
            hint=HINT_AMOUNT,
        ),
        Column("notes", "Notizen", ("notes", "Bemerkungen", "Notiz")),
    ),
)


# ---------------------------------------------------------------- money received

FUNDING = ImportKind(
    code="funding",
    label=gettext_lazy("Funding entries"),
    permission="alliance.work.change",
    check_row=check_funding_row,
    url_name="funding",
    done_message=gettext_lazy("All rows have been imported: %(count)s funding entries."),
    columns=(
        kind_column(FundingKind, required=True),
        Column("amount", "Betrag", ("amount", "sum", "Summe"), required=True, hint=HINT_AMOUNT),
        Column(
            "received_on",
            "Eingegangen am",
            ("received on", "date", "Datum", "Eingang"),
            required=True,
            hint=HINT_DATE,
        ),
        Column(
            "supporter",
            "Mitglied oder Spender",
            ("member or donor", "member", "donor", "Mitglied", "Spender"),
            hint=gettext_lazy("name of an existing member or donor"),
        ),
        PARTNER,
        Column(
            "donor",
            "Von (kein Partner)",
            ("from", "from (if not a partner)", "Von", "Geber"),
        ),
        Column("purpose", "Zweck", ("purpose", "Verwendungszweck")),
    ),
)


KINDS: dict[str, ImportKind] = {
    kind.code: kind for kind in (PARTNERS, PROJECTS, CARERS, CARE_GUIDES, SUPPORTERS, FUNDING)
}
