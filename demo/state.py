"""Demo content of the state layer, for ``manage.py seed_demo`` (``make demo``).

Run after the alliances' workspaces are filled (``demo.workspace``):

- ``seed_statistics``: the figures of every month-end of the last two years, counted
  as of that day by the statistics engine (``regional.statistics``, ``as_of=True``),
  and today's figures by the regular refresh, so that dashboard and reports show trends;
- ``seed_meetings``: regional meetings held and planned, with invitations and replies,
  among them last spring's strategy meeting with the minister and its timed agenda;
- ``seed_setups``: three places founding an alliance, at different stages;
- ``seed_report``: last year's report to the ministry, generated and released.

Each part is one transaction and runs only if its content is absent (checked by its
stable names), so running the seed again changes nothing. Writes go through the
services, so the audit trail shows them; only what those refuse for the past on
purpose (replies after a meeting began) is recorded with the generic record service.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from core.services.board import add_months
from kernel.audit.services import audit_log
from kernel.crud.records import record_update
from regional import statistics as engine
from regional.models import (
    AllianceSetup,
    AllianceSnapshot,
    MeetingKind,
    RegionalMeeting,
    Report,
    ReportStatus,
    Response,
    RunStatus,
    SetupStage,
    StatisticsRun,
)
from regional.services import invitations, meetings, reports, setups
from regional.services.statistics import snapshots_upsert, statistics_refresh
from tenants.models import Alliance, User

MONTHS_OF_HISTORY = 24
MINISTRY_GUESTS = [
    ("Referat Familienpolitik", "referat.familie@ministerium.demo.example"),
    ("Pressestelle des Ministeriums", "presse@ministerium.demo.example"),
]

# ---------------------------------------------------------------- statistics


def month_ends(today: datetime.date, months: int = MONTHS_OF_HISTORY) -> list[datetime.date]:
    """The last day of each of the ``months`` months before ``today``'s, oldest first."""
    first_of_month = today.replace(day=1)
    return [
        add_months(first_of_month, -back + 1) - datetime.timedelta(days=1)
        for back in range(months, 0, -1)
    ]


@transaction.atomic
def record_snapshots_as_of(*, actor, taken_on: datetime.date) -> StatisticsRun:
    """Store every counted alliance's figures as they were on ``taken_on`` (a past day),
    as one finished run with its audit entry."""
    now = timezone.now()
    refs = engine.counted_alliances()
    run = StatisticsRun.objects.create(
        taken_on=taken_on,
        status=RunStatus.RUNNING,
        started_at=now,
        alliances_total=len(refs),
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    figures = engine.all_statistics(refs, today=taken_on, as_of=True)
    snapshots_upsert(run=run, taken_on=taken_on, figures=figures.items())
    run.status = RunStatus.DONE
    run.alliances_done = len(figures)
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "alliances_done", "finished_at", "updated_at"])
    audit_log(
        actor=actor,
        action="regional.statisticsrun.done",
        target=run,
        changes={"taken_on": taken_on.isoformat(), "alliances": len(figures), "as_of": True},
    )
    return run


def seed_statistics(*, today: datetime.date | None = None) -> int:
    """Snapshots of each month-end of the last two years (those not taken yet) and of
    today (if not taken yet); returns how many days were added."""
    today = today or timezone.localdate()
    taken = set(AllianceSnapshot.objects.values_list("taken_on", flat=True).distinct())
    added = 0
    for day in month_ends(today):
        if day not in taken:
            record_snapshots_as_of(actor=None, taken_on=day)
            added += 1
    if today not in taken:
        statistics_refresh(actor=None, taken_on=today)
        added += 1
    return added


# ---------------------------------------------------------------- regional meetings

# The strategy meeting with the minister: (time, minutes, item, speaker).
STRATEGY_AGENDA = [
    ("10:00", 15, "Begrüßung durch den Oberbürgermeister der gastgebenden Stadt",
     "Oberbürgermeister der Stadt Weimar"),
    ("10:15", 30, "Rede der Ministerin", "Thüringer Ministerin für Familie"),
    ("10:45", 10, "Imagefilm der Lokalen Bündnisse für Familie in Thüringen", ""),
    ("10:55", 25, "Bericht der Landeskoordinierungsstelle", "Landeskoordinierungsstelle"),
    ("11:20", 30, "Diskussion mit der Ministerin", "Moderation: Landeskoordinierungsstelle"),
    ("11:50", 45, "World Café I: Vereinbarkeit von Pflege und Beruf", "Tischpaten der Bündnisse"),
    ("12:35", 45, "World Café II: Familienfreundliche Arbeitswelt im ländlichen Raum",
     "Tischpaten der Bündnisse"),
]  # fmt: skip
REGIONAL_AGENDA = [
    ("10:00", 15, "Begrüßung durch das gastgebende Bündnis", ""),
    ("10:15", 45, "Berichte aus den Bündnissen", ""),
    ("11:00", 45, "Schwerpunktthema", "Landeskoordinierungsstelle"),
    ("11:45", 30, "Austausch und Verabredungen", ""),
]


# (title, kind, months from today (negative: past), host, invited alliances (None: all),
#  place, agenda). The titles are stable: they tell whether the meetings exist.
MEETINGS = [
    ("Regionaltreffen Nordthüringen", MeetingKind.REGIONAL, -16, "nordhausen",
     ["nordhausen", "badfrankenhausen", "muehlhausen", "soemmerda", "erfurt", "gotha"],
     "Nordhausen, Bürgerhaus", REGIONAL_AGENDA),
    ("Regionaltreffen Ostthüringen", MeetingKind.REGIONAL, -11, "gera",
     ["gera", "jena", "altenburg", "poessneck", "saalfeld", "weimar"],
     "Gera, Haus der Familie", REGIONAL_AGENDA),
    ("Strategietreffen mit der Ministerin", MeetingKind.STRATEGY, -7, "weimar", None,
     "Weimar, Festsaal im Rathaus", STRATEGY_AGENDA),
    ("Regionaltreffen Südthüringen", MeetingKind.REGIONAL, -2, "suhl",
     ["suhl", "sonneberg", "ilmenau", "eisenach", "gotha", "saalfeld"],
     "Suhl, Congress Centrum, Raum 2", REGIONAL_AGENDA),
    ("Regionaltreffen Westthüringen", MeetingKind.REGIONAL, 0, "eisenach",
     ["eisenach", "gotha", "muehlhausen", "erfurt", "ilmenau", "badfrankenhausen"],
     "Eisenach, Mehrgenerationenhaus", REGIONAL_AGENDA),
    ("Regionaltreffen Mittelthüringen", MeetingKind.REGIONAL, 3, "erfurt",
     ["erfurt", "weimar", "jena", "soemmerda", "ilmenau", "gotha"],
     "Erfurt, Familienzentrum am Anger", REGIONAL_AGENDA),
]  # fmt: skip
STRATEGY_TITLE = "Strategietreffen mit der Ministerin"
STRATEGY_MINUTES = """Ergebnisprotokoll des Strategietreffens

1. Der Oberbürgermeister begrüßt die Bündnisse in Weimar.
2. Die Ministerin dankt den Bündnissen und kündigt an, die Landesförderung fortzuführen.
3. Der Imagefilm wird gezeigt und steht den Bündnissen für ihre Arbeit zur Verfügung.
4. Die Landeskoordinierungsstelle berichtet über Partner, Projekte und neue Bündnisse.
5. In der Diskussion geht es um Kinderbetreuung in Randzeiten und die Pflege von Angehörigen.
6. World Café I: Betriebliche Pflegelotsen sollen in allen Landkreisen ausgebildet werden.
7. World Café II: Kleine Betriebe im ländlichen Raum brauchen einfache Angebote; die
   Bündnisse tauschen ihre Beispiele über die Plattform aus.

Verabredungen: Die Landeskoordinierungsstelle stellt bis zum nächsten Regionaltreffen eine
Übersicht der Pflegelotsen-Schulungen zusammen."""
REGIONAL_MINUTES = """Ergebnisprotokoll

Die anwesenden Bündnisse berichten über ihre Projekte, neue Partner und die Termine der
nächsten Monate. Schwerpunkt war die Gewinnung kleiner Betriebe für das Familiensiegel.
Die Bündnisse verabreden gemeinsame Aktionen zum Familientag."""


def _on_weekday(day: datetime.date, weekday: int = 3) -> datetime.date:
    """The first ``weekday`` (Thursday by default) on or after ``day``."""
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _meeting_day(today: datetime.date, months: int) -> datetime.date:
    if months == 0:  # the next one: in three weeks
        return _on_weekday(today + datetime.timedelta(days=21))
    return _on_weekday(add_months(today, months))


def _agenda_lines(rows) -> list[meetings.AgendaLine]:
    return [
        meetings.AgendaLine(
            title=title,
            start_time=datetime.time.fromisoformat(start),
            duration_minutes=minutes,
            speaker=speaker,
        )
        for start, minutes, title, speaker in rows
    ]


def _record_sent(*, actor, meeting: RegionalMeeting, sent_at: datetime.datetime) -> None:
    """What ``invitations_send`` records, without its e-mails: the invitations of a past
    meeting went out long ago, and the demo must not mail anyone now."""
    sent = meeting.invitations.filter(sent_at__isnull=True).update(sent_at=sent_at)
    audit_log(
        actor=actor,
        action="regional.regionalmeeting.invitations_sent",
        target=meeting,
        changes={"sent": sent, "resend": False, "demo_history": True},
    )


def _historic_replies(meeting: RegionalMeeting, rng, sent_at: datetime.datetime) -> None:
    """Replies given through the reply links before the meeting (``invitation_reply``
    refuses replies once a meeting has begun, so the past is recorded directly)."""
    for invitation in meeting.invitations.order_by("pk"):
        draw = rng.random()
        if draw > 0.9:
            continue  # never replied
        record_update(
            actor=invitations.ReplyLinkHolder(invitation),
            instance=invitation,
            data={
                "response": Response.ATTENDING if draw < 0.75 else Response.DECLINED,
                "responded_at": sent_at + datetime.timedelta(days=rng.randint(1, 20)),
            },
            action="regional.invitation.replied",
        )


def seed_meetings(*, actor, today: datetime.date | None = None) -> int:
    """The regional meetings, if none of them exists; returns how many were created."""
    titles = [row[0] for row in MEETINGS]
    if RegionalMeeting.objects.filter(title__in=titles).exists():
        return 0
    today = today or timezone.localdate()
    rng = random.Random("buendnisnetz-demo:regional")  # noqa: S311 - invented data
    alliances = {a.slug: a for a in Alliance.objects.all()}
    ministry = User.objects.filter(email="ministerium@demo.example").first()
    created = 0
    with transaction.atomic():
        for title, kind, months, host, invited, place, agenda in MEETINGS:
            day = _meeting_day(today, months)
            strategy = kind == MeetingKind.STRATEGY
            meeting = meetings.meeting_create(
                actor=actor,
                title=title,
                kind=kind,
                date=day,
                start_time=datetime.time(10, 0),
                end_time=datetime.time(13, 20) if strategy else datetime.time(12, 15),
                place=place,
                host_alliance=alliances.get(host),
                moderation="Landeskoordinierungsstelle",
                description=(
                    "Das jährliche Treffen der Lokalen Bündnisse für Familie mit der "
                    "Ministerin: Rückblick, Ausblick und zwei World Cafés."
                    if strategy
                    else "Austausch der Bündnisse der Region mit der Landeskoordinierung."
                ),
            )
            meetings.agenda_bulk_add(
                actor=actor,
                meeting=meeting,
                lines=_agenda_lines(agenda),
                # A past meeting's agenda is locked; the demo records it afterwards.
                reason="" if months >= 0 else "Tagesordnung nachträglich erfasst",
            )
            chosen = (
                list(alliances.values())
                if invited is None
                else [alliances[slug] for slug in invited if slug in alliances]
            )
            people = list(MINISTRY_GUESTS) if strategy else []
            if strategy and ministry is not None:
                people.append((ministry.full_name, ministry.email))
            invitations.invitations_add(
                actor=actor, meeting=meeting, alliances=chosen, people=people
            )
            created += 1
            if months > 0:
                continue  # invitations not sent yet: the newcomer may send them
            sent_at = timezone.make_aware(
                datetime.datetime.combine(day - datetime.timedelta(days=28), datetime.time(9))
            )
            if months == 0:  # the next meeting: invited ten days ago, some replied
                sent_at = timezone.now() - datetime.timedelta(days=10)
                _record_sent(actor=actor, meeting=meeting, sent_at=sent_at)
                for invitation in meeting.invitations.order_by("pk")[::2]:
                    invitations.invitation_reply(
                        actor=None,
                        invitation=invitation,
                        response=Response.ATTENDING if rng.random() < 0.8 else Response.DECLINED,
                    )
                continue
            _record_sent(actor=actor, meeting=meeting, sent_at=sent_at)
            _historic_replies(meeting, rng, sent_at)
            meetings.meeting_mark_held(actor=actor, meeting=meeting, today=today)
            meetings.minutes_update(
                actor=actor,
                meeting=meeting,
                minutes=STRATEGY_MINUTES if strategy else REGIONAL_MINUTES,
                today=today,
            )
            if months < -2:  # the latest one's minutes are still a draft
                meetings.minutes_publish(
                    actor=actor, meeting=meeting, published_on=day + datetime.timedelta(days=14)
                )
    return created


# ---------------------------------------------------------------- new alliances

# (place, district, stage, checklist items done, initiators, what the alliance will be)
SETUPS: list[tuple[str, str, str, int, str, dict[str, Any]]] = [
    ("Heilbad Heiligenstadt", "16061", SetupStage.CONSULTATION, 2,
     "Familienzentrum und zwei Arbeitgeber der Stadt", {}),
    ("Apolda", "16071", SetupStage.FOUNDING_EVENT, 3,
     "Stadtverwaltung Apolda, Kreishandwerkerschaft, Elternverein", {}),
    ("Greiz", "16076", SetupStage.DECLARATION, 4,
     "Landratsamt Greiz und der Unternehmerverband",
     {"alliance_name": "Lokales Bündnis für Familie Greiz", "slug": "greiz",
      "host_organisation": "Landratsamt Greiz, Familienbüro",
      "coordinator_name": "Heike Oertel", "coordinator_email": "greiz@demo.example"}),
]  # fmt: skip
STAGE_ORDER = [SetupStage.INTEREST, SetupStage.CONSULTATION, SetupStage.FOUNDING_EVENT,
               SetupStage.DECLARATION]  # fmt: skip


def seed_setups(*, actor) -> int:
    """Three places founding an alliance, each moved through the stages up to its own
    with part of its checklist done; never to "active" (that would provision it)."""
    created = 0
    with transaction.atomic():
        for place, district, stage, done, initiators, future in SETUPS:
            if AllianceSetup.objects.filter(place=place).exists():
                continue
            setup = setups.setup_create(
                actor=actor,
                **{
                    "place": place,
                    "district": district,
                    "initiators": initiators,
                    "mentor": actor,
                    "notes": "Begleitet von der Landeskoordinierungsstelle.",
                    **future,
                },
            )
            for next_stage in STAGE_ORDER[1 : STAGE_ORDER.index(stage) + 1]:
                setup = setups.setup_move(actor=actor, setup=setup, stage=next_stage)
            for task in setup.tasks.order_by("position")[:done]:
                setups.task_tick(actor=actor, task=task, done=True)
            created += 1
    return created


# ---------------------------------------------------------------- report

REPORT_TITLE = "Jahresbericht der Landeskoordinierungsstelle"


def seed_report(*, actor, today: datetime.date | None = None) -> Report | None:
    """Last year's report to the ministry, generated here (not by a worker, which is not
    running yet) and released; None if a demo report exists already."""
    if Report.objects.filter(title__startswith=REPORT_TITLE).exists():
        return None
    today = today or timezone.localdate()
    year = today.year - 1
    with transaction.atomic():
        report = reports.report_create(
            actor=actor,
            **{
                "title": f"{REPORT_TITLE} {year}",
                "period_kind": "year",
                "year": year,
                "quarter": None,
                "summary": (
                    "Die Lokalen Bündnisse für Familie in Thüringen haben im Berichtsjahr "
                    "weitere Arbeitgeber als Partner gewonnen und ihre Angebote zur "
                    "Kinderbetreuung und zur Pflege von Angehörigen ausgebaut."
                ),
                "highlights": (
                    "Kinderbetreuungspool für Schichtarbeit in Jena; Strategietreffen mit der "
                    "Ministerin in Weimar; drei Orte bereiten die Gründung eines Bündnisses vor."
                ),
                "problems": (
                    "Kinderbetreuung in Randzeiten und in den Ferien bleibt knapp; kleine "
                    "Betriebe im ländlichen Raum sind schwer zu erreichen."
                ),
                "plans": (
                    "Betriebliche Pflegelotsen in allen Landkreisen; Familiensiegel für kleine "
                    "Betriebe vereinfachen; Gründungen in Greiz, Apolda und Heilbad "
                    "Heiligenstadt begleiten."
                ),
            },
        )
        reports.report_generate(actor=actor, report=report)
        report = reports.report_build(report_id=report.pk)
        if report is None or report.status != ReportStatus.READY:
            error = report.generation_error if report else "missing"
            raise RuntimeError(f"The demo report could not be generated: {error}")
        return reports.report_release(actor=actor, report=report)
