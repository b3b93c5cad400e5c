"""The figures registry: every figure counted the same with the ORM in its schema and with
the cross-schema SQL of the statistics engine, on alliances with varied data."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db.models import Sum
from django_tenants.utils import schema_context

from core.figures import ALLIANCE_FIGURES
from core.models import (
    Award,
    BoardMeeting,
    CareGuide,
    Carer,
    CooperationAgreement,
    Event,
    FundingEntry,
    MeetingStatus,
    Partner,
    PartnerStatus,
    Placement,
    Project,
    ProjectGrant,
    SealApplication,
    SealStatus,
    Supporter,
)
from kernel.figures import PEOPLE, Counting, Figure, FigureRegistry, Source
from regional import statistics as engine
from regional.models import AllianceSnapshot
from tests.regional.test_statistics import TODAY, _seed

PAST_DAY = datetime.date(2026, 3, 1)
COUNTINGS = [
    pytest.param(Counting(today=TODAY, year=TODAY.year), id="today"),
    pytest.param(Counting(today=PAST_DAY, year=PAST_DAY.year, as_of=True), id="as-of"),
]


@pytest.fixture
def varied(jena, badfrankenhausen):
    _seed("jena", scale=3)
    _seed("badfrankenhausen", scale=1)
    return [jena, badfrankenhausen]


def _keys() -> list[str]:
    return [f.key for f in ALLIANCE_FIGURES.figures] + [b.key for b in ALLIANCE_FIGURES.breakdowns]


@pytest.mark.parametrize("counting", COUNTINGS)
def test_every_figure_counts_the_same_with_the_orm_and_with_the_engine(varied, counting):
    refs = [engine.SchemaRef(alliance.pk, alliance.schema_name) for alliance in varied]
    by_sql = engine.figures_for_batch(refs, today=counting.today, as_of=counting.as_of)
    for alliance, counted in zip(varied, by_sql, strict=True):
        with schema_context(alliance.schema_name):
            by_orm = ALLIANCE_FIGURES.count(counting)
        assert set(by_orm) == set(_keys())
        for key in _keys():
            assert getattr(counted, key) == by_orm[key], (alliance.slug, key)
            assert type(getattr(counted, key)) is type(by_orm[key]), key
    # The seed reaches every figure, and differently in the two alliances.
    jena, bfh = by_sql
    if not counting.as_of:
        for key in _keys():
            assert getattr(jena, key), key
        assert jena.figures() != bfh.figures()


def test_the_declarations_count_what_a_plain_query_counts(varied):
    """A third way, by hand: each stored figure as a plain ORM query of what it means."""
    year = (datetime.date(TODAY.year, 1, 1), datetime.date(TODAY.year, 12, 31))
    active = Partner.objects.filter(status=PartnerStatus.ACTIVE)
    running = Placement.objects.filter(status="running")
    plain = {
        "partners_total": lambda: active.count(),
        "companies": lambda: active.filter(kind="company").count(),
        # careguides: counted from the guide records themselves
        "partners_with_care_guides": lambda: (
            active.filter(care_guides__is_active=True).distinct().count()
        ),
        "care_guides_total": lambda: CareGuide.objects.filter(
            is_active=True, partner__in=active
        ).count(),
        "valid_seals": lambda: SealApplication.objects.filter(
            status=SealStatus.AWARDED,
            awarded_on__lte=TODAY,
            valid_until__gte=TODAY,
            programme__kind="family",
        ).count(),
        "projects_total": lambda: Project.objects.count(),
        "families_reached": lambda: Project.objects.aggregate(n=Sum("families_reached"))["n"],
        "events": lambda: Event.objects.filter(date__range=year).count(),
        "event_participants": lambda: Event.objects.filter(date__range=year).aggregate(
            n=Sum("participant_count")
        )["n"],
        "funding_total": lambda: FundingEntry.objects.filter(received_on__range=year).aggregate(
            n=Sum("amount")
        )["n"],
        "board_meetings_held": lambda: BoardMeeting.objects.filter(
            status=MeetingStatus.HELD, date__range=year
        ).count(),
        # carers
        "carers_active": lambda: Carer.objects.filter(status="active").count(),
        "placements_running": lambda: running.count(),
        "care_hours_per_month": lambda: int(running.aggregate(n=Sum("hours_per_month"))["n"]),
        "employers_paying": lambda: (
            Partner.objects.filter(placements__in=running).distinct().count()
        ),
        "agreements_in_force": lambda: sum(  # careguides
            a.current_status(TODAY) == "signed" and a.valid_from <= TODAY
            for a in CooperationAgreement.objects.exclude(valid_from=None)
        ),
        # certification: an expired certificate does not count
        "certified_employers": lambda: (
            Partner.objects.filter(
                seals__status=SealStatus.AWARDED,
                seals__awarded_on__lte=TODAY,
                seals__valid_until__gte=TODAY,
            )
            .distinct()
            .count()
        ),
        # fundraising
        "circle_grants_total": lambda: (
            ProjectGrant.objects.filter(decided_on__range=year)
            .exclude(status="withdrawn")
            .aggregate(n=Sum("amount"))["n"]
        ),
        "circle_members": lambda: (
            Supporter.objects.filter(joined_on__lte=TODAY).exclude(left_on__lte=TODAY).count()
        ),
        "awards_received": lambda: Award.objects.filter(awarded_on__range=year).count(),
    }
    assert set(plain) == set(ALLIANCE_FIGURES.keys(summed=True))
    for alliance in varied:
        with schema_context(alliance.schema_name):
            counted = ALLIANCE_FIGURES.count(Counting(today=TODAY, year=TODAY.year))
            for key, count in plain.items():
                assert counted[key] == count(), (alliance.slug, key)
            total, with_guides = counted["partners_total"], counted["partners_with_care_guides"]
            assert counted["care_guides_share"] == round(with_guides / total, 4)
            assert sum(counted["partners_by_kind"].values()) == total


def test_every_stored_figure_is_a_snapshot_field():
    fields = {field.name for field in AllianceSnapshot._meta.get_fields()}
    assert set(ALLIANCE_FIGURES.keys(summed=True)) <= fields
    assert set(ALLIANCE_FIGURES.breakdown_keys()) <= fields


def test_suppression_follows_the_unit():
    people = {f.key for f in ALLIANCE_FIGURES.figures if f.suppressed_for_ministry}
    assert people == set(ALLIANCE_FIGURES.keys(unit=PEOPLE))
    assert "funding_total" not in people
    assert "partners_with_care_guides" in people
    assert "awards_received" in people  # publicsite: few per alliance
    assert ALLIANCE_FIGURES.breakdown("partners_by_kind").suppressed_for_ministry
    assert not ALLIANCE_FIGURES.breakdown("funding_by_kind").suppressed_for_ministry


def test_a_figure_of_an_unknown_source_is_refused():
    with pytest.raises(ValueError, match="unknown source"):
        FigureRegistry(
            sources=[Source("partners", lambda counting: Partner.objects.none())],
            figures=[Figure("seals", "Seals", "partners", PEOPLE, source="seals")],
        )


def test_money_is_summed_exactly():
    figure = Figure("funding_total", "Funding", "funding", "money", "funding", "amount")
    rows = [{"amount": Decimal("0.10")}, {"amount": Decimal("0.20")}, {"amount": None}]
    assert figure.reduce(rows) == Decimal("0.30")
