"""Generated traffic against each host's live OpenAPI schema: no 5xx response, and every
response as the schema documents it (status code, content type, body, headers).
Bounded examples per operation, same seed every run."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tenants.roles import Role
from tests.conftest import person_with_role
from tests.factories.partners import PartnerFactory
from tests.isolation import seed_sentinel_records

EXAMPLES_PER_OPERATION = 8
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture
def wsgi_app():
    """The real WSGI application, inside the test's transaction.

    Django closes database connections around each request; Django's test client
    switches that off, and so must a test that drives the WSGI app directly.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from django.urls import set_urlconf

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        # The tenant middleware gives each request its host's URL conf; Django sets it
        # back when a response is closed, which the generated calls do not always do. The
        # next test in this process would otherwise reverse names against the last
        # host's URL conf (tests/kernel/test_crud.py failed after this module).
        set_urlconf(None)


@pytest.fixture
def token_on(jena):
    """A token of someone who may use everything on the host: coordinator or state office."""
    from rest_framework.authtoken.models import Token

    def make(host: str) -> str:
        if host == "localhost":
            user = person_with_role(Role.STATE_COORDINATOR)
        else:
            user = person_with_role(Role.LOCAL_COORDINATOR, jena)
        return Token.objects.create(user=user).key

    return make


def _seed_state_records(token_on) -> None:
    """State-layer rows with their optional fields empty (the state host's answers)."""
    import datetime

    from regional.services.reports import report_create
    from tests.factories.regional import (
        InvitationFactory,
        RegionalAgendaItemFactory,
        RegionalMeetingFactory,
    )

    meeting = RegionalMeetingFactory()
    RegionalAgendaItemFactory(meeting=meeting, start_time=None)
    InvitationFactory(meeting=meeting)
    RegionalMeetingFactory(date=datetime.date(2025, 3, 1))
    actor = person_with_role(Role.STATE_COORDINATOR)
    report_create(actor=actor, title="Jahresbericht 2025", period_kind="year", year=2025)


@pytest.mark.slow
@pytest.mark.parametrize("host", ["jena.localhost", "localhost"])
def test_the_api_keeps_to_its_schema_under_generated_traffic(host, token_on, jena, wsgi_app):
    from django_tenants.utils import schema_context

    with schema_context("jena"):
        PartnerFactory(name="Vorhandener Partner", public_listing_consent=True)
        # A row of every workspace model, optional fields empty: answers then carry
        # the nulls and formats the schema must declare.
        seed_sentinel_records("Schemathesis")
    if host == "localhost":
        _seed_state_records(token_on)
    token = token_on(host)
    headers = {"Host": host, "Authorization": f"Token {token}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app, headers=headers)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 3
    failures: list[str] = []
    calls: list[str] = []

    def exercise_for(operation):
        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def exercise(case):
            calls.append(operation.label)
            try:
                case.call_and_validate(headers=headers, checks=CHECKS)
            except Exception as error:  # recorded, so every operation gets its turn
                failures.append(f"{operation.label}: {error}")
                raise

        return exercise

    for operation in operations:
        recorded = len(failures)
        try:
            exercise_for(operation)()
        except Exception:
            if len(failures) == recorded:
                raise  # not a finding about the API, but a broken test: show it
    # Every operation was really called, not skipped.
    assert set(calls) == {op.label for op in operations}
    assert failures == [], "\n\n".join(failures)
