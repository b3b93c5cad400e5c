"""REST API v1: the alliance's audit trail, read only, with sentences and readable changes."""

from __future__ import annotations

from functools import partial

import pytest
from django_tenants.utils import schema_context

from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log
from tenants.roles import Role
from tests.api.calls import api_client as _api
from tests.api.calls import api_token as _token
from tests.conftest import assert_same_queries_for_few_and_many, person_with_role
from tests.factories.tenants import UserFactory
from tests.samples_audit import log_admissions, seed_audit_trail

PATH = "/api/v1/audit/"


def _client(role, alliance, **membership):
    user = person_with_role(role, alliance, **membership)
    host = f"{alliance.schema_name}.localhost"
    return _api(host, _token(user.email, host=host))


@pytest.fixture
def entries(jena, badfrankenhausen):
    anna = UserFactory(full_name="Anna Schulz")

    def log(zeiss, application):
        audit_log(
            actor=anna, action="core.application.admitted", target=application,
            changes={"status": ["pending", "admitted"], "partner": [None, str(zeiss.pk)]},
        )  # fmt: skip
        audit_log(actor=None, action="core.partner.updated", target=zeiss, changes={})

    zeiss = seed_audit_trail(anna, log, dated_back="System")
    return {"zeiss": zeiss}


def test_trail_lists_sentences_and_readable_changes(entries, jena):
    response = _client(Role.LOCAL_COORDINATOR, jena).get(PATH, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    results = response.json()["results"]
    admitted = next(r for r in results if r["action"] == "core.application.admitted")
    assert admitted["sentence"] == "Anna Schulz hat den Aufnahmeantrag „Schott Antrag“ aufgenommen."
    assert admitted["person"] == "Anna Schulz"
    assert admitted["object_type_label"] == "Aufnahmeantrag"
    assert admitted["object"] == "Schott Antrag"
    assert admitted["changes"] == [
        {"field": "Status", "before": "Offen", "after": "Aufgenommen"},
        {"field": "Partner", "before": "–", "after": "Zeiss"},
    ]
    assert "Fremd" not in response.content.decode()


def test_one_entry_reads_the_same(entries, jena):
    client = _client(Role.LOCAL_COORDINATOR, jena)
    with schema_context("jena"):
        pk = AuditEntry.objects.get(action="core.partner.updated").pk
    entry = client.get(f"{PATH}{pk}/", HTTP_ACCEPT_LANGUAGE="de").json()
    assert entry["sentence"] == "Das System hat den Partner „Zeiss“ geändert."
    assert entry["changes"] == []


def test_another_alliances_entry_is_never_shown(entries, jena):
    with schema_context("badfrankenhausen"):
        foreign = AuditEntry.objects.get(action="core.partner.created").pk
    # Each schema counts its own ids: the same number may name one of Jena's entries.
    response = _client(Role.LOCAL_COORDINATOR, jena).get(f"{PATH}{foreign}/")
    assert response.status_code in (200, 404)
    assert "Fremd" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"person": "Anna Schulz"}, 1),
        ({"object_type": "core.partner"}, 1),
        ({"date_until": "2025-12-31"}, 1),
        ({"date_from": "2026-01-01", "q": "schott"}, 1),
    ],
)
def test_trail_filters_like_the_page(entries, jena, params, count):
    response = _client(Role.LOCAL_COORDINATOR, jena).get(PATH, params)
    assert response.status_code == 200
    assert response.json()["count"] == count


@pytest.mark.parametrize(
    "params", [{"person": "Niemand"}, {"date_from": "2026-02-30"}, {"date_until": "0001-01-01"}]
)
def test_bad_filter_values_are_a_400_with_a_german_message(entries, jena, params):
    response = _client(Role.LOCAL_COORDINATOR, jena).get(PATH, params, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 400
    (field,) = params
    (message,) = response.json()["errors"][field]
    assert message.startswith("Bitte")


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.POOL_STAFF, Role.PARTNER_CONTACT])
def test_roles_without_the_audit_permission_are_refused(entries, jena, role):
    membership = {"partner_id": entries["zeiss"].pk} if role == Role.PARTNER_CONTACT else {}
    assert _client(role, jena, **membership).get(PATH).status_code == 404
    assert _api("jena.localhost").get(PATH).status_code == 401


def test_the_trail_is_read_only(entries, jena):
    client = _client(Role.LOCAL_COORDINATOR, jena)
    with schema_context("jena"):
        before = AuditEntry.objects.count()
    # No write is offered: the permission layer knows none, so the route is not found.
    assert client.post(PATH, {}, content_type="application/json").status_code == 404
    assert client.delete(f"{PATH}1/").status_code == 404
    with schema_context("jena"):
        assert AuditEntry.objects.count() == before


def test_list_costs_the_same_queries_for_5_and_200_entries(jena):
    client = _client(Role.LOCAL_COORDINATOR, jena)

    few, many = partial(log_admissions, 5), partial(log_admissions, 195)
    assert_same_queries_for_few_and_many(client, PATH, few, many, {"page_size": 500})
