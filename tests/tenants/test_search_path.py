"""``SET search_path`` goes out once per schema switch (TENANT_LIMIT_SET_CALLS), and a
connection never serves a schema other than the one it names: not after a failed
savepoint, a rolled-back transaction or a closed connection, nor from one request to
the next (tenants.middleware keeps the path while the host stays the same).
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from core.models import Partner
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.partners import PartnerFactory

BAD_INSERT = (  # violates the check constraint on action: a real database error
    "INSERT INTO audit_auditentry (created_at, actor_label, action, object_type, "
    "object_id, object_repr, changes) VALUES (now(), '', 'BAD', '', '', '', '{}')"
)


def served_schema(conn=connection) -> str:
    """The schema the database itself searches first on ``conn``."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        return cursor.fetchone()[0]


def switch_then_fail_in_a_savepoint(schema: str) -> None:
    """Switch to ``schema`` inside a savepoint, read there (the SET goes out inside
    it), then fail: rolling the savepoint back undoes that SET in the database."""
    with transaction.atomic():
        connection.set_schema(schema)
        assert served_schema() == schema
        with connection.cursor() as cursor:
            cursor.execute(BAD_INSERT)


def search_path_sets(queries) -> int:
    return sum(q["sql"].startswith("SET search_path") for q in queries.captured_queries)


@pytest.fixture
def partners(jena, badfrankenhausen):
    """One partner in each alliance, named after it."""
    for schema in ("jena", "badfrankenhausen"):
        with schema_context(schema):
            PartnerFactory(name=f"Partner nur in {schema}")


def test_the_search_path_is_sent_once_per_schema_switch(settings, partners):
    assert settings.TENANT_LIMIT_SET_CALLS is True
    with CaptureQueriesContext(connection) as queries, schema_context("jena"):
        names = [list(Partner.objects.values_list("name", flat=True)) for _ in range(3)]
    assert names == [["Partner nur in jena"]] * 3
    assert search_path_sets(queries) == 1


def test_a_failed_savepoint_that_switched_alliance_leaves_no_stale_search_path(partners):
    """django-tenants issue #1262: the switch happens inside the savepoint, its rollback
    takes the database back to Jena while the connection goes on naming Bad
    Frankenhausen; the next query must not read Jena's rows."""
    with schema_context("jena"):
        assert served_schema() == "jena"
        with pytest.raises(IntegrityError):
            switch_then_fail_in_a_savepoint("badfrankenhausen")
        assert connection.schema_name == "badfrankenhausen"
        assert served_schema() == "badfrankenhausen"
        assert Partner.objects.get().name == "Partner nur in badfrankenhausen"
    assert served_schema() == "public"  # schema_context put the connection back


def test_a_rolled_back_transaction_and_a_closed_connection_send_the_path_again(
    jena, badfrankenhausen
):
    """On a connection of its own, outside the test's transaction, so that the
    transaction really ends: the SET inside it is undone by the ROLLBACK."""
    other = connections.create_connection("default")
    assert other.settings_dict["NAME"] == connection.settings_dict["NAME"]  # the test database
    try:
        other.set_schema("jena")
        assert served_schema(other) == "jena"  # committed: autocommit
        other.set_autocommit(False)
        other.set_schema("badfrankenhausen")
        assert served_schema(other) == "badfrankenhausen"  # set inside the transaction
        other.rollback()  # the database is back on Jena's path
        assert other.schema_name == "badfrankenhausen"
        assert served_schema(other) == "badfrankenhausen"
        other.commit()
        other.set_autocommit(True)

        other.close()  # a new session starts on PostgreSQL's default path
        assert served_schema(other) == "badfrankenhausen"
    finally:
        other.close()


def test_requests_keep_the_path_of_their_host_and_never_show_another_alliance(
    jena, badfrankenhausen, partners
):
    jena_client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena))
    bfh_client = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), "badfrankenhausen.localhost"
    )

    def page(client) -> str:
        response = client.get("/workspace/partners/")
        assert response.status_code == 200
        return response.content.decode()

    page(bfh_client)  # each host looked up once (tenants.domain_cache)
    page(jena_client)
    with CaptureQueriesContext(connection) as queries:
        body = page(jena_client)
    assert "Partner nur in jena" in body
    assert "Partner nur in badfrankenhausen" not in body
    assert search_path_sets(queries) == 0  # same host as before: the path stays

    with CaptureQueriesContext(connection) as queries:
        body = page(bfh_client)
    assert "Partner nur in badfrankenhausen" in body
    assert "Partner nur in jena" not in body
    assert search_path_sets(queries) == 1

    # django-tenants issue #1262 between two requests: the connection served Jena, a
    # savepoint switched it to Bad Frankenhausen and failed. The rollback takes the
    # database back to Jena's path while the connection names Bad Frankenhausen, the
    # next request's host, so the middleware leaves the connection as it is.
    page(jena_client)
    with pytest.raises(IntegrityError):
        switch_then_fail_in_a_savepoint("badfrankenhausen")
    body = page(bfh_client)
    assert "Partner nur in badfrankenhausen" in body
    assert "Partner nur in jena" not in body
    assert served_schema() == "badfrankenhausen"
