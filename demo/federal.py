"""Demo content of the federal service office, for ``manage.py seed_demo``.

``seed_federal()`` is the one entry point: the federal office's login
(bund@demo.example, the demo password), two programmes with the demo alliances of every
state as participants (Thuringia's, and any other state's the demo has), their
milestones and a shared document, and a published alliance of the month. It runs after
the alliances exist and does nothing once its content is there (checked by the stable
programme names). Writes go through the services, so the audit trail shows them.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from demo.alliances import DEMO_PASSWORD, _grant, _user
from demo.library import demo_pdf
from federal.models import Award, Programme, ProgrammeKind, ProgrammeStatus
from federal.services import awards, programmes
from tenants.models import Alliance, AllianceStatus, User
from tenants.roles import Role

FEDERAL_LOGIN = ("bund@demo.example", "Bundesservicestelle (Demo)")

PROGRAMMES = [
    {
        "name": "Kommunale Familienzeitpolitik",
        "kind": ProgrammeKind.DEVELOPMENT_PARTNERSHIP,
        "status": ProgrammeStatus.RUNNING,
        "description": (
            "Entwicklungspartnerschaft mit Bündnissen aus mehreren Ländern: Öffnungszeiten,"
            " Fahrpläne und Sprechstunden so abstimmen, dass Familien Zeit gewinnen."
        ),
        "months_ago": 8,
        "milestones": [
            ("Auftaktwerkstatt der beteiligten Bündnisse", -7, True),
            ("Zeitbedarfe der Familien vor Ort erhoben", -2, True),
            ("Erste Maßnahmen mit Verwaltung und Arbeitgebern vereinbart", 2, False),
            ("Ergebnisse auf der Bundesnetzwerkkonferenz vorgestellt", 9, False),
        ],
    },
    {
        "name": "Modellprojekt Pflege und Beruf",
        "kind": ProgrammeKind.PILOT_PROJECT,
        "status": ProgrammeStatus.PLANNED,
        "description": (
            "Modellprojekt: Unternehmen und Bündnisse erproben Angebote für Beschäftigte,"
            " die Angehörige pflegen."
        ),
        "months_ago": 1,
        "milestones": [
            ("Beteiligte Unternehmen gewonnen", 1, False),
            ("Angebote erprobt und ausgewertet", 10, False),
        ],
    },
]


def _months(day: datetime.date, months: int) -> datetime.date:
    """The first of the month ``months`` after ``day``'s (before it when negative)."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def seed_federal_account() -> tuple[str, Role, None, bool]:
    """The federal office's demo login: (email, role, slug, created)."""
    email, name = FEDERAL_LOGIN
    user, created = _user(email, name, DEMO_PASSWORD)
    _grant(user, Role.FEDERAL_OFFICE, None)
    return email, Role.FEDERAL_OFFICE, None, created


@transaction.atomic
def seed_federal() -> int:
    """The federal office's programmes and award; the number of programmes created (0
    when they exist)."""
    if Programme.objects.filter(name=PROGRAMMES[0]["name"]).exists():
        return 0
    actor = User.objects.get(email=FEDERAL_LOGIN[0])
    today = timezone.localdate()
    # Every state's demo alliances (Alliance.everywhere: no state scope in a command).
    alliances = list(
        Alliance.everywhere.filter(is_demo=True, status=AllianceStatus.ACTIVE).order_by(
            "state_id", "name"
        )
    )
    for number, data in enumerate(PROGRAMMES):
        starts_on = _months(today, -data["months_ago"])
        programme = programmes.programme_create(
            actor=actor,
            name=data["name"],
            kind=data["kind"],
            status=data["status"],
            description=data["description"],
            starts_on=starts_on,
            ends_on=_months(today, 18 - data["months_ago"]),
        )
        # The first programme has every demo alliance, the second every other one.
        for alliance in alliances[number :: 1 + number]:
            programmes.participation_create(
                actor=actor, programme=programme, alliance=alliance, joined_on=starts_on
            )
        for title, months, done in data["milestones"]:
            due_on = _months(today, months)
            programmes.milestone_create(
                actor=actor,
                programme=programme,
                title=title,
                due_on=due_on,
                done_on=due_on if done else None,
            )
    first = Programme.objects.get(name=PROGRAMMES[0]["name"])
    programmes.programme_document_create(
        actor=actor,
        programme=first,
        title="Leitfaden Familienzeitpolitik vor Ort",
        description="Wie ein Bündnis die Zeitbedarfe von Familien erhebt.",
        tags="Leitfaden",
        file=demo_pdf("Leitfaden Familienzeitpolitik vor Ort", "Fassung 1"),
    )
    if alliances and not Award.objects.exists():
        awards.award_create(
            actor=actor,
            month=today.replace(day=1),
            alliance=alliances[0],
            citation=(
                "Für die Familienzeitpolitik vor Ort: abgestimmte Öffnungszeiten von Kitas,"
                " Bürgerbüro und Bibliothek."
            ),
            published=True,
        )
    return len(PROGRAMMES)
