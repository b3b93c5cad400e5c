"""Past one machine (issue 18): two web nodes, two Celery workers and two beats on one
PostgreSQL and one Redis, started once for the module as deploy/ starts them.

Each node is a gunicorn master with deploy/gunicorn.conf.py on a port of its own, a
worker (``node-a@…``, ``node-b@…``) and a beat, all on the test database and on a Redis
of the module's own. The tests prove what docs/scaling.md ("Step 1") claims: either
node serves the same data and the same logins, a host added, renamed or removed on one
node is served or refused by the other at its next request, two beats send each
periodic job once (and the second takes over when the first dies), a refresh started on
one node is reported on the other, and a worker killed in the middle of a refresh
leaves it to the other worker, which finishes it with nothing doubled.

The workers count one alliance per batch with a pause before each
(``tests.ops.slow_worker``), so a kill lands in the middle of a refresh.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import signal
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django_tenants.utils import schema_context

from config.beat import LOCK_KEY
from core.models import Partner
from kernel.audit.models import AuditEntry
from regional.models import AllianceSnapshot, RunStatus, StatisticsRun
from regional.statistics import counted_alliances
from tenants.models import Alliance, Domain, User
from tenants.roles import Role
from tests.celery_probe import PROBE_ACTION
from tests.conftest import person_with_role
from tests.factories.tenants import UserFactory
from tests.ops.conftest import CommittedRows
from tests.ops.processes import (
    HttpClient,
    RedisServer,
    Service,
    location_path,
    service_env,
    start_beat,
    start_web,
    start_worker,
    stop_all,
    wait_until,
)

pytestmark = pytest.mark.celery_worker

PASSWORD = "demo-passwort"  # the factories' password
DELAY_SECONDS = 0.5  # per alliance, in the workers' statistics engine
# A killed worker's task comes back to the other worker after this many seconds; longer
# than any task here (a refresh of the session's alliances takes about a second).
VISIBILITY_SECONDS = 4
LEADER_SECONDS = 3  # the beats' leader lock
WARM_UP = [
    ("jena.localhost", "/accounts/login/"), ("jena.localhost", "/api/v1/partners/"),
    ("localhost", "/accounts/login/"),
]  # fmt: skip


@dataclass
class Cluster:
    redis: RedisServer
    web_a: Service
    web_b: Service
    workers: dict[str, Service]  # by node name
    beats: list[Service]

    @functools.cached_property
    def store(self):
        """A client of the cluster's Redis."""
        return self.redis.client()

    def client(self, node: str, host: str) -> HttpClient:
        return HttpClient((self.web_a if node == "a" else self.web_b).port, host)

    def logs(self) -> str:
        services = [self.web_a, self.web_b, *self.workers.values(), *self.beats]
        return "\n".join(f"--- {s.log.name}\n{s.log_text()[-1500:]}" for s in services)


@pytest.fixture(scope="module")
def cluster(test_database_url, tmp_path_factory):
    root = tmp_path_factory.mktemp("nodes")
    redis = RedisServer(root / "redis").start()
    env = service_env(
        database_url=test_database_url,
        redis_url=redis.url,
        BN_TEST_STATISTICS_DELAY=str(DELAY_SECONDS),
        BUENDNISNETZ_BROKER_VISIBILITY_TIMEOUT=str(VISIBILITY_SECONDS),
        BUENDNISNETZ_BEAT_LEADER_SECONDS=str(LEADER_SECONDS),
    )
    started: list[Service] = []
    try:
        # All at once: the machine loads the six Django processes side by side.
        web_a, web_b = (
            start_web(env, root / f"web-{n}.log", deploy_config=True, wait=False) for n in "ab"
        )
        started += [web_a, web_b]
        workers = {
            name: start_worker(env, root / f"{name}.log", app="tests.ops.slow_worker", name=name)
            for name in ("node-a", "node-b")
        }
        started += workers.values()
        # Looking at the schedule every second (deploy/: every 5 s), so the test waits less.
        beats = [start_beat(env, root / f"beat-{n}.log", max_interval=1) for n in "ab"]
        started += beats
        web_a.wait_answering()
        web_b.wait_answering()
        cluster = Cluster(redis, web_a, web_b, workers, beats)
        # Each node's first requests import the URL confs, the API and the templates:
        # both nodes at once, on both cores.
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(_warm_up, [cluster.client("a", "x"), cluster.client("b", "x")]))
        yield cluster
        cluster.store.close()
    finally:
        stop_all(started)
        redis.stop()


def _warm_up(client: HttpClient) -> None:
    for host, path in WARM_UP:
        client.host = host
        client.get(path)


@dataclass
class People:
    coordinator: User  # local coordinator of Jena
    state: User  # state coordinator
    admin: User  # superuser (the administration of hosts)


@pytest.fixture(scope="module")
def people(django_db_setup, django_db_blocker):
    """Three committed accounts; afterwards everything the module wrote is removed: the
    accounts, partners, hosts and periodic tasks, runs, snapshots, sessions, audit."""
    from django_celery_beat.models import ClockedSchedule, CrontabSchedule, PeriodicTask

    schedule_models = (PeriodicTask, ClockedSchedule, CrontabSchedule)
    with django_db_blocker.unblock():
        rows = CommittedRows()
        marks = {model: CommittedRows._last(model) for model in schedule_models}
        domains = CommittedRows._last(Domain)
        with schema_context("jena"):
            partners = CommittedRows._last(Partner)
        tag = uuid.uuid4().hex[:8]
        accounts = People(
            coordinator=person_with_role(
                Role.LOCAL_COORDINATOR, Alliance.objects.get(slug="jena"),
                user=UserFactory(email=f"nodes-coordinator-{tag}@example.org"),
            ),
            state=person_with_role(
                Role.STATE_COORDINATOR, user=UserFactory(email=f"nodes-state-{tag}@example.org")
            ),
            admin=UserFactory(
                email=f"nodes-admin-{tag}@example.org", is_staff=True, is_superuser=True
            ),
        )  # fmt: skip
    try:
        yield accounts
    finally:
        with django_db_blocker.unblock():
            rows.clean()
            for model in schedule_models:
                model.objects.filter(pk__gt=marks[model]).delete()
            Domain.objects.filter(pk__gt=domains).delete()
            with schema_context("jena"):
                Partner.objects.filter(pk__gt=partners).delete()
            User.objects.filter(email__endswith=f"-{tag}@example.org").delete()


def _logged_in(cluster: Cluster, node: str, host: str, user: User) -> HttpClient:
    client = cluster.client(node, host)
    client.login(user.email, PASSWORD)
    return client


def _on_other_node(cluster: Cluster, client: HttpClient) -> HttpClient:
    """The same browser (its cookies) talking to the other node."""
    other = cluster.client("b" if client.port == cluster.web_a.port else "a", client.host)
    other.cookies = client.cookies
    return other


# ---------------------------------------------------------------- data and logins


def test_what_one_node_writes_the_other_reads_with_the_same_token_and_login(cluster, people):
    api_a = cluster.client("a", "jena.localhost")
    issued = api_a.request(
        "POST", "/api/v1/auth/token/",
        json_body={"email": people.coordinator.email, "password": PASSWORD},
    )  # fmt: skip
    assert issued.status == 200, issued.body[:500]
    auth = {"Authorization": f"Token {issued.json()['token']}"}
    api_b = cluster.client("b", "jena.localhost")

    name = f"Stadtwerke Jena {uuid.uuid4().hex[:6]}"
    created = api_a.request(
        "POST", "/api/v1/partners/", json_body={"name": name, "kind": "company"}, headers=auth
    )
    assert created.status == 201, created.body[:500]
    path = f"/api/v1/partners/{created.json()['id']}/"
    assert api_b.request("GET", path, headers=auth).json()["name"] == name
    renamed = api_b.request("PATCH", path, json_body={"name": f"{name} AöR"}, headers=auth)
    assert renamed.status == 200, renamed.body[:500]
    assert api_a.request("GET", path, headers=auth).json()["name"] == f"{name} AöR"

    # A login on node A is a login on node B (sessions live in the database).
    browser_a = _logged_in(cluster, "a", "jena.localhost", people.coordinator)
    page = _on_other_node(cluster, browser_a).get("/workspace/partners/")
    assert page.status == 200
    assert f"{name} AöR" in page.body


# ---------------------------------------------------------------- hosts


def test_a_host_added_renamed_or_removed_on_one_node_is_served_or_refused_by_the_other_at_once(
    cluster, people, django_db_blocker
):
    """Through the administration on node A; node B has each host in its map already,
    so only the stamp in Redis can tell it (its map would trust an entry for 60 s)."""
    tag = uuid.uuid4().hex[:6]
    first, second = f"familie-{tag}.localhost", f"familie-jena-{tag}.localhost"
    on_b = {host: cluster.client("b", host) for host in (first, second, "jena.localhost")}

    def served(host: str) -> int:
        return on_b[host].get("/accounts/login/").status

    admin = _logged_in(cluster, "a", "localhost", people.admin)
    with django_db_blocker.unblock():
        jena = Alliance.objects.get(slug="jena")
    assert served(first) == served(second) == 404  # remembered as unknown by node B
    assert served("jena.localhost") == 200

    added = admin.post(
        "/admin/tenants/domain/add/", {"domain": first, "tenant": jena.pk, "_save": "1"}
    )
    assert added.status == 302, added.body[:2000]
    assert served(first) == 200

    with django_db_blocker.unblock():
        domain = Domain.objects.get(domain=first)
    renamed = admin.post(
        f"/admin/tenants/domain/{domain.pk}/change/",
        {"domain": second, "tenant": jena.pk, "_save": "1"},
    )
    assert renamed.status == 302, renamed.body[:2000]
    assert (served(first), served(second)) == (404, 200)

    removed = admin.post(f"/admin/tenants/domain/{domain.pk}/delete/", {"post": "yes"})
    assert removed.status == 302, removed.body[:2000]
    assert served(second) == 404
    assert served("jena.localhost") == 200


# ---------------------------------------------------------------- beat


def _leader_pid(cluster: Cluster) -> int | None:
    value = cluster.store.get(LOCK_KEY)
    return int(value.decode().split(":")[1]) if value else None


def _clocked_probe(marker: str, seconds: float) -> None:
    """A one-off periodic task, due in ``seconds``, that leaves an audit entry."""
    from django_celery_beat.models import ClockedSchedule, PeriodicTask

    when = timezone.now() + datetime.timedelta(seconds=seconds)
    PeriodicTask.objects.create(
        name=marker, task="tests.probe_schema", args=json.dumps([marker]), one_off=True,
        clocked=ClockedSchedule.objects.create(clocked_time=when),
    )  # fmt: skip


def _probes(markers: list[str]) -> dict[str, int]:
    with schema_context("public"):
        rows = (
            AuditEntry.objects.filter(action=PROBE_ACTION, changes__marker__in=markers)
            .values("changes__marker")
            .annotate(n=Count("id"))
        )
        return {row["changes__marker"]: row["n"] for row in rows}


def test_two_beats_send_each_periodic_job_once_and_the_second_takes_over(
    cluster, people, django_db_blocker
):
    pids = {beat.process.pid: beat for beat in cluster.beats}
    leader = wait_until(lambda: _leader_pid(cluster), timeout=30, details=cluster.logs)
    assert leader in pids
    tag = uuid.uuid4().hex[:6]
    markers = [f"nodes-beat-{tag}-{n}" for n in range(3)]
    with django_db_blocker.unblock():
        _clocked_probe(markers[0], 1)
        _clocked_probe(markers[1], 1)
        wait_until(lambda: len(_probes(markers[:2])) == 2, timeout=20, details=cluster.logs)

        # The leader dies without handing over: the other one takes over after the lock
        # expires, and sends what is due then, and only that.
        os.killpg(leader, signal.SIGKILL)
        pids[leader].process.wait(timeout=10)
        _clocked_probe(markers[2], 1)
        wait_until(lambda: markers[2] in _probes(markers), timeout=20, details=cluster.logs)
        # Both one-off jobs before the kill were due for both beats for seconds by now.
        assert _probes(markers) == dict.fromkeys(markers, 1)
    assert _leader_pid(cluster) in set(pids) - {leader}


# ---------------------------------------------------------------- statistics


def _start_refresh(cluster: Cluster, people: People) -> tuple[HttpClient, int]:
    """A refresh asked for on node A's page; (the same browser on node B, the run's id)."""
    browser = _logged_in(cluster, "a", "localhost", people.state)
    response = browser.post("/dashboard/refresh/", {})
    assert response.status == 302, response.body[:2000]
    run_id = int(location_path(response).strip("/").split("/")[-1])
    return _on_other_node(cluster, browser), run_id


def test_a_refresh_started_on_one_node_is_reported_on_the_other(cluster, people):
    on_b, run_id = _start_refresh(cluster, people)
    seen = []

    def progress():
        report = on_b.get(f"/dashboard/runs/{run_id}/progress/").json()
        seen.append((report["status"], report["alliances_done"]))
        return report if report["status"] in (RunStatus.DONE, RunStatus.FAILED) else None

    report = wait_until(progress, timeout=30, details=cluster.logs)
    assert report["status"] == RunStatus.DONE, report["error"]
    assert report["alliances_done"] == report["alliances_total"] >= 2
    # Seen while it ran, part done: node B reads the progress node A's worker writes.
    assert any(status == RunStatus.RUNNING for status, _done in seen)
    page = on_b.get(f"/dashboard/runs/{run_id}/")
    assert "<dd>Fertig</dd>" in page.body
    assert "refresh" not in page.headers  # no longer reloads itself


def _running_on(cluster: Cluster, task_id: str) -> str | None:
    """The node name of the worker running ``task_id`` (its STARTED result in Redis)."""
    meta = cluster.store.get(f"celery-task-meta-{task_id}")
    if not meta:
        return None
    state = json.loads(meta)
    return state["result"]["hostname"].split("@")[0] if state["status"] == "STARTED" else None


def test_a_worker_killed_mid_refresh_leaves_it_to_the_other_which_finishes_it_once(
    cluster, people, django_db_blocker
):
    _on_b, run_id = _start_refresh(cluster, people)
    with django_db_blocker.unblock():
        run = StatisticsRun.objects.get(pk=run_id)

        def half_done():
            run.refresh_from_db()
            return run.status == RunStatus.RUNNING and run.alliances_done >= 1

        wait_until(half_done, timeout=30, details=cluster.logs)
        name = _running_on(cluster, run.task_id)
        victim, survivor = (
            cluster.workers[name],
            next(w for n, w in cluster.workers.items() if n != name),
        )
        killed_at = timezone.now()
        os.killpg(victim.process.pid, signal.SIGKILL)
        victim.process.wait(timeout=10)
        run.refresh_from_db()
        assert run.status == RunStatus.RUNNING
        assert run.alliances_done < run.alliances_total

        def finished():
            run.refresh_from_db()
            return run.status in (RunStatus.DONE, RunStatus.FAILED)

        wait_until(finished, timeout=30, details=survivor.log_text)
        assert run.status == RunStatus.DONE, run.error
        expected = {ref.alliance_id for ref in counted_alliances()}
        assert run.alliances_done == run.alliances_total == len(expected)

        # One snapshot set: one per alliance, all of this run, the early ones kept.
        snapshots = list(AllianceSnapshot.objects.filter(taken_on=run.taken_on))
        assert sorted(s.alliance_id for s in snapshots) == sorted(expected)
        assert {s.run_id for s in snapshots} == {run.pk}
        assert 1 <= sum(s.updated_at < killed_at for s in snapshots) < len(expected)
        # One audit entry each for asking and finishing.
        with schema_context("public"):
            actions = AuditEntry.objects.filter(
                object_type="regional.statisticsrun", object_id=str(run.pk)
            ).values_list("action", flat=True)
            assert sorted(actions) == [
                "regional.statisticsrun.done", "regional.statisticsrun.requested"
            ]  # fmt: skip
    # The task's message is acknowledged once it returns (acks_late): nothing is left
    # that Redis could deliver again.
    wait_until(lambda: run.task_id not in _messages_in_redis(cluster), timeout=10)


def _messages_in_redis(cluster: Cluster) -> set[str]:
    """The task ids of the messages that wait in the queue or for an acknowledgement."""
    queue = cluster.store.lrange(settings.CELERY_TASK_DEFAULT_QUEUE, 0, -1)
    queued = [json.loads(raw) for raw in queue]
    taken = [json.loads(raw)[0] for raw in cluster.store.hvals("unacked")]
    return {message["headers"]["id"] for message in queued + taken}
