"""The statistics engine and the snapshots: the same figures as the ORM counts inside each
schema, one snapshot per alliance and day, failures recorded, batches of any size."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_tenants.utils import schema_context

from core.models import (
    Award,
    MeetingStatus,
    PartnerKind,
    PartnerStatus,
    ProjectGrant,
    ProjectStatus,
    Supporter,
    Topic,
)
from core.selectors.figures import AllianceFigures, alliance_figures
from kernel.database.threads import ConnectionThreads
from regional import statistics as engine
from regional.models import AllianceSnapshot, RunStatus, StatisticsRun
from regional.services.statistics import (
    snapshots_upsert,
    statistics_refresh,
    statistics_run_request,
)
from regional.tasks.statistics import refresh_statistics, refresh_statistics_nightly
from tenants.models import Alliance
from tests.factories.board import BoardMeetingFactory
from tests.factories.careguides import AgreementFactory
from tests.factories.carers import CarerFactory, PlacementFactory
from tests.factories.partners import PartnerFactory
from tests.factories.projects import EventFactory, FundingEntryFactory, ProjectFactory
from tests.factories.seal import AwardedSealFactory, SealApplicationFactory
from tests.ops.processes import wait_until

TODAY = datetime.date(2026, 6, 15)
LAST_YEAR = datetime.date(2025, 9, 1)


def _seed(schema: str, scale: int) -> None:
    """Partners, seals, projects, events, funding and board meetings; ``scale`` varies them."""
    with schema_context(schema):
        companies = [
            PartnerFactory(kind=PartnerKind.COMPANY, care_guides_count=n % 3)
            for n in range(2 + scale)
        ]
        PartnerFactory(kind=PartnerKind.MUNICIPALITY, care_guides_count=4)
        PartnerFactory(kind=PartnerKind.SOCIAL_AGENCY)
        for n in range(scale):
            PartnerFactory(kind=PartnerKind.SCIENCE, care_guides_count=n)
        # Not active: must not count, whatever their care guides.
        PartnerFactory(
            kind=PartnerKind.COMPANY, status=PartnerStatus.APPLICANT, care_guides_count=9
        )
        PartnerFactory(
            kind=PartnerKind.CHURCH,
            status=PartnerStatus.LEFT,
            joined_on=datetime.date(2010, 1, 1),
            left_on=datetime.date(2020, 1, 1),
            care_guides_count=7,
        )
        PartnerFactory(kind=PartnerKind.ASSOCIATION, status=PartnerStatus.DORMANT)

        # Seals: valid, expired, awarded only from tomorrow, submitted, in review.
        for partner in companies[:scale]:
            AwardedSealFactory(
                partner=partner,
                awarded_on=datetime.date(2025, 1, 1),
                valid_until=datetime.date(2027, 1, 1),
            )
        AwardedSealFactory(
            partner=companies[0],
            awarded_on=datetime.date(2022, 1, 1),
            valid_until=datetime.date(2025, 1, 1),
        )
        AwardedSealFactory(
            partner=companies[1],
            awarded_on=TODAY + datetime.timedelta(days=1),
            valid_until=datetime.date(2029, 1, 1),
        )
        AwardedSealFactory(
            partner=companies[1], awarded_on=TODAY, valid_until=TODAY + datetime.timedelta(days=1)
        )
        SealApplicationFactory(partner=companies[0])
        SealApplicationFactory(partner=companies[1], status="in_review")

        topics = [Topic.CHILDCARE, Topic.CARE, Topic.WORKING_WORLD, Topic.HOLIDAYS]
        statuses = [ProjectStatus.PLANNED, ProjectStatus.RUNNING, ProjectStatus.FINISHED]
        for n in range(3 + scale):
            ProjectFactory(
                topic=topics[n % (1 + scale)],
                status=statuses[n % len(statuses)],
                families_reached=7 * n + scale,
            )

        for n in range(2 + scale):
            EventFactory(date=datetime.date(TODAY.year, 1 + n, 10), participant_count=15 + n)
        EventFactory(date=datetime.date(TODAY.year, 12, 31), participant_count=None)
        EventFactory(date=LAST_YEAR, participant_count=400)
        EventFactory(date=datetime.date(TODAY.year + 1, 1, 1), participant_count=300)

        FundingEntryFactory(kind="donation", amount=Decimal("250.50"), received_on=TODAY)
        FundingEntryFactory(
            kind="grant", amount=Decimal("1000.00") * scale, received_on=datetime.date(2026, 1, 1)
        )
        FundingEntryFactory(kind="membership_fee", amount=Decimal("30.25"), received_on=TODAY)
        FundingEntryFactory(kind="donation", amount=Decimal("99.99"), received_on=LAST_YEAR)
        FundingEntryFactory(kind="other", amount=Decimal("5000.00"), received_on=LAST_YEAR)

        for n in range(1 + scale):
            BoardMeetingFactory(
                date=datetime.date(TODAY.year, 1 + n, 20), status=MeetingStatus.HELD
            )
        BoardMeetingFactory(date=LAST_YEAR, status=MeetingStatus.HELD)
        BoardMeetingFactory(date=datetime.date(TODAY.year, 11, 20), status=MeetingStatus.PLANNED)
        BoardMeetingFactory(date=datetime.date(TODAY.year, 3, 3), status=MeetingStatus.CANCELLED)

        # carers: active, vetted and left carers; running, ended and planned placements,
        # paid by two employers or by nobody.
        carers = [CarerFactory(status="active") for _n in range(2 + scale)]
        CarerFactory(status="vetted")
        CarerFactory(status="left")
        for n in range(1 + scale):
            PlacementFactory(
                carer=carers[n], partner=companies[n % 2], hours_per_month=10 * n + 4,
                start_date=datetime.date(2026, 1, 5),
            )  # fmt: skip
        PlacementFactory(carer=carers[0], partner=None, start_date=datetime.date(2025, 11, 1))
        PlacementFactory(
            carer=carers[1], partner=companies[0], status="ended",
            start_date=datetime.date(2025, 6, 1), end_date=datetime.date(2025, 12, 31),
        )  # fmt: skip
        PlacementFactory(
            carer=carers[1], partner=companies[1], status="planned",
            start_date=TODAY + datetime.timedelta(days=30),
        )  # fmt: skip
        # careguides: agreements in force (scale of them, one renewing itself past its
        # first term), and a draft, an expired, a terminated and a not yet begun one.
        for n in range(scale):
            AgreementFactory(valid_until=datetime.date(2027, 1, 1 + n))
        AgreementFactory(valid_until=datetime.date(2026, 1, 31), renewal="automatic")
        AgreementFactory(status="draft", signed_on=None, valid_from=None)
        AgreementFactory(valid_until=datetime.date(2026, 1, 31))
        AgreementFactory(status="terminated")
        AgreementFactory(valid_from=TODAY + datetime.timedelta(days=1))
        # fundraising: members (one left, one only a donor) and grants (one withdrawn)
        for n in range(1 + scale):
            Supporter.objects.create(name=f"Mitglied {n}", joined_on=datetime.date(2020, 1, 1))
        Supporter.objects.create(
            name="Ausgetreten", joined_on=datetime.date(2020, 1, 1), left_on=LAST_YEAR
        )
        Supporter.objects.create(name="Nur Spender")
        ProjectGrant.objects.create(
            amount=Decimal("1500.00") * scale, purpose="Ferien", decided_on=TODAY
        )
        ProjectGrant.objects.create(amount=Decimal("99"), purpose="Alt", decided_on=LAST_YEAR)
        ProjectGrant.objects.create(
            amount=Decimal("77"), purpose="Zurück", decided_on=TODAY, status="withdrawn"
        )
        # publicsite: awards of this year (public or not) and one of last year
        for n in range(scale):
            Award.objects.create(
                title="Bündnis des Monats",
                awarded_by="BMFSFJ",
                awarded_on=datetime.date(TODAY.year, 1 + n, 1),
                is_public=bool(n % 2),
            )
        Award.objects.create(title="Alt", awarded_by="BMFSFJ", awarded_on=LAST_YEAR)


@pytest.fixture
def seeded(jena, badfrankenhausen):
    _seed("jena", scale=3)
    _seed("badfrankenhausen", scale=1)
    expected = {}
    for alliance in (jena, badfrankenhausen):
        with schema_context(alliance.schema_name):
            expected[alliance.pk] = alliance_figures(today=TODAY)
    return expected


def _assert_snapshot_equals(snapshot: AllianceSnapshot, figures: AllianceFigures) -> None:
    for field in dataclasses.fields(AllianceFigures):
        expected = getattr(figures, field.name)
        stored = getattr(snapshot, field.name)
        if field.name == "funding_by_kind":
            stored = {kind: Decimal(amount) for kind, amount in stored.items()}
        assert stored == expected, field.name


def test_snapshots_equal_what_the_orm_counts_inside_each_schema(seeded, jena, badfrankenhausen):
    jena_figures, bfh_figures = seeded[jena.pk], seeded[badfrankenhausen.pk]
    # The seed reaches every figure, differently in the two alliances.
    for field in dataclasses.fields(AllianceFigures):
        if field.name != "year":
            assert getattr(jena_figures, field.name), field.name
    assert jena_figures != bfh_figures
    assert jena_figures.valid_seals == 4
    assert bfh_figures.valid_seals == 2

    run = statistics_refresh(actor=None, taken_on=TODAY)

    assert run.status == RunStatus.DONE
    assert (run.alliances_done, run.alliances_total) == (2, 2)
    assert run.finished_at is not None
    assert run.started_at is not None
    for alliance in (jena, badfrankenhausen):
        snapshot = AllianceSnapshot.objects.get(alliance=alliance, taken_on=TODAY)
        assert snapshot.run == run
        _assert_snapshot_equals(snapshot, seeded[alliance.pk])


def test_the_engine_returns_exactly_alliance_figures(seeded, jena, badfrankenhausen):
    results = engine.all_statistics(today=TODAY)
    assert set(results) == {jena.pk, badfrankenhausen.pk}
    for alliance in (jena, badfrankenhausen):
        assert results[alliance.pk].figures() == seeded[alliance.pk]
        assert results[alliance.pk].schema_name == alliance.schema_name


def test_the_engine_counts_a_batch_with_one_statement(seeded):
    refs = engine.counted_alliances()
    with CaptureQueriesContext(connection) as queries:
        engine.figures_for_batch(refs, today=TODAY)
    # django-tenants sets the search path on each cursor; that is not a round trip for data.
    statements = [q["sql"] for q in queries if not q["sql"].startswith("SET search_path")]
    # The batch's statement runs without parallel workers (engine.SERIAL_PLAN: each would
    # load the catalogue of every table of the batch first), set back after it.
    statements = [s for s in statements if not s.startswith(("SAVEPOINT", "RELEASE"))]
    assert statements[0] == engine.SERIAL_PLAN
    assert statements[-1].startswith("SELECT set_config('max_parallel_workers_per_gather', ")
    statements = statements[1:-1]
    assert len(statements) == 1
    # Small aggregates per schema, one per table: each table is read once (six, the
    # childcare pool's carers and placements, the agreements, the circle's grants and
    # members, the awards), the certificates' table twice (by programme kind, and distinct
    # employers).
    assert statements[0].count("UNION ALL") == engine.BRANCHES_PER_SCHEMA * len(refs) - 1
    assert engine.BRANCHES_PER_SCHEMA == 13


def test_the_serial_plan_holds_for_the_batch_only(seeded):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 3")
        engine.figures_for_batch(engine.counted_alliances(), today=TODAY)
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "3"


def test_a_batch_size_of_one_gives_the_same_snapshots(seeded, jena, badfrankenhausen):
    run = statistics_refresh(actor=None, taken_on=TODAY, batch_size=1)
    assert run.status == RunStatus.DONE
    assert run.alliances_done == 2
    for alliance in (jena, badfrankenhausen):
        snapshot = AllianceSnapshot.objects.get(alliance=alliance, taken_on=TODAY)
        _assert_snapshot_equals(snapshot, seeded[alliance.pk])
    assert engine.all_statistics(today=TODAY, batch_size=1) == engine.all_statistics(
        today=TODAY, batch_size=25
    )


def test_batches_hold_at_most_25_schemas(jena):
    refs = [engine.SchemaRef(jena.pk, "jena")] * 26
    with pytest.raises(ValueError, match="at most 25"):
        engine.batch_statement(refs)
    with pytest.raises(ValueError, match="between 1 and 25"):
        list(engine.batches(refs, 26))
    with pytest.raises(ValueError, match="between 1 and 25"):
        list(engine.batches(refs, 0))
    assert [len(b) for b in engine.batches(refs, 25)] == [25, 1]


def test_schema_names_are_quoted_identifiers(db):
    statement = engine.batch_statement([engine.SchemaRef(7, 'odd"; DROP TABLE x; --')])
    connection.ensure_connection()
    text = statement.as_string(connection.connection)
    assert '"odd""; DROP TABLE x; --"."core_partner"' in text
    assert "7::integer" in text


def test_refreshing_twice_on_one_day_keeps_one_snapshot_per_alliance(
    seeded, jena, badfrankenhausen
):
    statistics_refresh(actor=None, taken_on=TODAY)
    with schema_context("jena"):
        PartnerFactory(kind=PartnerKind.COMPANY)
    second = statistics_refresh(actor=None, taken_on=TODAY)

    assert AllianceSnapshot.objects.filter(taken_on=TODAY).count() == 2
    snapshot = AllianceSnapshot.objects.get(alliance=jena, taken_on=TODAY)
    assert snapshot.run == second
    assert snapshot.partners_total == seeded[jena.pk].partners_total + 1
    assert snapshot.companies == seeded[jena.pk].companies + 1


def test_an_interrupted_run_resumes_without_doubling(seeded, jena, badfrankenhausen):
    run = StatisticsRun.objects.create(
        taken_on=TODAY, status=RunStatus.RUNNING, alliances_total=2, alliances_done=1
    )
    AllianceSnapshot.objects.create(alliance=jena, taken_on=TODAY, run=run, year=2026)

    statistics_refresh(actor=None, run=run)

    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert (run.alliances_done, run.alliances_total) == (2, 2)
    assert AllianceSnapshot.objects.filter(taken_on=TODAY).count() == 2
    snapshot = AllianceSnapshot.objects.get(alliance=badfrankenhausen, taken_on=TODAY)
    _assert_snapshot_equals(snapshot, seeded[badfrankenhausen.pk])


def test_a_failing_run_is_marked_failed_with_the_error(seeded, badfrankenhausen):
    Alliance.objects.filter(pk=badfrankenhausen.pk).update(schema_name="no_such_schema")
    run = StatisticsRun.objects.create(taken_on=TODAY)

    with pytest.raises(Exception, match="no_such_schema"):
        statistics_refresh(actor=None, run=run, batch_size=1)

    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error.startswith("Die Aktualisierung ist mit einem Fehler abgebrochen: ")
    assert "no_such_schema" in run.error
    assert run.finished_at is not None
    # The batch before the failing one was stored; the failing one left nothing.
    assert run.alliances_done == 1
    assert not AllianceSnapshot.objects.filter(alliance=badfrankenhausen).exists()


def test_a_refresh_leaves_an_audit_entry(seeded):
    from kernel.audit.models import AuditEntry

    run = statistics_refresh(actor=None, taken_on=TODAY)
    entry = AuditEntry.objects.get(action="regional.statisticsrun.done", object_id=str(run.pk))
    assert entry.changes["alliances"] == 2


def test_dissolved_alliances_are_not_counted(jena, badfrankenhausen):
    Alliance.objects.filter(pk=badfrankenhausen.pk).update(status="dissolved")
    assert [ref.alliance_id for ref in engine.counted_alliances()] == [jena.pk]


# ---------------------------------------------------------------- the Celery tasks


def test_the_task_carries_out_a_requested_run_and_is_idempotent(
    seeded, jena, django_capture_on_commit_callbacks, monkeypatch
):
    sent = []
    monkeypatch.setattr(
        refresh_statistics, "apply_async", lambda args, task_id: sent.append((args, task_id))
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = statistics_run_request(actor=None, taken_on=TODAY)
    assert run.status == RunStatus.QUEUED
    assert sent == [([run.pk], run.task_id)]

    first = refresh_statistics.run(run.pk)
    second = refresh_statistics.run(run.pk)

    assert first["status"] == second["status"] == RunStatus.DONE
    assert AllianceSnapshot.objects.filter(taken_on=TODAY).count() == 2
    assert refresh_statistics.run(999999)["status"] == "missing"


def test_the_tasks_are_acknowledged_late():
    for task in (refresh_statistics, refresh_statistics_nightly):
        assert task.acks_late is True
        assert task.reject_on_worker_lost is True


def test_the_nightly_task_twice_keeps_one_snapshot_per_alliance(seeded):
    refresh_statistics_nightly.run()
    refresh_statistics_nightly.run()
    assert AllianceSnapshot.objects.count() == 2
    assert StatisticsRun.objects.filter(status=RunStatus.DONE).count() == 2


def test_the_upsert_stores_exact_figures_and_replaces_keeping_the_creation_time(
    jena, badfrankenhausen
):
    first = StatisticsRun.objects.create(taken_on=TODAY)
    second = StatisticsRun.objects.create(taken_on=TODAY)
    figures = engine.AllianceStatistics(
        year=2026,
        partners_total=12,
        companies=5,
        funding_total=Decimal("123456789012.34"),
        partners_by_kind={"company": 5, "church": 7},
        projects_by_topic={"care": 2},
        funding_by_kind={"donation": Decimal("0.10"), "state": Decimal("99999999.99")},
    )
    assert snapshots_upsert(run=first, taken_on=TODAY, figures=[(jena.pk, figures)]) == 1
    stored = AllianceSnapshot.objects.get(alliance=jena, taken_on=TODAY)
    assert stored.run == first
    assert stored.funding_total == Decimal("123456789012.34")
    assert stored.partners_by_kind == {"church": 7, "company": 5}
    assert stored.funding_by_kind == {"donation": "0.10", "state": "99999999.99"}
    assert stored.projects_by_status == {}

    changed = dataclasses.replace(figures, partners_total=13, partners_by_kind={})
    written = snapshots_upsert(
        run=second,
        taken_on=TODAY,
        figures=[(jena.pk, changed), (badfrankenhausen.pk, figures)],
    )
    assert written == 2
    again = AllianceSnapshot.objects.get(alliance=jena, taken_on=TODAY)
    assert (again.pk, again.created_at) == (stored.pk, stored.created_at)
    assert again.updated_at > stored.updated_at
    assert (again.run, again.partners_total, again.partners_by_kind) == (second, 13, {})
    assert AllianceSnapshot.objects.filter(taken_on=TODAY).count() == 2
    # Another day is another snapshot; nothing to store writes nothing.
    snapshots_upsert(
        run=second, taken_on=TODAY - datetime.timedelta(days=1), figures=[(jena.pk, figures)]
    )
    assert AllianceSnapshot.objects.filter(alliance=jena).count() == 2
    assert snapshots_upsert(run=second, taken_on=TODAY, figures=[]) == 0


def test_a_run_the_queue_cannot_take_says_so_in_german(db, monkeypatch):
    """The broker is down (outside our control): the run fails at once with a German
    message on its page, and the refresh can be asked for again."""
    from kernel.broker import TaskQueueUnavailable
    from regional.services import statistics as statistics_services

    monkeypatch.setattr(statistics_services, "publish", lambda *args, **kwargs: False)
    run = StatisticsRun.objects.create(taken_on=TODAY)
    with translation.override("de"), pytest.raises(TaskQueueUnavailable):
        statistics_services._hand_over(run, None)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error.startswith("Die Aufgabenwarteschlange war nicht erreichbar")


def _open_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return cursor.fetchone()[0]


def _back_to(count: int) -> bool:
    """Whether the test database has ``count`` connections again (a closed connection's
    backend may take a moment to go)."""
    return bool(wait_until(lambda: _open_connections() == count, timeout=2, interval=0.05))


def test_batches_counted_two_at_a_time_equal_those_counted_one_after_another(
    django_db_setup, django_db_blocker
):
    # Outside a transaction (as the worker's refresh runs) two connections count two
    # batches at once; the session's alliances are committed, so both see them.
    with django_db_blocker.unblock():
        batches = [[ref] for ref in engine.counted_alliances()]
        before = _open_connections()
        together = list(engine.figures_of_batches(batches, today=TODAY))
        closed = _back_to(before)  # the counting threads closed their connections
        alone = list(engine.figures_of_batches(batches, today=TODAY, workers=1))
    assert len(batches) >= 2
    assert [[dataclasses.asdict(f) for f in batch] for batch in together] == [
        [dataclasses.asdict(f) for f in batch] for batch in alone
    ]
    assert closed


def test_kept_counting_connections_count_again_from_their_prepared_statements(
    django_db_setup, django_db_blocker, settings
):
    # As in a worker: the threads keep their connections between refreshes, each batch
    # going to the connection that prepared it; the figures stay those counted plainly.
    settings.BUENDNISNETZ_STATISTICS_KEEP_SECONDS = 30

    def prepared_on_slot(number: int) -> int:
        def count() -> int:
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM pg_prepared_statements")
                return cursor.fetchone()[0]

        return counters.submit(count, slot=number).result(timeout=10)

    with django_db_blocker.unblock():
        batches = [[ref] for ref in engine.counted_alliances()]
        before = _open_connections()
        try:
            first = list(engine.figures_of_batches(batches, today=TODAY))
            counters = ConnectionThreads.of_process("statistics", size=2, keep=30)
            assert _open_connections() == before + 2  # kept
            assert [prepared_on_slot(0), prepared_on_slot(1)] == [0, 0]  # seen once
            second = list(engine.figures_of_batches(batches, today=TODAY))
            prepared = [prepared_on_slot(0), prepared_on_slot(1)]
            third = list(engine.figures_of_batches(batches, today=TODAY))
            assert [prepared_on_slot(0), prepared_on_slot(1)] == prepared  # none again
            alone = list(engine.figures_of_batches(batches, today=TODAY, workers=1))
        finally:
            ConnectionThreads.close_of_process("statistics")
        closed = _back_to(before)
    assert sum(prepared) == len(batches)
    assert min(prepared) >= 1
    as_dicts = [[dataclasses.asdict(f) for f in batch] for batch in alone]
    assert [[dataclasses.asdict(f) for f in batch] for batch in first] == as_dicts
    assert [[dataclasses.asdict(f) for f in batch] for batch in second] == as_dicts
    assert [[dataclasses.asdict(f) for f in batch] for batch in third] == as_dicts
    assert closed


def test_an_error_in_a_batch_counted_beside_another_reaches_the_caller_in_order(
    django_db_setup, django_db_blocker
):
    missing = engine.SchemaRef(alliance_id=0, schema_name="no_such_alliance")
    with django_db_blocker.unblock():
        good = engine.counted_alliances()[:1]
        before = _open_connections()
        counted = engine.figures_of_batches([good, [missing], good], today=TODAY)
        assert next(counted)[0].alliance_id == good[0].alliance_id
        with pytest.raises(Exception, match="no_such_alliance"):
            next(counted)
        counted.close()  # the caller gives up: the threads end and close their connections
        assert _back_to(before)
