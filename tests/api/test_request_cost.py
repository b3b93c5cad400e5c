"""What one API list request costs the database, counted as round trips: every statement
the connection sends, counted where psycopg sends it, so that ``SET search_path`` and
the health check Django runs at the start of each request (``CONN_HEALTH_CHECKS``,
which bypasses Django's cursor wrappers) count too. A counter, never a timer: the
figure must not depend on the machine.
"""

from __future__ import annotations

import contextlib
import time

from django.db import connection, connections
from django_tenants.utils import schema_context
from rest_framework.serializers import Serializer

from api.serializers.partners import PartnerSerializer
from core.models import Measure
from core.selectors.partners import partner_list
from tenants.roles import Role
from tests.api.calls import api_client, api_token
from tests.conftest import person_with_role
from tests.factories.partners import ContactPersonFactory, PartnerFactory

LIST = "/api/v1/partners/"


@contextlib.contextmanager
def round_trips():
    """The statements the connection sends while the block runs, as a list that fills
    as they go."""
    sent: list[str] = []
    connection.ensure_connection()
    raw = connection.connection
    factory = raw.cursor_factory

    class Counting(factory):
        def execute(self, query, *args, **kwargs):
            sent.append(str(query))
            return super().execute(query, *args, **kwargs)

        def executemany(self, query, *args, **kwargs):
            sent.append(str(query))
            return super().executemany(query, *args, **kwargs)

    raw.cursor_factory = Counting
    try:
        yield sent
    finally:
        raw.cursor_factory = factory


def request_round_trips(client, path: str) -> list[str]:
    """The round trips of one GET of ``path`` (200), as in production: the request
    starts with Django's health check pending, as ``close_old_connections`` leaves it
    (the test client leaves that signal out: it would end the test's transaction)."""
    connection.health_check_done = False
    with round_trips() as sent:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return sent


def add_partners(count: int) -> None:
    with schema_context("jena"):
        measures = [Measure.objects.get_or_create(name=f"Maßnahme {n}")[0] for n in range(3)]
        for _ in range(count):
            partner = PartnerFactory()
            partner.measures.set(measures[:2])
            ContactPersonFactory(partner=partner)


def coordinator_client(jena):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    return api_client("jena.localhost", api_token(coordinator.email))


def test_the_partner_list_of_50_rows_costs_at_most_4_round_trips(jena):
    add_partners(50)
    client = coordinator_client(jena)
    client.get(LIST)  # the host looked up, the token's user kept, as in a warm worker
    sent = request_round_trips(client, LIST)
    assert len(sent) <= 4, "\n".join(sent)
    # Neither a grouping for the contact count nor a count over one.
    assert not any("GROUP BY" in sql.split("(SELECT")[0] for sql in sent), "\n".join(sent)
    rows = client.get(LIST).json()["results"]
    assert len(rows) == 50
    assert {(tuple(row["measures"]), row["contact_count"]) for row in rows} == {
        (("Maßnahme 0", "Maßnahme 1"), 1)
    }


def test_the_round_trips_of_a_list_do_not_grow_with_its_rows(jena):
    client = coordinator_client(jena)
    add_partners(10)
    client.get(LIST)
    with_10 = request_round_trips(client, LIST)
    add_partners(40)
    client.get(LIST)  # back on Jena's search path after the test's own writes
    with_50 = request_round_trips(client, LIST)
    assert len(with_50) == len(with_10)
    assert client.get(LIST).json()["count"] == 50


def test_a_connection_the_server_ended_fails_the_health_check(db):
    """The health check sends nothing while the connection is quiet, and still notices
    a connection the server has ended (a restart, ``pg_terminate_backend``)."""
    other = connections.create_connection("default")
    try:
        other.ensure_connection()
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        assert other.is_usable()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        deadline = time.monotonic() + 5
        while other.is_usable() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not other.is_usable()
    finally:
        other.close()


def test_rows_are_written_as_drf_writes_them(jena):
    """The serializers' base (api.serializers.base) reads plain columns straight from
    the row and builds its fields once per class: the JSON is DRF's own."""
    add_partners(3)
    with schema_context("jena"):
        partners = list(partner_list().order_by("pk"))
        ours = PartnerSerializer(partners, many=True).data
        again = PartnerSerializer(partners, many=True).data  # fields from the class's copy
        plain = [Serializer.to_representation(PartnerSerializer(), partner) for partner in partners]
    assert ours == again == plain
    assert ours[0]["measures"] == ["Maßnahme 0", "Maßnahme 1"]
    assert isinstance(ours[0]["created_at"], str)
