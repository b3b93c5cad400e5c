"""Demo content of onboarding, for ``manage.py seed_demo``:

- ``seed_starter_templates``: the state coordination office's starter templates (working
  groups, measures for the partners' catalogue, project ideas, the board's standing
  agenda) that every new alliance's workspace is prefilled with;
- ``seed_first_steps``: the first-run checklist of the demo alliance founded most
  recently, partly done (some items tick themselves from its data, its identity is
  marked done by the coordinator, the legal pages are still open).

Both run through the services (audit entries) and only add what is absent, so running
the seed again changes nothing.
"""

from __future__ import annotations

from django.db import transaction
from django_tenants.utils import tenant_context

from core.models import ChecklistStatus, MeasureCategory, Topic
from core.services.onboarding import checklist_mark, checklist_start
from demo.alliances import coordinator_email
from regional.models import StarterTemplate
from regional.services.starter import starter_template_create
from tenants.models import Alliance, User

# Per kind of template: (name, category, description). The board's agenda has no
# category; its description holds one agenda item a line.
TEMPLATES: dict[str, list[tuple[str, str, str]]] = {
    "working_group": [
        ("AG Vereinbarkeit von Familie und Beruf", Topic.WORKING_WORLD,
         "Arbeitgeber, Kammern und Agentur für Arbeit tauschen sich zu flexiblen "
         "Arbeitszeiten, Kinderbetreuung in Randzeiten und Pflege von Angehörigen aus."),
        ("AG Kinderbetreuung", Topic.CHILDCARE,
         "Betreuung in Randzeiten, Ferienbetreuung und ein flexibler Kinderbetreuungspool."),
        ("AG Familienfreundliche Kommune", Topic.GENERATIONS,
         "Öffnungszeiten von Ämtern, Spielplätze, Mobilität und Angebote für alle Generationen."),
        ("AG Öffentlichkeitsarbeit", Topic.INFORMATION,
         "Familienwegweiser, Pressearbeit und der Auftritt des Bündnisses."),
    ],
    "measure": [
        ("Flexible Arbeitszeitmodelle", MeasureCategory.WORKING_TIME,
         "Gleitzeit, Teilzeit in Elternzeit und Arbeitszeitkonten."),
        ("Eltern-Kind-Arbeitszimmer", MeasureCategory.CHILDCARE,
         "Ein Büro mit Spielecke für Tage, an denen die Betreuung ausfällt."),
        ("Betriebliche Pflegelotsen", MeasureCategory.CARE,
         "Geschulte Beschäftigte beraten Kolleginnen und Kollegen, die Angehörige pflegen."),
        ("Kontakthalteprogramm in der Elternzeit", MeasureCategory.PARENTAL_LEAVE,
         "Einladungen zu Teamtreffen und Weiterbildungen während der Elternzeit."),
    ],
    "project": [
        ("Familienwandertag", Topic.HOLIDAYS,
         "Ein Wandertag für Familien mit Stationen der Partner, jedes Jahr im Frühsommer."),
        ("Ferienfaltplan", Topic.HOLIDAYS,
         "Die Ferienangebote von Stadt, Vereinen und Partnern in einem Faltplan und online."),
        ("Pflegelotsen-Schulung", Topic.CARE,
         "Beschäftigte der Partnerunternehmen werden zu betrieblichen Pflegelotsen geschult."),
    ],
    "board_agenda": [
        ("Sitzung des Kuratoriums", "", "\n".join([
            "Begrüßung und Feststellung der Beschlussfähigkeit",
            "Genehmigung des Protokolls der letzten Sitzung",
            "Bericht der Koordinierungsstelle",
            "Aufnahme neuer Partner",
            "Berichte aus den Arbeitsgruppen",
            "Planung der nächsten Veranstaltungen",
            "Verschiedenes",
        ])),
    ],
}  # fmt: skip


def seed_starter_templates(*, actor) -> int:
    """The state office's templates; returns how many were created."""
    created = 0
    with transaction.atomic():
        for kind, rows in TEMPLATES.items():
            for name, category, description in rows:
                if StarterTemplate.objects.filter(kind=kind, name__iexact=name).exists():
                    continue
                starter_template_create(
                    actor=actor, kind=kind, name=name, category=category, description=description
                )
                created += 1
    return created


def seed_first_steps() -> Alliance | None:
    """The most recently founded demo alliance's checklist, partly done; returns the
    alliance if its checklist was started now (None: it was there already)."""
    alliance = Alliance.objects.filter(is_demo=True).order_by("-founded_on", "slug").first()
    if alliance is None:
        return None
    actor = User.objects.filter(email=coordinator_email(alliance.slug)).first()
    with tenant_context(alliance), transaction.atomic():
        if not checklist_start(actor=actor):
            return None
        checklist_mark(actor=actor, key="identity", status=ChecklistStatus.DONE)
    return alliance
