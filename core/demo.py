"""Demo content of one alliance's workspace, for ``manage.py seed_demo`` (``make demo``).

``seed_workspace(alliance, actor=...)`` fills an alliance's schema with two years of
invented but plausible work: partners (mostly employers) with contact persons and
measures, the board (Kuratorium) with its quarterly meetings, agendas and minutes,
admissions decided at those meetings, projects, working groups, events, the funding
circle, the family seal, the summer holiday programme and the family guide. Everything
goes through the same services the pages use, so each record has its audit entry.

Deterministic: each alliance draws from ``random.Random`` seeded with its slug (never
the global generator) and dates are relative to ``today``, so a rerun on the same day
and the tests produce the same data. Idempotent: an alliance that has partners already
is left alone. Jena gets the full programme (about 70 partners, an eight-member board,
the childcare pool, the seal, the holiday programme); the others less, by their size.
"""

from __future__ import annotations

import datetime
import random
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from core.models import (
    DecisionOutcome,
    EventKind,
    FundingKind,
    GuideCategory,
    MeasureCategory,
    Partner,
    PartnerKind,
    PartnerStatus,
    ProjectStatus,
    SizeClass,
    TargetGroup,
    Topic,
)
from core.selectors.board import current_board_members
from core.services import admissions, board, funding, holidays, partners, projects, seal
from core.services.board import add_months
from tenants.demo import DEMO_ALLIANCES, search_path_set_once
from tenants.models import Alliance

# ---------------------------------------------------------------- profiles


@dataclass(frozen=True)
class WorkspaceProfile:
    """How much an alliance gets: its partners (records, incl. those who left) and
    the share of companies and of partners with care guides."""

    partners: int
    postcode: str
    area_code: str
    adjective: str  # "Jenaer Präzisionsoptik GmbH"
    company_share: float = 0.65
    care_guide_share: float = 0.15
    flagship: bool = False


PROFILES = {
    "jena": WorkspaceProfile(72, "07743", "03641", "Jenaer", 0.78, 0.2, flagship=True),
    "badfrankenhausen": WorkspaceProfile(15, "06567", "034671", "Frankenhäuser", 0.6, 0.14),
    "erfurt": WorkspaceProfile(50, "99084", "0361", "Erfurter", 0.7, 0.18),
    "weimar": WorkspaceProfile(38, "99423", "03643", "Weimarer", 0.62, 0.16),
    "gera": WorkspaceProfile(34, "07545", "0365", "Geraer", 0.65, 0.15),
    "gotha": WorkspaceProfile(28, "99867", "03621", "Gothaer", 0.68, 0.14),
    "eisenach": WorkspaceProfile(24, "99817", "03691", "Eisenacher", 0.7, 0.17),
    "nordhausen": WorkspaceProfile(22, "99734", "03631", "Nordhäuser", 0.6, 0.14),
    "suhl": WorkspaceProfile(14, "98527", "03681", "Suhler", 0.6, 0.15),
    "muehlhausen": WorkspaceProfile(20, "99974", "03601", "Mühlhäuser", 0.6, 0.15),
    "altenburg": WorkspaceProfile(18, "04600", "03447", "Altenburger", 0.58, 0.12),
    "saalfeld": WorkspaceProfile(26, "07318", "03671", "Saalfelder", 0.66, 0.16),
    "sonneberg": WorkspaceProfile(12, "96515", "03675", "Sonneberger", 0.6, 0.18),
    "ilmenau": WorkspaceProfile(30, "98693", "03677", "Ilmenauer", 0.7, 0.2),
    "soemmerda": WorkspaceProfile(10, "99610", "03634", "Sömmerdaer", 0.6, 0.1),
    "poessneck": WorkspaceProfile(16, "07381", "03647", "Pößnecker", 0.62, 0.13),
}
TOWNS = {data["slug"]: data["town"] for data in DEMO_ALLIANCES}

# ---------------------------------------------------------------- vocabulary

FIRST_NAMES = [
    "Anja", "Andreas", "Birgit", "Christian", "Claudia", "Daniel", "Doreen", "Frank",
    "Franziska", "Heike", "Jan", "Jana", "Jens", "Julia", "Kathrin", "Kerstin", "Lars",
    "Lisa", "Marco", "Maria", "Matthias", "Nadine", "Nicole", "Peter", "Ramona", "René",
    "Sandra", "Silke", "Stefan", "Susanne", "Thomas", "Tobias", "Ulrike", "Yvonne",
]  # fmt: skip
LAST_NAMES = [
    "Albrecht", "Bauer", "Beck", "Böhm", "Dietrich", "Engel", "Fischer", "Franke", "Fuchs",
    "Günther", "Hahn", "Hartmann", "Heinrich", "Herrmann", "Hoffmann", "Horn", "Jäger",
    "Keller", "Köhler", "König", "Krause", "Kühn", "Lange", "Lehmann", "Lorenz", "Ludwig",
    "Müller", "Neumann", "Otto", "Pohl", "Richter", "Roth", "Schmidt", "Schröder",
    "Schulze", "Seidel", "Sommer", "Thiele", "Vogt", "Voigt", "Walther", "Werner", "Winkler",
    "Wolf", "Zimmermann",
]  # fmt: skip
SECTORS = [
    "Präzisionsoptik", "Feinmechanik", "Softwareentwicklung", "Metallbau", "Elektrotechnik",
    "Medizintechnik", "Bauunternehmen", "Druckerei", "Bäckerei", "Autohaus", "Logistik",
    "Glastechnik", "Ingenieurbüro", "Kunststofftechnik", "Laborbedarf", "Energietechnik",
    "Gebäudetechnik", "Tischlerei", "Gartenbau", "Werbeagentur", "Pflegedienst", "Hotel",
    "Physiotherapie", "Steuerberatung", "Wohnungsbau", "Photonik", "Verpackungen",
    "IT-Service", "Maschinenbau", "Brauerei",
]  # fmt: skip
POSITIONS = [
    "Geschäftsführung", "Personalleitung", "Personalreferentin", "Betriebsrat",
    "Gleichstellungsbeauftragte", "Assistenz der Geschäftsführung", "Leitung Verwaltung",
]  # fmt: skip
OTHER_PARTNERS = {
    PartnerKind.SOCIAL_AGENCY: [
        "Familienzentrum {town} e. V.", "Kinder- und Jugendhilfe {town} gGmbH",
        "Sozialstation {town}", "Pflegestützpunkt {town}", "Kindertagesstätten {town} gGmbH",
        "Mehrgenerationenhaus {town}", "Netzwerk Frühe Hilfen {town}",
    ],
    PartnerKind.ASSOCIATION: [
        "Elternverein {town} e. V.", "Kinderschutzbund Ortsverband {town}",
        "Förderverein Familienfreundliches {town} e. V.", "Seniorenbeirat {town}",
        "Sportgemeinschaft {town} e. V.",
    ],
    PartnerKind.SCIENCE: [
        "Volkshochschule {town}", "Staatliche Berufsbildende Schule {town}",
        "Institut für Familie und Arbeitswelt {town}",
    ],
    PartnerKind.CHAMBER: ["Kreishandwerkerschaft {town}"],
    PartnerKind.EMPLOYMENT_AGENCY: ["Agentur für Arbeit {town}", "Jobcenter {town}"],
    PartnerKind.CHURCH: ["Evangelische Kirchengemeinde {town}", "Katholische Pfarrei {town}"],
    PartnerKind.OTHER: ["Stadtbibliothek {town}", "Stadtwerke {town} GmbH"],
}  # fmt: skip
# How the partners that are not companies divide up (the municipality comes first).
OTHER_KINDS = [
    PartnerKind.SOCIAL_AGENCY, PartnerKind.ASSOCIATION, PartnerKind.EMPLOYMENT_AGENCY,
    PartnerKind.SCIENCE, PartnerKind.SOCIAL_AGENCY, PartnerKind.CHAMBER, PartnerKind.CHURCH,
    PartnerKind.ASSOCIATION, PartnerKind.OTHER, PartnerKind.SOCIAL_AGENCY,
    PartnerKind.SCIENCE, PartnerKind.EMPLOYMENT_AGENCY, PartnerKind.SOCIAL_AGENCY,
    PartnerKind.ASSOCIATION, PartnerKind.OTHER, PartnerKind.CHURCH, PartnerKind.SOCIAL_AGENCY,
    PartnerKind.ASSOCIATION, PartnerKind.SCIENCE, PartnerKind.SOCIAL_AGENCY,
]  # fmt: skip

MEASURES = [
    ("Flexible Arbeitszeitmodelle", MeasureCategory.WORKING_TIME),
    ("Mobiles Arbeiten", MeasureCategory.WORKING_TIME),
    ("Belegplätze in Kindertagesstätten", MeasureCategory.CHILDCARE),
    ("Flexible Kinderbetreuung für Schichtarbeit", MeasureCategory.CHILDCARE),
    ("Ferienbetreuung für Kinder der Beschäftigten", MeasureCategory.CHILDCARE),
    ("Betriebliche Pflegelotsen", MeasureCategory.CARE),
    ("Freistellung für die Pflege von Angehörigen", MeasureCategory.CARE),
    ("Kontakthalten während der Elternzeit", MeasureCategory.PARENTAL_LEAVE),
    ("Begleiteter Wiedereinstieg nach der Elternzeit", MeasureCategory.PARENTAL_LEAVE),
    ("Familienservice und Sozialberatung", MeasureCategory.HEALTH),
    ("Betriebliches Gesundheitsmanagement", MeasureCategory.HEALTH),
]
CARE_GUIDE_MEASURE = "Betriebliche Pflegelotsen"
SHIFT_MEASURE = "Flexible Kinderbetreuung für Schichtarbeit"

SEAL_CRITERIA = [
    ("Flexible Arbeitszeiten für Beschäftigte mit Familienaufgaben", True),
    ("Unterstützung bei der Kinderbetreuung (Belegplätze, Notfallbetreuung)", True),
    ("Angebote zur Vereinbarkeit von Pflege und Beruf", True),
    ("Kontakt während der Elternzeit und geplanter Wiedereinstieg", True),
    ("Familienfreundlichkeit ist in Leitbild und Führung verankert", True),
    ("Besondere Angebote wie Ferienbetreuung oder Familienservice", False),
]
SEAL_YEARS = 3

BOARD_AGENDA = [
    "Begrüßung und Feststellung der Beschlussfähigkeit",
    "Protokoll der letzten Sitzung",
    "Aufnahmeanträge",
    "Bericht der Koordinierungsstelle",
    "Projekte und Veranstaltungen",
    "Verschiedenes",
]
BOARD_AGENDA_SMALL = [
    "Begrüßung und Protokoll",
    "Bericht der Koordinierung und Aufnahmeanträge",
    "Vorhaben, Termine und Verschiedenes",
]

CHILDCARE_POOL = "Flexible Kinderbetreuung – Kinderbetreuungspool für Schichtarbeit"

# (title, topic, status, months ago it started (negative: from now), months it runs
#  or None, target groups, families reached, funding, funded by)
JENA_PROJECTS = [
    (CHILDCARE_POOL, Topic.CHILDCARE, 20, None,
     [TargetGroup.SHIFT_WORKERS, TargetGroup.SINGLE_PARENTS, TargetGroup.FAMILIES],
     64, "48000", "Landesprogramm „Solidarisches Zusammenleben der Generationen“"),
    ("Betriebliche Pflegelotsen in Jena", Topic.CARE, 22, None,
     [TargetGroup.CARERS, TargetGroup.EMPLOYERS], 38, "12500", "Pflegekasse"),
    ("Familienfreundliche Arbeitgeber – Familiensiegel Jena", Topic.WORKING_WORLD, 26, None,
     [TargetGroup.EMPLOYERS], 0, "0", ""),
    ("Sommerferienprogramm „Ferienfaltplan“", Topic.HOLIDAYS, 30, None,
     [TargetGroup.CHILDREN, TargetGroup.FAMILIES], 420, "6000", "Stadt Jena"),
    ("Familienwegweiser Jena", Topic.INFORMATION, 23, 10,
     [TargetGroup.FAMILIES], 900, "3500", "Sparkassenstiftung"),
    ("Generationenpaten", Topic.GENERATIONS, 19, 12,
     [TargetGroup.SENIORS, TargetGroup.CHILDREN], 45, "8000", "Bürgerstiftung"),
    ("Väterzeit – Aktionstage für Väter", Topic.WORKING_WORLD, -2, 6,
     [TargetGroup.FAMILIES, TargetGroup.EMPLOYERS], 0, "2500", ""),
]  # fmt: skip
SMALL_PROJECTS = [
    ("Familienfreundliche Arbeitgeber in {town}", Topic.WORKING_WORLD,
     [TargetGroup.EMPLOYERS], 0),
    ("Ferienbetreuung in {town}", Topic.HOLIDAYS, [TargetGroup.CHILDREN], 120),
    ("Pflege und Beruf in {town}", Topic.CARE, [TargetGroup.CARERS], 25),
    ("Kinderbetreuung in Randzeiten", Topic.CHILDCARE,
     [TargetGroup.SHIFT_WORKERS, TargetGroup.SINGLE_PARENTS], 30),
    ("Familienwegweiser {town}", Topic.INFORMATION, [TargetGroup.FAMILIES], 300),
    ("Jung und Alt in {town}", Topic.GENERATIONS, [TargetGroup.SENIORS], 40),
]  # fmt: skip

WORKING_GROUPS = [
    ("AG Kinderbetreuung", Topic.CHILDCARE, "Betreuung in Randzeiten und in den Ferien."),
    ("AG Pflege und Beruf", Topic.CARE, "Pflegelotsen, Beratung und Freistellung."),
    ("AG Familienfreundliche Arbeitswelt", Topic.WORKING_WORLD, "Siegel und Unternehmertreffen."),
    ("AG Öffentlichkeitsarbeit", Topic.INFORMATION, "Website, Presse und Familienwegweiser."),
]

HOLIDAY_OFFERS = [
    ("Forscherwoche: Licht und Optik", 8, 12, "0"),
    ("Zirkusprojekt „Manege frei“", 6, 12, "45"),
    ("Kreativwerkstatt Töpfern", 7, 14, "30"),
    ("Schwimmkurs für Anfänger", 6, 9, "60"),
    ("Fußballcamp", 7, 13, "85"),
    ("Theaterwoche", 9, 14, "40"),
    ("Naturerlebnistage an der Saale", 6, 11, "25"),
    ("Programmierwerkstatt für Kinder", 10, 14, "0"),
    ("Ferienfreizeit im Thüringer Wald", 8, 13, "120"),
    ("Kinderstadt", 6, 12, "15"),
]

GUIDE_ENTRIES = [
    ("Erziehungs- und Familienberatung", GuideCategory.ADVICE),
    ("Schwangerschaftsberatung", GuideCategory.ADVICE),
    ("Pflegestützpunkt", GuideCategory.CARE),
    ("Kita-Platzvermittlung", GuideCategory.CHILDCARE),
    ("Tagespflegebörse", GuideCategory.CHILDCARE),
    ("Frühe Hilfen – Willkommensbesuche", GuideCategory.HEALTH),
    ("Familienbildungsstätte", GuideCategory.EDUCATION),
    ("Treff für Alleinerziehende", GuideCategory.ADVICE),
    ("Seniorenberatung", GuideCategory.CARE),
    ("Schuldnerberatung", GuideCategory.ADVICE),
    ("Musikschule", GuideCategory.LEISURE),
    ("Familienpass und Ermäßigungen", GuideCategory.OTHER),
]


# ---------------------------------------------------------------- helpers


def ascii_slug(text: str) -> str:
    """'Müller & Söhne GmbH' -> 'mueller-soehne-gmbh' (for invented web and mail addresses)."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain).replace(umlaut.upper(), plain.capitalize())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _weekday_on_or_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


@dataclass
class _Spec:
    """A partner to be: created directly, or admitted through an application."""

    name: str
    kind: str
    size_class: str
    joined_on: datetime.date
    care_guides: int = 0
    status: str = PartnerStatus.ACTIVE
    left_on: datetime.date | None = None
    via_admission: bool = False


class _WorkspaceSeed:
    """Builds one alliance's content; ``counts`` says what was created."""

    def __init__(self, alliance: Alliance, actor, today: datetime.date) -> None:
        self.alliance = alliance
        self.actor = actor
        self.today = today
        # Invented data, not secrets: a seeded generator makes it the same every run.
        self.rng = random.Random(f"buendnisnetz-demo:{alliance.slug}")  # noqa: S311
        self.profile = PROFILES.get(alliance.slug) or WorkspaceProfile(
            12, "99084", "0361", alliance.slug.capitalize()
        )
        self.town = TOWNS.get(alliance.slug, alliance.name.split()[-1])
        self.window_start = today - datetime.timedelta(days=730)
        founded = alliance.founded_on or datetime.date(2010, 1, 1)
        self.founded = min(founded, self.window_start - datetime.timedelta(days=365))
        self.counts: dict[str, int] = {}
        self.names: set[str] = set()
        self.measures: dict[str, Any] = {}
        self.partners: list[Partner] = []

    # ------------------------------------------------------------ small tools

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def day_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def person(self) -> tuple[str, str]:
        return self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)

    def phone(self) -> str:
        return f"{self.profile.area_code} {self.rng.randint(200000, 899999)}"

    def unique(self, name: str) -> str | None:
        if name.lower() in self.names:
            return None
        self.names.add(name.lower())
        return name

    def company_name(self) -> str:
        while True:
            sector = self.rng.choice(SECTORS)
            pattern = self.rng.random()
            if pattern < 0.4:
                name = f"{self.rng.choice(LAST_NAMES)} {sector} GmbH"
            elif pattern < 0.65:
                name = f"{self.profile.adjective} {sector} GmbH"
            elif pattern < 0.8:
                name = f"{sector} {self.rng.choice(LAST_NAMES)} & {self.rng.choice(LAST_NAMES)}"
            elif pattern < 0.9:
                name = f"Thüringer {sector} GmbH & Co. KG"
            else:
                name = f"{sector} {self.rng.choice(LAST_NAMES)} e. K."
            if self.unique(name):
                return name

    def other_name(self, kind: str) -> str | None:
        for template in OTHER_PARTNERS[kind]:
            name = self.unique(template.format(town=self.town))
            if name:
                return name
        return None

    def mail(self, first: str, last: str, organisation: str) -> str:
        domain = ascii_slug(organisation)[:40].strip("-") or "demo"
        return f"{ascii_slug(first)}.{ascii_slug(last)}@{domain}.example"

    # ------------------------------------------------------------ the programme

    def run(self) -> None:
        self.seed_measures()
        specs = self.partner_specs()
        self.seed_partners(specs)
        members = self.seed_board()
        meetings = self.seed_board_meetings(members)
        self.seed_admissions(specs, meetings)
        self.seed_projects()
        self.seed_working_groups()
        self.seed_events()
        self.seed_funding()
        self.seed_seals()
        self.seed_holiday_offers()
        self.seed_guide()

    def seed_measures(self) -> None:
        for name, category in MEASURES:
            self.measures[name] = partners.measure_create(
                actor=self.actor, name=name, category=category
            )
            self.count("measures")

    def partner_specs(self) -> list[_Spec]:
        """Who the partners are, when they joined (a quarter of them within the last two
        years, in Jena through the board's admissions) and who left or went quiet."""
        profile, rng = self.profile, self.rng
        total = profile.partners
        companies = round(total * profile.company_share)
        kinds = [PartnerKind.MUNICIPALITY]
        kinds += [OTHER_KINDS[n % len(OTHER_KINDS)] for n in range(total - companies - 1)]
        kinds += [PartnerKind.COMPANY] * companies
        sizes = [SizeClass.MICRO, SizeClass.SMALL, SizeClass.SMALL, SizeClass.MEDIUM]
        sizes += [SizeClass.MEDIUM, SizeClass.LARGE]
        specs = []
        for kind in kinds:
            if kind == PartnerKind.MUNICIPALITY:
                name = self.unique(f"Stadtverwaltung {self.town}")
            elif kind == PartnerKind.COMPANY:
                name = self.company_name()
            else:
                name = self.other_name(kind)
            if name is None:  # the town's list of such organisations is used up
                kind, name = PartnerKind.COMPANY, self.company_name()
            recent = rng.random() < 0.25 and kind != PartnerKind.MUNICIPALITY
            if recent:
                joined = self.day_between(self.window_start, self.today)
            else:
                joined = self.day_between(self.founded, self.window_start)
            specs.append(
                _Spec(
                    name=name,
                    kind=kind,
                    size_class=rng.choice(sizes) if kind == PartnerKind.COMPANY else (
                        SizeClass.NOT_APPLICABLE
                    ),
                    joined_on=joined,
                    via_admission=recent and profile.flagship,
                )
            )  # fmt: skip
        specs.sort(key=lambda spec: spec.joined_on)
        # Some long-standing partners left within the two years, one went quiet.
        leaving = max(1, total // 20)
        for spec in rng.sample([s for s in specs[1:] if s.joined_on < self.window_start], leaving):
            spec.status = PartnerStatus.LEFT
            spec.left_on = self.day_between(self.window_start, self.today)
        quiet = [s for s in specs[1:] if s.status == PartnerStatus.ACTIVE and not s.via_admission]
        rng.choice(quiet).status = PartnerStatus.DORMANT
        # Care guides: mostly in companies, as the share of the profile.
        active = [s for s in specs if s.status == PartnerStatus.ACTIVE and not s.via_admission]
        wanted = round(profile.care_guide_share * sum(s.status == "active" for s in specs))
        ranked = sorted(active, key=lambda s: (s.kind != PartnerKind.COMPANY, rng.random()))
        for spec in ranked[:wanted]:
            spec.care_guides = rng.choice([1, 1, 2, 2, 3, 4])
        return specs

    def measures_for(self, spec: _Spec) -> list:
        names = self.rng.sample([name for name, _c in MEASURES], self.rng.randint(1, 4))
        if spec.care_guides:
            names.append(CARE_GUIDE_MEASURE)
        return [self.measures[name] for name in dict.fromkeys(names)]

    def seed_partners(self, specs: list[_Spec]) -> None:
        for spec in specs:
            if spec.via_admission:
                continue
            partner = partners.partner_create(
                actor=self.actor,
                name=spec.name,
                kind=spec.kind,
                size_class=spec.size_class,
                street=f"{self.rng.choice(LAST_NAMES)}straße {self.rng.randint(1, 120)}",
                postcode=self.profile.postcode,
                city=self.town,
                website=f"https://www.{ascii_slug(spec.name)[:50].strip('-')}.example",
                joined_on=spec.joined_on,
                status=PartnerStatus.ACTIVE,
                public_listing_consent=self.rng.random() < 0.8,
                care_guides_count=spec.care_guides,
                description=self.engagement(spec),
                measures=self.measures_for(spec),
            )
            self.count("partners")
            second = self.profile.flagship and self.rng.random() < 0.3
            self.seed_contacts(partner, 2 if second else 1)
            if spec.status == PartnerStatus.LEFT:
                partners.partner_leave(actor=self.actor, partner=partner, left_on=spec.left_on)
            elif spec.status == PartnerStatus.DORMANT:
                partners.partner_update(
                    actor=self.actor, partner=partner, status=PartnerStatus.DORMANT
                )
            self.partners.append(partner)

    def engagement(self, spec: _Spec) -> str:
        if spec.kind == PartnerKind.COMPANY:
            return self.rng.choice(
                [
                    "Flexible Arbeitszeiten und Unterstützung bei der Kinderbetreuung.",
                    "Schichtplanung mit Rücksicht auf Familien; Ferienbetreuung im Sommer.",
                    "Pflegelotsen im Betrieb und Freistellung für pflegende Angehörige.",
                    "Kontakthalteprogramm in der Elternzeit und Teilzeit in Führung.",
                ]
            )
        return "Beratung und Angebote für Familien in der Region."

    def seed_contacts(self, partner: Partner, how_many: int) -> None:
        for number in range(how_many):
            first, last = self.person()
            partners.contact_create(
                actor=self.actor,
                partner=partner,
                first_name=first,
                last_name=last,
                position=self.rng.choice(POSITIONS),
                email=self.mail(first, last, partner.name),
                phone=self.phone(),
                is_primary=number == 0,
            )
            self.count("contacts")

    def active_partners(self, kind: str | None = None) -> list[Partner]:
        found = [p for p in self.partners if p.status == PartnerStatus.ACTIVE]
        return [p for p in found if kind is None or p.kind == kind]

    # ------------------------------------------------------------ board

    def seed_board(self) -> list:
        size = 8 if self.profile.flagship else 5
        people = self.active_partners()
        chosen = self.rng.sample(people, min(size, len(people)))
        # In office before the first meeting, so every decision has its board.
        term_start = self.window_start - datetime.timedelta(days=self.rng.randint(0, 60))
        members = []
        for number, partner in enumerate(chosen):
            first, last = self.person()
            position = ["chair", "deputy"][number] if number < 2 else "member"
            members.append(
                board.board_member_create(
                    actor=self.actor,
                    data={
                        "full_name": f"{first} {last}",
                        "affiliation": partner.name,
                        "partner": partner,
                        "position": position,
                        "email": self.mail(first, last, partner.name),
                        "term_start": term_start,
                        "term_end": add_months(term_start, 48),
                    },
                )
            )
            self.count("board_members")
        return members

    def seed_board_meetings(self, members: list) -> list:
        """The board's quarterly series over two years (and ahead): the past meetings
        held, their minutes approved at the next meeting (the latest still a draft)."""
        flagship = self.profile.flagship
        template = board.meeting_template_create(
            actor=self.actor,
            data={
                "name": "Sitzung des Kuratoriums" if flagship else "Sitzung der Steuerungsgruppe",
                "location": f"Rathaus {self.town}, Beratungsraum",
                "start_time": datetime.time(16, 0),
                "agenda": "\n".join(BOARD_AGENDA if flagship else BOARD_AGENDA_SMALL),
            },
        )
        first = _weekday_on_or_after(
            self.window_start + datetime.timedelta(days=self.rng.randint(5, 40)), 2
        )
        meetings = board.meeting_series_plan(
            actor=self.actor,
            template=template,
            first_date=first,
            count=12 if flagship else 9,
            title=template.name,
        )
        self.count("board_meetings", len(meetings))
        past = [m for m in meetings if m.date <= self.today]
        for index, meeting in enumerate(past):
            board.meeting_mark_held(actor=self.actor, meeting=meeting)
            present = len(members) - self.rng.randint(0, 2)
            board.minutes_update(
                actor=self.actor,
                meeting=meeting,
                minutes=(
                    f"Anwesend: {present} von {len(members)} Mitgliedern; das Gremium ist "
                    "beschlussfähig.\n\nDie Koordinierungsstelle berichtet über neue Partner, "
                    "laufende Projekte und die Termine des nächsten Quartals. Die Mitglieder "
                    "verständigen sich auf die nächsten Schritte."
                ),
            )
            if index + 1 < len(past):
                board.minutes_approve(
                    actor=self.actor, meeting=meeting, approved_on=past[index + 1].date
                )
        return meetings

    def seed_admissions(self, specs: list[_Spec], meetings: list) -> None:
        """Applications decided at the board meetings (Jena), and pending ones."""
        past = [m for m in meetings if m.date <= self.today]
        for spec in (s for s in specs if s.via_admission):
            meeting = next((m for m in past if m.date >= spec.joined_on), None)
            if meeting is None:  # joins after the latest meeting: still pending
                spec.via_admission = False
                self.application(spec, spec.joined_on)
                continue
            application = self.application(spec, meeting.date - datetime.timedelta(days=20))
            admissions.decision_record(
                actor=self.actor,
                application=application,
                meeting=meeting,
                outcome=DecisionOutcome.ADMIT,
                **self.votes(
                    meeting, self.rng.randint(5, 7), self.rng.randint(0, 1), self.rng.randint(0, 1)
                ),
            )
            self.count("decisions")
            partner = Partner.objects.get(name=spec.name)
            partners.partner_update(
                actor=self.actor,
                partner=partner,
                public_listing_consent=True,
                postcode=self.profile.postcode,
                measures=self.measures_for(spec),
            )
            self.partners.append(partner)
            self.count("partners")
        if self.profile.flagship and len(past) >= 3:
            # One rejected, one withdrawn, one deferred and admitted later.
            rejected = self.extra_application(past[1].date - datetime.timedelta(days=25))
            admissions.decision_record(
                actor=self.actor, application=rejected, meeting=past[1],
                outcome=DecisionOutcome.REJECT, **self.votes(past[1], 1, 6, 1),
                note="Kein erkennbares Engagement für Familien; erneuter Antrag möglich.",
            )  # fmt: skip
            withdrawn = self.extra_application(past[2].date - datetime.timedelta(days=30))
            admissions.application_withdraw(actor=self.actor, application=withdrawn)
            deferred = self.extra_application(past[-3].date - datetime.timedelta(days=15))
            admissions.decision_record(
                actor=self.actor, application=deferred, meeting=past[-3],
                outcome=DecisionOutcome.DEFER, **self.votes(past[-3], 3, 2, 3),
                note="Rückfragen zu den Maßnahmen; Vorstellung in der nächsten Sitzung.",
            )  # fmt: skip
            admissions.decision_record(
                actor=self.actor, application=deferred, meeting=past[-2],
                outcome=DecisionOutcome.ADMIT, **self.votes(past[-2], 7, 0, 1),
            )  # fmt: skip
            self.partners.append(Partner.objects.get(name=deferred.organisation_name))
            self.count("partners")
            self.count("decisions", 3)
        pending = 3 if self.profile.flagship else self.rng.randint(0, 2)
        for _number in range(pending):
            self.extra_application(self.today - datetime.timedelta(days=self.rng.randint(3, 40)))

    @staticmethod
    def votes(meeting, yes: int, no: int, abstain: int) -> dict[str, int]:
        """The whole board present; the votes cut to its size (a small steering group)."""
        present = current_board_members(meeting.date).count()
        yes = min(yes, present)
        no = min(no, present - yes)
        abstain = min(abstain, present - yes - no)
        return {
            "votes_yes": yes,
            "votes_no": no,
            "votes_abstain": abstain,
            "members_present": present,
        }

    def application(self, spec: _Spec, received_on: datetime.date):
        first, last = self.person()
        self.count("applications")
        return admissions.application_create(
            actor=self.actor,
            organisation_name=spec.name,
            kind=spec.kind,
            size_class=spec.size_class,
            city=self.town,
            website=f"https://www.{ascii_slug(spec.name)[:50].strip('-')}.example",
            contact_name=f"{first} {last}",
            contact_email=self.mail(first, last, spec.name),
            contact_phone=self.phone(),
            statement=self.engagement(spec),
            received_on=received_on,
        )

    def extra_application(self, received_on: datetime.date):
        spec = _Spec(self.company_name(), PartnerKind.COMPANY, SizeClass.SMALL, received_on)
        return self.application(spec, received_on)

    # ------------------------------------------------------------ projects and work

    def seed_projects(self) -> None:
        companies = self.active_partners(PartnerKind.COMPANY)
        agencies = self.active_partners(PartnerKind.SOCIAL_AGENCY) or self.active_partners()
        if self.profile.flagship:
            rows = JENA_PROJECTS
        else:
            picked = self.rng.sample(SMALL_PROJECTS, self.rng.randint(2, 4))
            rows = [
                (title.format(town=self.town), topic, self.rng.randint(4, 26),
                 self.rng.choice([None, None, 9]), groups, families + self.rng.randint(0, 30),
                 str(self.rng.choice([0, 1500, 3000, 5000])), "Landkreis")
                for title, topic, groups, families in picked
            ]  # fmt: skip
        for title, topic, months_ago, months, groups, families, amount, source in rows:
            start = add_months(self.today, -months_ago)
            end = add_months(start, months) if months else None
            if start > self.today:
                status = ProjectStatus.PLANNED
            elif end is not None and end < self.today:
                status = ProjectStatus.FINISHED
            else:
                status = ProjectStatus.RUNNING
            shift = title == CHILDCARE_POOL
            members = self.rng.sample(companies, min(len(companies), 8 if shift else 4))
            projects.project_create(
                actor=self.actor,
                title=title,
                topic=topic,
                status=status,
                description="Ein Pool geprüfter Betreuungskräfte betreut Kinder von Beschäftigten "
                "im Schichtdienst früh morgens, abends und am Wochenende, auch kurzfristig."
                if shift
                else f"Ein Vorhaben des Bündnisses in {self.town}.",
                start_date=start,
                end_date=end,
                lead_partner=self.rng.choice(agencies),
                target_groups=list(groups),
                families_reached=0 if status == ProjectStatus.PLANNED else families,
                funding_amount=Decimal(amount),
                funding_source=source,
                partners=members,
            )
            self.count("projects")

    def seed_working_groups(self) -> None:
        groups = WORKING_GROUPS if self.profile.flagship else WORKING_GROUPS[:2]
        everyone = self.active_partners()
        for number, (name, topic, description) in enumerate(groups):
            members = self.rng.sample(everyone, min(len(everyone), self.rng.randint(4, 9)))
            first, last = self.person()
            projects.working_group_create(
                actor=self.actor,
                name=name,
                topic=topic,
                description=description,
                chair=f"{first} {last}",
                is_active=number < 3,
                members=members,
            )
            self.count("working_groups")

    def seed_events(self) -> None:
        """Recurring events from two years ago until four months ahead."""
        flagship = self.profile.flagship
        end = self.today + datetime.timedelta(days=120)
        yearly = [
            ("Familienwandertag", EventKind.HIKING_DAY, 9, 6, (120, 300)),
            ("Familientag im Park", EventKind.FAMILY_DAY, 6, 5, (300, 900)),
        ]
        twice = [("Netzwerktreffen der Bündnispartner", EventKind.NETWORK, (20, 50))]
        if flagship:
            yearly.append(("Unternehmerfrühstück „Familie lohnt sich“", EventKind.INFORMATION,
                           3, 1, (20, 45)))  # fmt: skip
            twice += [
                ("Infoabend Pflege und Beruf", EventKind.INFORMATION, (20, 60)),
                ("Schulung Betriebliche Pflegelotsen", EventKind.TRAINING, (8, 16)),
            ]
        events = []
        for year in range(self.window_start.year, end.year + 1):
            for title, kind, month, weekday, people in yearly:
                day = _weekday_on_or_after(datetime.date(year, month, 8), weekday)
                events.append((title, kind, day, people))
            for title, kind, people in twice:
                for month in (4, 10):
                    day = _weekday_on_or_after(datetime.date(year, month, 10), 2)
                    day += datetime.timedelta(days=7 * self.rng.randint(0, 2))
                    events.append((title, kind, day, people))
        for title, kind, day, (low, high) in events:
            if not self.window_start <= day <= end:
                continue
            past = day <= self.today
            projects.event_create(
                actor=self.actor,
                title=title,
                kind=kind,
                date=day,
                start_time=datetime.time(10, 0) if day.weekday() >= 5 else None,
                place=self.town,
                participant_count=self.rng.randint(low, high) if past else None,
                description=f"{title} des Bündnisses in {self.town}.",
            )
            self.count("events")

    def seed_funding(self) -> None:
        """Membership fees early each year, donations through the year, a yearly grant."""
        companies = self.active_partners(PartnerKind.COMPANY)
        payers = companies[: max(3, len(companies) // (3 if self.profile.flagship else 4))]
        for year in range(self.window_start.year, self.today.year + 1):
            entries = []
            for partner in payers:
                day = datetime.date(year, 2, 1) + datetime.timedelta(days=self.rng.randint(0, 50))
                amount = Decimal(self.rng.choice([120, 240, 240, 480]))
                entries.append((FundingKind.MEMBERSHIP_FEE, amount, day, partner, ""))
            for _number in range(3 if self.profile.flagship else 1):
                day = datetime.date(year, self.rng.randint(3, 12), self.rng.randint(1, 28))
                amount = Decimal(self.rng.choice([250, 500, 1000, 1500, 2500]))
                entries.append((FundingKind.DONATION, amount, day, self.rng.choice(companies), ""))
            day = datetime.date(year, 4, self.rng.randint(1, 28))
            grant = Decimal(self.rng.choice([5000, 7500, 10000, 15000]))
            entries.append((FundingKind.GRANT, grant, day, None, "Landesprogramm LSZ"))
            for kind, amount, day, partner, donor in entries:
                if not self.window_start <= day <= self.today:
                    continue
                funding.funding_entry_create(
                    actor=self.actor,
                    kind=kind,
                    amount=amount,
                    received_on=day,
                    partner=partner,
                    donor=donor,
                    purpose="Bündnisarbeit" if kind != FundingKind.GRANT else "Projekte",
                )
                self.count("funding_entries")

    # ------------------------------------------------------------ seal

    def seed_seals(self) -> None:
        """The seal's criteria and applications: valid seals (some expiring within weeks),
        expired ones, some in review, one submitted, one not awarded."""
        criteria_rows = SEAL_CRITERIA if self.profile.flagship else SEAL_CRITERIA[:3]
        for position, (text, required) in enumerate(criteria_rows, start=1):
            seal.criterion_create(
                actor=self.actor,
                text=text,
                position=position,
                is_required=required,
            )
        companies = self.rng.sample(
            self.active_partners(PartnerKind.COMPANY),
            len(self.active_partners(PartnerKind.COMPANY)),
        )
        if self.profile.flagship:
            plan = ["expiring"] * 3 + ["expired"] * 2 + ["awarded"] * 6
            plan += ["review", "review", "submitted", "rejected"]
        else:
            plan = ["awarded"] * self.rng.randint(1, 2) + ["expiring"]
            plan += ["review"] if self.rng.random() < 0.5 else []
        for kind, partner in zip(plan, companies, strict=False):
            self.seal_application(kind, partner)
            self.count("seal_applications")

    def seal_application(self, kind: str, partner: Partner) -> None:
        if kind == "expiring":  # valid for three years, ending within the next weeks
            awarded = add_months(self.today, -12 * SEAL_YEARS) + datetime.timedelta(
                days=self.rng.randint(8, 50)
            )
        elif kind == "expired":
            awarded = add_months(self.today, -12 * SEAL_YEARS - self.rng.randint(2, 10))
        else:
            awarded = self.day_between(self.window_start, self.today - datetime.timedelta(days=20))
        submitted = awarded - datetime.timedelta(days=self.rng.randint(30, 70))
        if kind in ("review", "submitted", "rejected"):
            submitted = self.today - datetime.timedelta(days=self.rng.randint(10, 60))
        application = seal.seal_application_create(
            actor=self.actor,
            partner=partner,
            submitted_on=submitted,
            reviewer="Koordinierungsstelle",
        )
        if kind == "submitted":
            return
        checks = list(application.checks.all())
        fulfilled = kind != "rejected"
        results = {
            check.pk: {"fulfilled": fulfilled or number % 2 == 0, "note": ""}
            for number, check in enumerate(checks)
        }
        if kind == "review":  # half way through
            results = dict(list(results.items())[: len(results) // 2])
        seal.seal_checklist_update(actor=self.actor, application=application, results=results)
        if kind == "rejected":
            seal.seal_reject(
                actor=self.actor,
                application=application,
                reason="Angebote zur Pflege und zur Elternzeit fehlen noch.",
            )
        elif kind != "review":
            seal.seal_award(
                actor=self.actor,
                application=application,
                awarded_on=awarded,
                valid_until=add_months(awarded, 12 * SEAL_YEARS),
            )

    # ------------------------------------------------------------ holidays and guide

    def seed_holiday_offers(self) -> None:
        """The summer holiday programme: Jena's of the last two summers and the next one
        (not published yet), the others' of last summer."""
        last_summer = self.today.year if self.today.month >= 9 else self.today.year - 1
        summers = [last_summer - 1, last_summer, last_summer + 1]
        if not self.profile.flagship:
            summers = [last_summer]
        organisers = (
            self.active_partners(PartnerKind.SOCIAL_AGENCY)
            + self.active_partners(PartnerKind.ASSOCIATION)
        ) or self.active_partners()
        per_summer = 8 if self.profile.flagship else 3
        for year in summers:
            offers = self.rng.sample(HOLIDAY_OFFERS, per_summer)
            for title, age_min, age_max, price in offers:
                start = _weekday_on_or_after(
                    datetime.date(year, 7, 6) + datetime.timedelta(days=7 * self.rng.randint(0, 5)),
                    0,
                )
                organiser = self.rng.choice(organisers)
                holidays.holiday_offer_create(
                    actor=self.actor,
                    title=title,
                    description=f"{title} für Kinder von {age_min} bis {age_max} Jahren.",
                    organiser=organiser.name,
                    partner=organiser,
                    start_date=start,
                    end_date=start + datetime.timedelta(days=4),
                    start_time=datetime.time(8, 30),
                    end_time=datetime.time(15, 30),
                    place=self.town,
                    age_min=age_min,
                    age_max=age_max,
                    price=Decimal(price),
                    max_participants=self.rng.choice([12, 15, 20, 25]),
                    registration=f"Anmeldung bei {organiser.name}",
                    is_published=year <= last_summer,
                )
                self.count("holiday_offers")

    def seed_guide(self) -> None:
        entries = GUIDE_ENTRIES if self.profile.flagship else self.rng.sample(GUIDE_ENTRIES, 4)
        domain = f"{ascii_slug(self.town)}.example"
        for title, category in entries:
            holidays.guide_entry_create(
                actor=self.actor,
                title=title,
                category=category,
                organisation=f"Stadt {self.town}",
                description=f"{title} für Familien in {self.town}.",
                address=f"{self.rng.choice(LAST_NAMES)}platz {self.rng.randint(1, 30)}, "
                f"{self.profile.postcode} {self.town}",
                phone=self.phone(),
                email=f"{ascii_slug(title)[:30].strip('-')}@{domain}",
                website=f"https://www.{domain}/familie",
                opening_hours="Mo–Do 9–16 Uhr, Fr 9–12 Uhr",
            )
            self.count("guide_entries")


def seed_workspace(
    alliance: Alliance, *, actor=None, today: datetime.date | None = None
) -> dict[str, int]:
    """Fill ``alliance``'s workspace with demo content unless it has partners already.

    Returns how many records of each kind were created (empty if it was left alone).
    One transaction: a failure leaves the workspace empty, so a rerun starts afresh.
    """
    today = today or timezone.localdate()
    with tenant_context(alliance):
        if Partner.objects.exists():
            return {}
        builder = _WorkspaceSeed(alliance, actor, today)
        with transaction.atomic(), search_path_set_once():
            builder.run()
    return builder.counts
