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
    """Remembers the newest rows of the tables the ops tests write to and, in ``clean``,
    deletes every row added after that: statistics, outbox, sessions, login records and
    the audit trail of the public schema and the session's alliances."""

    ALLIANCE_SCHEMAS = ("jena", "badfrankenhausen")

    def __init__(self):
        from axes.models import AccessLog
        from django.contrib.sessions.models import Session

        from kernel.mail.models import OutboxEmail
        from regional.models import AllianceSnapshot, StatisticsRun

        self.public_models = [AllianceSnapshot, StatisticsRun, OutboxEmail, AccessLog]
        self.marks = {model: self._last(model) for model in self.public_models}
        self.audit_marks = {}
        for schema in ("public", *self.ALLIANCE_SCHEMAS):
            with schema_context(schema):
                self.audit_marks[schema] = self._last(self._audit())
        with schema_context("public"):
            self.sessions = set(Session.objects.values_list("session_key", flat=True))

    @staticmethod
    def _audit():
        from kernel.audit.models import AuditEntry

        return AuditEntry

    @staticmethod
    def _last(model) -> int:
        return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def clean(self) -> None:
        from django.contrib.sessions.models import Session

        with schema_context("public"):
            for model in self.public_models:
                model.objects.filter(pk__gt=self.marks[model]).delete()
            Session.objects.exclude(session_key__in=self.sessions).delete()
        for schema, mark in self.audit_marks.items():
            with schema_context(schema):
                self._audit().objects.filter(pk__gt=mark).delete()


@pytest.fixture
def committed_rows(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        rows = CommittedRows()
    yield rows
    with django_db_blocker.unblock():
        rows.clean()
