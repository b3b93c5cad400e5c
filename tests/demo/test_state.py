"""The state layer's demo content (``demo.state``) and what it relies on: the statistics
engine counting as of a past day, exactly as the ORM counts the rows that existed then."""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal

import pytest
from django.db.models import Q, Sum
from django.utils import timezone
from django_tenants.utils import tenant_context

from core.models import (
    BoardMeeting,
    Event,
    FundingEntry,
    MeetingStatus,
    Partner,
    PartnerKind,
    PartnerStatus,
    Project,
    ProjectStatus,
    SealApplication,
    SealStatus,
)
from demo import state as state_demo
from kernel.audit.models import AuditEntry
from regional import statistics as engine
from regional.models import AllianceSetup, AllianceSnapshot, RegionalMeeting, Report
from tenants.models import Alliance
from tests.factories.board import BoardMeetingFactory
from tests.factories.partners import PartnerFactory
from tests.factories.projects import EventFactory, FundingEntryFactory, ProjectFactory
from tests.factories.seal import AwardedSealFactory

DAY = datetime.date(2025, 6, 30)


def orm_figures_as_of(day: datetime.date) -> dict:
    """What existed on ``day``, counted with the ORM in the current schema (the
    definition ``regional.statistics`` documents for ``as_of``)."""
    alive = Partner.objects.filter(
        Q(status=PartnerStatus.ACTIVE, joined_on__lte=day)
        | Q(status=PartnerStatus.LEFT, joined_on__lte=day, left_on__gt=day)
    )
    by_kind = Counter(alive.values_list("kind", flat=True))
    started = Project.objects.exclude(status=ProjectStatus.PLANNED).filter(start_date__lte=day)
    this_year = {"gte": datetime.date(day.year, 1, 1), "lte": day}
    events = Event.objects.filter(date__gte=this_year["gte"], date__lte=this_year["lte"])
    funding = FundingEntry.objects.filter(
        received_on__gte=this_year["gte"], received_on__lte=this_year["lte"]
    )
    funding_by_kind = Counter()
    for kind, amount in funding.values_list("kind", "amount"):
        funding_by_kind[kind] += amount
    return {
        "partners_by_kind": {kind: by_kind.get(kind, 0) for kind in PartnerKind.values},
        "partners_total": alive.count(),
        "companies": by_kind.get(PartnerKind.COMPANY, 0),
        "partners_with_care_guides": alive.filter(care_guides_count__gt=0).count(),
        "care_guides_total": alive.aggregate(n=Sum("care_guides_count"))["n"] or 0,
        "valid_seals": SealApplication.objects.filter(
            status=SealStatus.AWARDED, awarded_on__lte=day, valid_until__gte=day
        ).count(),
        "projects_by_topic": dict(Counter(started.values_list("topic", flat=True))),
        "projects_by_status": dict(
            Counter(
                ProjectStatus.FINISHED if end is not None and end < day else ProjectStatus.RUNNING
                for end in started.values_list("end_date", flat=True)
            )
        ),
        "families_reached": started.aggregate(n=Sum("families_reached"))["n"] or 0,
        "events": events.count(),
        "event_participants": events.aggregate(n=Sum("participant_count"))["n"] or 0,
        "funding_by_kind": dict(funding_by_kind),
        "board_meetings_held": BoardMeeting.objects.filter(
            status=MeetingStatus.HELD,
            date__gte=this_year["gte"],
            date__lte=this_year["lte"],
        ).count(),
    }


def engine_figures_as_of(alliance, day: datetime.date) -> dict:
    ref = engine.SchemaRef(alliance.pk, alliance.schema_name)
    result = engine.figures_for_batch([ref], today=day, as_of=True)[0]
    return {
        name: getattr(result, name)
        for name in (
            "partners_by_kind", "partners_total", "companies", "partners_with_care_guides",
            "care_guides_total", "valid_seals", "projects_by_topic", "projects_by_status",
            "families_reached", "events", "event_participants", "funding_by_kind",
            "board_meetings_held",
        )
    }  # fmt: skip


# ---------------------------------------------------------------- the engine, as of a day


def test_as_of_counts_only_what_existed_on_that_day(badfrankenhausen):
    with tenant_context(badfrankenhausen):
        PartnerFactory(joined_on=datetime.date(2020, 1, 1), care_guides_count=2)  # counts
        PartnerFactory(joined_on=datetime.date(2025, 7, 1))  # joined later
        PartnerFactory(  # left later: still a partner then
            kind=PartnerKind.CHURCH,
            status=PartnerStatus.LEFT,
            joined_on=datetime.date(2019, 1, 1),
            left_on=datetime.date(2025, 9, 1),
        )
        PartnerFactory(  # had left by then
            status=PartnerStatus.LEFT,
            joined_on=datetime.date(2019, 1, 1),
            left_on=datetime.date(2025, 6, 30),
        )
        PartnerFactory(status=PartnerStatus.DORMANT, joined_on=datetime.date(2019, 1, 1))
        PartnerFactory(status=PartnerStatus.APPLICANT, joined_on=None)
        ProjectFactory(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2025, 3, 1))
        ProjectFactory(start_date=datetime.date(2025, 1, 1), families_reached=7)
        ProjectFactory(start_date=datetime.date(2025, 8, 1))  # started later
        ProjectFactory(status=ProjectStatus.PLANNED, start_date=datetime.date(2025, 1, 1))
        EventFactory(date=datetime.date(2025, 6, 14), participant_count=40)
        EventFactory(date=datetime.date(2025, 9, 14), participant_count=99)  # later that year
        EventFactory(date=datetime.date(2024, 9, 14))  # the year before
        FundingEntryFactory(received_on=datetime.date(2025, 5, 2), amount=Decimal("250.00"))
        FundingEntryFactory(received_on=datetime.date(2025, 11, 2), amount=Decimal("900.00"))
        BoardMeetingFactory(status=MeetingStatus.HELD, date=datetime.date(2025, 3, 12))
        BoardMeetingFactory(status=MeetingStatus.HELD, date=datetime.date(2025, 9, 12))
        partner = Partner.objects.filter(care_guides_count=2).get()
        AwardedSealFactory(
            partner=partner,
            awarded_on=datetime.date(2022, 7, 1),
            valid_until=datetime.date(2025, 7, 1),
        )
        AwardedSealFactory(
            partner=partner,
            awarded_on=datetime.date(2025, 7, 2),
            valid_until=datetime.date(2028, 7, 2),
        )

    figures = engine_figures_as_of(badfrankenhausen, DAY)

    assert figures["partners_total"] == 2
    assert figures["partners_by_kind"][PartnerKind.CHURCH] == 1
    assert figures["companies"] == 1
    assert figures["partners_with_care_guides"] == 1
    assert figures["care_guides_total"] == 2
    assert figures["valid_seals"] == 1
    assert figures["projects_by_status"] == {"finished": 1, "running": 1}
    assert figures["families_reached"] == 17
    assert figures["events"] == 1
    assert figures["event_participants"] == 40
    assert figures["funding_by_kind"] == {"donation": Decimal("250.00")}
    assert figures["board_meetings_held"] == 1
    with tenant_context(badfrankenhausen):
        assert figures == orm_figures_as_of(DAY)
    # Without as_of the engine still counts the present (active partners, all projects).
    ref = engine.SchemaRef(badfrankenhausen.pk, badfrankenhausen.schema_name)
    now = engine.figures_for_batch([ref], today=DAY)[0]
    assert now.partners_total == 2  # the two active ones, whenever they joined
    assert now.projects_total == 4


@pytest.mark.slow
def test_as_of_equals_the_orm_on_two_years_of_demo_data(prepared_demo):
    """On the demo as ``seed_demo`` makes it (Jena at full size, two years of activity)."""
    jena = Alliance.objects.get(slug="jena")
    today = timezone.localdate()

    for day in [*state_demo.month_ends(today)[::5], today - datetime.timedelta(days=1)]:
        with tenant_context(jena):
            expected = orm_figures_as_of(day)
        assert engine_figures_as_of(jena, day) == expected, day

    # The demo data moves: more partners now than two years ago.
    first, last = state_demo.month_ends(today)[0], state_demo.month_ends(today)[-1]
    assert (
        engine_figures_as_of(jena, first)["partners_total"]
        < (engine_figures_as_of(jena, last)["partners_total"])
    )


def test_month_ends_are_the_last_days_of_the_previous_24_months():
    days = state_demo.month_ends(datetime.date(2026, 3, 15))

    assert len(days) == 24
    assert days[0] == datetime.date(2024, 3, 31)
    assert days[-1] == datetime.date(2026, 2, 28)
    assert all((day + datetime.timedelta(days=1)).day == 1 for day in days)
    assert days == sorted(days)


# ---------------------------------------------------------------- the seed's parts


def test_statistics_history_once_per_day_with_audit_and_no_doubles(jena, badfrankenhausen):
    today = timezone.localdate()

    assert state_demo.seed_statistics(today=today) == 25
    audit = AuditEntry.objects.filter(action="regional.statisticsrun.done").count()
    assert audit == 25
    assert AllianceSnapshot.objects.count() == 25 * 2

    assert state_demo.seed_statistics(today=today) == 0
    assert AllianceSnapshot.objects.count() == 25 * 2
    assert AuditEntry.objects.filter(action="regional.statisticsrun.done").count() == audit


def test_report_without_figures_fails_and_leaves_nothing(jena):
    with pytest.raises(RuntimeError, match="could not be generated"):
        state_demo.seed_report(actor=None)

    assert not Report.objects.exists()


@pytest.mark.slow
def test_meetings_and_setups_are_seeded_once(jena, badfrankenhausen):
    assert state_demo.seed_meetings(actor=None) == len(state_demo.MEETINGS)
    assert state_demo.seed_setups(actor=None) == 3
    strategy = RegionalMeeting.objects.get(title=state_demo.STRATEGY_TITLE)
    assert strategy.agenda.count() == len(state_demo.STRATEGY_AGENDA)

    assert state_demo.seed_meetings(actor=None) == 0
    assert state_demo.seed_setups(actor=None) == 0
    assert RegionalMeeting.objects.count() == len(state_demo.MEETINGS)
    assert AllianceSetup.objects.count() == 3


def test_a_setup_someone_created_by_hand_for_a_demo_place_is_kept(jena):
    AllianceSetup.objects.create(place="Apolda", district="16071", notes="von Hand")

    assert state_demo.seed_setups(actor=None) == 2
    assert AllianceSetup.objects.get(place="Apolda").notes == "von Hand"
