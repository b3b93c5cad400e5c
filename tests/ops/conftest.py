"""Fixtures of the fault-tolerance tests.

Workers and web servers are other processes, so these tests commit their data (as
``tests/config/test_celery_worker.py`` does) instead of running in a rolled-back
transaction; ``committed_rows`` removes what a test wrote afterwards. Nothing flushes a
table: the session's alliances and everything else stay.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django_tenants.utils import schema_context

from tests.conftest import database_url_for
from tests.ops.processes import RedisServer


@pytest.fixture(scope="session")
def test_database_url(django_db_setup, django_db_blocker) -> str:
    """DATABASE_URL of the test database, for the processes a test starts."""
    with django_db_blocker.unblock():
        return database_url_for(connection.settings_dict)


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server of the test's own: stopping it disturbs nobody else."""
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


class CommittedRows:
    """Remembers the newest rows of the public tables a test writes to and deletes every
    row added after that (in reverse order of dependence)."""

    def __init__(self):
        from core.audit.models import AuditEntry
        from core.mail.models import OutboxEmail
        from regional.models import AllianceSnapshot, StatisticsRun

        self.models = [AllianceSnapshot, StatisticsRun, OutboxEmail, AuditEntry]
        self.marks = {}
        with schema_context("public"):
            for model in self.models:
                last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
                self.marks[model] = last or 0

    def clean(self) -> None:
        with schema_context("public"):
            for model in self.models:
                model.objects.filter(pk__gt=self.marks[model]).delete()


@pytest.fixture
def committed_rows(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        rows = CommittedRows()
    yield rows
    with django_db_blocker.unblock():
        rows.clean()
