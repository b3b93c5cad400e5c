"""Demo workshops: Jena's open space (about 60 people, five topics after short talks,
results that became working group tasks), a world café in Erfurt that still takes
registrations, and the world-café tables of the state's strategy meeting.

Registrations go through the services (each leaves its audit entry) without e-mails:
the people are invented.
"""

from __future__ import annotations

import datetime

from core.models import EventKind, WorkingGroup
from core.services import projects
from core.services import workshops as workshop_services
from demo.workspace_vocabulary import FIRST_NAMES, LAST_NAMES, ascii_slug
from kernel.workshops.models import WorkshopFormat

# (title, host, result or "", working group that takes it up or "")
JENA_TOPICS = [
    ("Kinderbetreuung in Randzeiten", "Kita-Eigenbetrieb Jena",
     "Ein Pool von Tagespflegepersonen für Schichtdienste; Bedarf bei drei Kliniken erheben.",
     "AG Kinderbetreuung"),
    ("Pflege und Beruf vereinbaren", "Pflegestützpunkt Jena",
     "Zehn weitere betriebliche Pflegelotsen schulen; Infoabend im Herbst.",
     "AG Pflege und Beruf"),
    ("Familienfreundliche Arbeitszeiten", "Jenaer Unternehmerverband",
     "Leitfaden zu Arbeitszeitmodellen mit Beispielen aus drei Betrieben erstellen.",
     "AG Familienfreundliche Arbeitswelt"),
    ("Väter im Betrieb", "Väternetzwerk Thüringen",
     "Väterfrühstück in zwei Unternehmen ausprobieren.", ""),
    ("Familienwegweiser digital", "Stadtverwaltung Jena",
     "Wegweiser um Angebote für Alleinerziehende ergänzen; Druckfassung jährlich.",
     "AG Öffentlichkeitsarbeit"),
]  # fmt: skip
ORGANISATIONS = ["Carl Zeiss AG", "Stadtwerke Jena", "Universitätsklinikum Jena", "Jenoptik",
                 "Friedrich-Schiller-Universität", "Diakonie", "Caritas", "Jobcenter Jena",
                 "Ernst-Abbe-Hochschule", "Kita Sonnenschein", "Elternverein", ""]  # fmt: skip
# Smaller workshops of other alliances: title, format, place, days ahead (negative: held),
# registrations, and the tables or topics with their hosts.
SMALL_WORKSHOPS = {
    "erfurt": (
        "World Café „Beruf und Familie im Mittelstand“", WorkshopFormat.WORLD_CAFE,
        "Haus Dacheröden, Erfurt", 24, 14,
        [("Homeoffice mit Kindern", "IHK Erfurt"), ("Ferienbetreuung", "Jugendamt"),
         ("Pflegezeit im Mittelstand", "Handwerkskammer")],
    ),
    "weimar": (
        "Werkstatt „Familienfreundliche Innenstadt“", WorkshopFormat.WORKSHOP,
        "Stadtbücherei Weimar", 38, 11,
        [("Wickel- und Stillorte", "Stadtverwaltung"), ("Spielorte am Markt", "Familienzentrum")],
    ),
    "gera": (
        "Open Space „Pflege und Beruf“", WorkshopFormat.OPEN_SPACE,
        "Kultur- und Kongresszentrum Gera", 52, 19,
        [("Pflegelotsen im Betrieb", "AOK PLUS"), ("Auszeiten für Pflegende", "Diakonie"),
         ("Nachbarschaftshilfe", "Seniorenbeirat")],
    ),
}  # fmt: skip
STRATEGY_TABLES = [
    ("Familienfreundliche Arbeitswelt", "Bündnis Jena", "Siegel stärker bewerben."),
    ("Bündnisse im ländlichen Raum", "Bündnis Bad Frankenhausen",
     "Gemeinsame Aktionen benachbarter Bündnisse."),
    ("Väter und Pflege", "Landeskoordinierungsstelle", ""),
    ("Öffentlichkeitsarbeit", "Bündnis Erfurt", ""),
]  # fmt: skip


def _people(seed, count: int):
    for n in range(count):
        first = FIRST_NAMES[(n * 7) % len(FIRST_NAMES)]
        last = LAST_NAMES[(n * 11 + 3) % len(LAST_NAMES)]
        email = f"{ascii_slug(first)}.{ascii_slug(last)}.{n}@demo.example"
        yield f"{first} {last}", email, seed.rng.choice(ORGANISATIONS)


def seed_workshops(seed) -> None:
    """The alliance's demo workshops (``seed``: the running ``_WorkspaceSeed``)."""
    if seed.profile.flagship:
        _jena_open_space(seed)
    elif seed.alliance.slug in SMALL_WORKSHOPS:
        _small_workshop(seed, *SMALL_WORKSHOPS[seed.alliance.slug])


def _register_all(seed, workshop, topics, count: int) -> None:
    for name, email, organisation in _people(seed, count):
        wishes = seed.rng.sample(topics, min(len(topics), seed.rng.randint(1, 2)))
        workshop_services.registration_create(
            actor=seed.actor, workshop=workshop, name=name, email=email,
            organisation=organisation, wishes=wishes, notify=False,
        )  # fmt: skip
        seed.count("workshop_registrations")


def _jena_open_space(seed) -> None:
    day = seed.today - datetime.timedelta(days=45)
    event = projects.event_create(
        actor=seed.actor,
        title="Bündnisforum „Familie in Jena gestalten“",
        kind=EventKind.NETWORK,
        date=day,
        start_time=datetime.time(14, 0),
        place="Volkshaus Jena",
        participant_count=58,
        description="Kurze Impulsvorträge, danach fünf Themen im Open Space.",
    )
    workshop = workshop_services.workshop_create(
        actor=seed.actor, event=event, format=WorkshopFormat.OPEN_SPACE, capacity=60, rounds=2,
        registration_open=False,
    )  # fmt: skip
    topics = [
        workshop_services.topic_create(
            actor=seed.actor,
            workshop=workshop,
            title=title,
            host=host,
            moderator=" ".join(seed.person()),
            result=result,
        )
        for title, host, result, _group in JENA_TOPICS
    ]
    _register_all(seed, workshop, topics, 60)
    workshop_services.seats_by_wishes(actor=seed.actor, workshop=workshop)
    groups = {g.name: g for g in WorkingGroup.objects.all()}
    for topic, (_title, _host, _result, group) in zip(topics, JENA_TOPICS, strict=True):
        if group in groups:
            workshop_services.task_from_result(
                actor=seed.actor, topic=topic, working_group=groups[group],
                due=seed.today + datetime.timedelta(days=60 + 30 * len(group) % 90),
            )  # fmt: skip
            seed.count("working_group_tasks")
    seed.count("workshops")


def _small_workshop(seed, title, format, place, days, registrations, tables) -> None:
    event = projects.event_create(
        actor=seed.actor,
        title=title,
        kind=EventKind.NETWORK,
        date=seed.today + datetime.timedelta(days=days),
        start_time=datetime.time(16, 0),
        place=place,
        description=f"{len(tables)} Themen im Gespräch mit Betrieben, Vereinen und Verwaltung.",
    )
    workshop = workshop_services.workshop_create(
        actor=seed.actor, event=event, format=format, capacity=24, rounds=len(tables),
    )  # fmt: skip
    topics = [
        workshop_services.topic_create(actor=seed.actor, workshop=workshop, title=t, host=h)
        for t, h in tables
    ]
    _register_all(seed, workshop, topics, registrations)
    seed.count("workshops")


def seed_strategy_workshop(*, actor) -> int:
    """World-café tables at the latest strategy meeting, with the attending invitees
    registered; 0 if it exists (or there is no strategy meeting)."""
    from regional.models import MeetingKind, RegionalMeeting, RegionalWorkshop, Response
    from regional.services import workshops as services

    meeting = RegionalMeeting.objects.filter(kind=MeetingKind.STRATEGY).order_by("-date").first()
    if meeting is None or RegionalWorkshop.objects.filter(meeting=meeting).exists():
        return 0
    workshop = services.workshop_create(
        actor=actor, meeting=meeting, format=WorkshopFormat.WORLD_CAFE, capacity=80, rounds=2,
        registration_open=False,
    )  # fmt: skip
    tables = [
        services.table_create(actor=actor, workshop=workshop, title=t, host=h, result=r)
        for t, h, r in STRATEGY_TABLES
    ]
    attending = meeting.invitations.filter(response=Response.ATTENDING).select_related("alliance")
    for number, invitation in enumerate(attending.order_by("pk")):
        services.registration_create(
            actor=actor, workshop=workshop, name=invitation.name, email=invitation.email,
            organisation=invitation.alliance.name if invitation.alliance else "",
            alliance=invitation.alliance, wishes=[tables[number % len(tables)]], notify=False,
        )  # fmt: skip
    services.seats_by_wishes(actor=actor, workshop=workshop)
    return 1
