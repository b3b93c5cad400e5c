"""The invented vocabulary of the demo workspaces: profiles per alliance, names,
sectors, measures, projects, offers (used by ``demo.workspace``)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from core.models import (
    GuideCategory,
    MeasureCategory,
    PartnerKind,
    PartnerStatus,
    TargetGroup,
    Topic,
)
from demo.alliances import DEMO_ALLIANCES

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
    # Saxony
    "leipzig": WorkspaceProfile(36, "04109", "0341", "Leipziger", 0.7, 0.18),
    "dresden": WorkspaceProfile(32, "01067", "0351", "Dresdner", 0.68, 0.17),
    "zwickau": WorkspaceProfile(18, "08056", "0375", "Zwickauer", 0.64, 0.14),
    "goerlitz": WorkspaceProfile(12, "02826", "03581", "Görlitzer", 0.6, 0.12),
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
