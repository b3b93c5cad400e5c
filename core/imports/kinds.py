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

# ---------------------------------------------------------------- columns by what they hold


def name_column(
    name: str, header: str, aliases: tuple[str, ...], lookup: str, message: Any
) -> Column:
    """The required name (or title) no record of ``lookup`` may have yet."""
    return Column(name, header, aliases, required=True, unique=Unique(lookup, message))


def choice_column(
    name: str,
    header: str,
    aliases: tuple[str, ...],
    choices: type[models.TextChoices],
    hint: Any = "",
) -> Column:
    """One of ``choices``, or several where the hint says so."""
    return Column(name, header, aliases, hint=hint, choices=choices)


def date_column(name: str, header: str, aliases: tuple[str, ...], required=False) -> Column:
    """A date in either of the two spellings ``HINT_DATE`` names."""
    return Column(name, header, aliases, required, HINT_DATE)


def hinted_column(name: str, header: str, aliases: tuple[str, ...], hint: Any) -> Column:
    """An optional column whose upload page explains what it takes."""
    return Column(name, header, aliases, hint=hint)


def kind_column(choices: type[models.TextChoices], *, required=False, hint: Any = "") -> Column:
    """The kind of the record ("Art"): one of ``choices``."""
    return Column("kind", "Art", ("kind", "type", "Typ"), required, hint, choices)


HINT_AMOUNT = gettext_lazy("amount in euros, e.g. 1.500,00")
HINT_SEVERAL = gettext_lazy("several separated by semicolons")

#: A partner named by its name (``RowChecker.put_named`` with ``UNKNOWN_PARTNER``).
PARTNER = hinted_column(
    "partner", "Partner", ("partner", "organisation", "partner organisation"), HINT_PARTNER
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
MEMBERSHIP = JOINED, LEFT = (
    date_column(
        "joined_on",
        "Beigetreten am",
        ("joined on", "joined", "Beigetreten", "Beitritt", "Beitrittsdatum"),
    ),
    date_column(
        "left_on",
        "Ausgetreten am",
        ("left on", "left", "Ausgetreten", "Austritt", "Austrittsdatum"),
    ),
)


# ---------------------------------------------------------------- partners

PARTNERS = ImportKind(
    "partners",
    gettext_lazy("Partners"),
    "alliance.partners.change",
    check_row=check_partner_row,
    url_name="partner",
    done_message=gettext_lazy("All rows have been imported: %(count)s partners."),
    columns=(
        name_column(
            "name",
            "Name",
            ("name", "organisation", "organization"),
            "partners",
            gettext_lazy("“%(column)s”: a partner named “%(value)s” already exists."),
        ),
        kind_column(PartnerKind, required=True),
        choice_column(
            "size_class",
            "Größe",
            ("size", "size class", "Größenklasse"),
            SizeClass,
            gettext_lazy("empty: not applicable"),
        ),
        *ADDRESS,
        hinted_column(
            "website",
            "Website",
            ("website", "Webseite", "Internet", "Homepage", "URL"),
            gettext_lazy("web address, e.g. www.example.org"),
        ),
        *MEMBERSHIP,
        choice_column(
            "status", "Status", ("status",), PartnerStatus, gettext_lazy("empty: active")
        ),
        hinted_column(
            "public_listing_consent",
            "Öffentlich",
            ("public", "listed publicly", "may be listed publicly", "öffentlich gelistet"),
            gettext_lazy("ja or nein (empty: nein)"),
        ),
        hinted_column(
            "care_guides_count",
            "Pflegelotsen",
            ("care guides", "trained company care guides", "betriebliche Pflegelotsen"),
            HINT_COUNT,
        ),
        hinted_column(
            "measures",
            "Maßnahmen",
            ("measures", "family-friendly measures"),
            gettext_lazy("names from the measures catalogue, separated by semicolons"),
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
    "projects",
    gettext_lazy("Projects"),
    "alliance.work.change",
    check_row=check_project_row,
    url_name="project",
    done_message=gettext_lazy("All rows have been imported: %(count)s projects."),
    columns=(
        name_column(
            "title",
            "Titel",
            ("title",),
            "projects",
            gettext_lazy("“%(column)s”: a project titled “%(value)s” already exists."),
        ),
        Column("topic", "Thema", ("topic",), required=True, choices=Topic),
        choice_column(
            "status", "Status", ("status",), ProjectStatus, gettext_lazy("empty: planned")
        ),
        date_column("start_date", "Beginn", ("start", "start date", "begins")),
        date_column("end_date", "Ende", ("end", "end date", "ends")),
        hinted_column(
            "lead_partner",
            "Federführung",
            ("lead partner", "lead", "federführender Partner"),
            HINT_PARTNER,
        ),
        hinted_column(
            "partners",
            "Partner",
            ("partners", "participating partners", "beteiligte Partner"),
            gettext_lazy("names of existing partners, separated by semicolons"),
        ),
        choice_column(
            "target_groups",
            "Zielgruppen",
            ("target groups", "target group", "Zielgruppe"),
            TargetGroup,
            HINT_SEVERAL,
        ),
        hinted_column("families_reached", "Erreichte Familien", ("families reached",), HINT_COUNT),
        hinted_column(
            "funding_amount", "Förderung", ("funding", "funding amount", "Fördersumme"), HINT_AMOUNT
        ),
        Column("funding_source", "Förderer", ("funded by", "funder", "Fördermittelgeber")),
        Column("description", "Beschreibung", ("description",)),
    ),
)


# ---------------------------------------------------------------- carers

CARERS = ImportKind(
    "carers",
    gettext_lazy("Carers"),
    "alliance.childcare.change",
    check_row=check_carer_row,
    url_name="carer",
    done_message=gettext_lazy("All rows have been imported: %(count)s carers."),
    columns=(
        Column("first_name", "Vorname", ("first name", "given name"), required=True),
        Column("last_name", "Nachname", ("last name", "surname", "Name"), required=True),
        EMAIL,
        PHONE,
        Column("address", "Adresse", ("address", "Anschrift")),
        choice_column(
            "status", "Status", ("status",), CarerStatus, gettext_lazy("empty: applicant")
        ),
        choice_column(
            "availability",
            "Verfügbarkeit",
            ("availability", "available", "verfügbar"),
            Availability,
            HINT_SEVERAL,
        ),
        Column("languages", "Sprachen", ("languages",)),
        Column("qualifications", "Qualifikationen", ("qualifications", "Qualifikation")),
        date_column(
            "police_clearance_on",
            "Führungszeugnis vom",
            ("police clearance", "extended police clearance issued on", "Führungszeugnis"),
        ),
        date_column(
            "first_aid_on",
            "Erste-Hilfe-Kurs am",
            ("first aid", "first-aid course on", "Erste Hilfe", "Erste-Hilfe-Kurs"),
        ),
        date_column(
            "training_on", "Schulung am", ("training", "pool training attended on", "Schulung")
        ),
    ),
)


# ---------------------------------------------------------------- care guides

CARE_GUIDES = ImportKind(
    "care-guides",
    gettext_lazy("Company care guides"),
    # The coordinator keeps every partner's guides (a partner contact: its own, by hand).
    "alliance.partners.change",
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
        Column("training_course", "Schulung", ("training course", "course", "Kurs", "Lehrgang")),
        date_column("trained_on", "Geschult am", ("trained on", "training date", "Schulungsdatum")),
        hinted_column(
            "refresher_due",
            "Auffrischung fällig",
            ("refresher due", "refresher", "Auffrischung"),
            gettext_lazy("date; empty: two years after the training"),
        ),
        hinted_column(
            "is_active", "Aktiv", ("active", "still active"), gettext_lazy("ja or nein (empty: ja)")
        ),
    ),
)


# ---------------------------------------------------------------- members and donors

SUPPORTERS = ImportKind(
    "supporters",
    gettext_lazy("Members and donors"),
    "alliance.fundraising.donors",
    check_row=check_supporter_row,
    url_name="supporter",
    done_message=gettext_lazy("All rows have been imported: %(count)s members and donors."),
    columns=(
        name_column(
            "name",
            "Name",
            ("name", "member", "donor", "Mitglied", "Spender"),
            "supporters",
            gettext_lazy("“%(column)s”: a member or donor named “%(value)s” already exists."),
        ),
        kind_column(SupporterKind, hint=gettext_lazy("empty: person")),
        PARTNER,
        *ADDRESS,
        EMAIL,
        replace(JOINED, hint=gettext_lazy("date; empty: a donor who is not a member")),
        LEFT,
        hinted_column(
            "yearly_fee",
            "Jahresbeitrag",
            ("yearly fee", "membership fee", "fee", "Mitgliedsbeitrag", "Beitrag"),
            HINT_AMOUNT,
        ),
        Column("notes", "Notizen", ("notes", "Bemerkungen", "Notiz")),
    ),
)


# ---------------------------------------------------------------- money received

FUNDING = ImportKind(
    "funding",
    gettext_lazy("Funding entries"),
    "alliance.work.change",
    check_row=check_funding_row,
    url_name="funding",
    done_message=gettext_lazy("All rows have been imported: %(count)s funding entries."),
    columns=(
        kind_column(FundingKind, required=True),
        Column("amount", "Betrag", ("amount", "sum", "Summe"), required=True, hint=HINT_AMOUNT),
        date_column(
            "received_on",
            "Eingegangen am",
            ("received on", "date", "Datum", "Eingang"),
            required=True,
        ),
        hinted_column(
            "supporter",
            "Mitglied oder Spender",
            ("member or donor", "member", "donor", "Mitglied", "Spender"),
            gettext_lazy("name of an existing member or donor"),
        ),
        PARTNER,
        Column("donor", "Von (kein Partner)", ("from", "from (if not a partner)", "Von", "Geber")),
        Column("purpose", "Zweck", ("purpose", "Verwendungszweck")),
    ),
)


KINDS: dict[str, ImportKind] = {
    kind.code: kind for kind in (PARTNERS, PROJECTS, CARERS, CARE_GUIDES, SUPPORTERS, FUNDING)
}
