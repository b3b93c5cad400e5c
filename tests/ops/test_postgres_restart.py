"""PostgreSQL restarted under a running web server: the next request is served again,
without restarting the web server, and /readyz reports the database while it is down.

The web server is gunicorn with one sync worker, so every request uses the same
persistent connection (CONN_MAX_AGE) that the restart breaks. The database server is a
throw-away instance of the test's own (the suite's server is never touched), migrated
like a new installation (loaded from the suite's migrated database when that is current)
and given one alliance.
"""

from __future__ import annotations

import subprocess
import time

import pytest

from tests.ops.processes import (
    BASE_DIR,
    PYTHON,
    HttpClient,
    ScratchPostgres,
    service_env,
    start_web,
    wait_until,
)

pytestmark = pytest.mark.celery_worker

# Migrate the shared apps as a new installation does, then add one alliance (its schema
# migrated), in one process to pay Django's start once.
PREPARE = """
from django.core.management import call_command
from tenants.services.alliances import alliance_create
call_command("migrate_schemas", "--shared", verbosity=0)
alliance_create(actor=None, name="Lokales Bündnis für Familie Jena", slug="jena", district="16053")
"""


@pytest.fixture
def scratch_postgres():
    server = ScratchPostgres()
    yield server
    server.destroy()


@pytest.fixture
def web(scratch_postgres, redis_server, tmp_path, django_db_setup):
    from django.db import connection

    from devtools.databases import database_url
    from tests import databases

    scratch_postgres.create_database("bn_ops")
    # The migrated database that building the test database keeps (every schema, the
    # template schema, no alliance), when current and loadable here: PREPARE's migration
    # then finds nothing left to do (else it migrates the empty database).
    migrated = databases.current_migrated(
        connection.settings_dict, connection.settings_dict["NAME"]
    )
    if migrated:
        scratch_postgres.load("bn_ops", database_url(migrated))
    env = service_env(database_url=scratch_postgres.url("bn_ops"), redis_url=redis_server.url)
    subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", PREPARE], cwd=BASE_DIR, env=env, check=True,
        capture_output=True, timeout=120,
    )  # fmt: skip
    server = start_web(env, tmp_path / "web.log")
    yield server
    server.stop()


def test_the_web_server_serves_again_after_postgresql_restarts(web, scratch_postgres):
    alliance = HttpClient(web.port, "jena.localhost")
    state = HttpClient(web.port, "localhost")
    page = alliance.get("/")
    assert page.status == 200, web.log_text()
    assert "Jena" in page.body
    assert state.get("/readyz").status == 200

    # A fast restart breaks the worker's persistent connection: the very next request
    # must get a fresh one (health check at the start of the request), not a 500.
    scratch_postgres.restart()
    after_restart = alliance.get("/")
    assert after_restart.status == 200, web.log_text()[-3000:]
    assert state.get("/readyz").status == 200

    # While the server is down the probe says so, and answers quickly.
    scratch_postgres.stop()
    started = time.monotonic()
    probe = state.get("/readyz")
    assert probe.status == 503
    assert probe.json()["down"] == ["database"]
    assert time.monotonic() - started < 5

    # Up again: served within a few seconds, by the same web process.
    scratch_postgres.start()
    wait_until(lambda: state.get("/readyz").status == 200, timeout=5, interval=0.2)
    assert alliance.get("/").status == 200
    assert web.log_text().count("Booting worker") == 1
    assert web.process.poll() is None
