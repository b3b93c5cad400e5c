"""Sentry: off without a DSN; with one, events are tagged with the tenant and carry
no e-mail address or phone number. A capturing transport stands in for the network."""

import json

import pytest
import sentry_sdk
from django.db import connection
from sentry_sdk.transport import Transport

from config.sentry import init_sentry, scrub_text
from tests.conftest import host_client


class CapturingTransport(Transport):
    """Keeps every envelope the real SDK would send."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)

    def events(self) -> list[dict]:
        found = []
        for envelope in self.envelopes:
            for item in envelope.items:
                if item.type == "event":
                    found.append(item.payload.json)
        return found


@pytest.fixture
def sentry_events():
    transport = CapturingTransport()
    init_sentry("https://public@sentry.invalid/1", environment="test", transport=transport)
    yield transport
    sentry_off()


def sentry_off() -> None:
    """Reporting off again for the other tests of this process. ``sentry_sdk.init()``
    without a DSN would leave a client with the Django integration active (it records a
    breadcrumb for every query: 7 % of the quick tests' time after this module ran)."""
    client = sentry_sdk.get_client()
    client.flush()
    client.close()
    sentry_sdk.get_global_scope().set_client(None)


def test_turning_reporting_off_leaves_no_integration_at_work():
    from sentry_sdk.integrations.django import DjangoIntegration

    transport = CapturingTransport()
    init_sentry("https://public@sentry.invalid/1", environment="test", transport=transport)
    assert sentry_sdk.get_client().get_integration(DjangoIntegration) is not None

    sentry_off()

    assert not sentry_sdk.get_client().is_active()
    assert sentry_sdk.get_client().get_integration(DjangoIntegration) is None


def test_without_dsn_sentry_stays_off():
    assert init_sentry(None) is False
    assert init_sentry("") is False


def test_unhandled_error_on_alliance_host_is_reported_tagged_and_scrubbed(
    jena, settings, sentry_events
):
    settings.ROOT_URLCONF = "tests.urls_boom"
    client = host_client("jena.localhost", raise_request_exception=False)
    response = client.get("/boom/", HTTP_COOKIE="sessionid=secret-session")
    assert response.status_code == 500
    sentry_sdk.get_client().flush()

    events = sentry_events.events()
    assert len(events) == 1
    event = events[0]
    assert event["tags"]["tenant"] == "jena"
    assert event["environment"] == "test"
    text = json.dumps(event)
    assert "RuntimeError" in text
    assert "anna.schmidt@example.org" not in text
    assert "123456" not in text
    assert "[E-Mail entfernt]" in text
    assert "secret-session" not in text  # send_default_pii=False drops cookies


def test_message_in_public_schema_is_tagged_public(db, sentry_events):
    connection.set_schema_to_public()
    sentry_sdk.capture_message("Kontakt: 0361 / 55 66 77 oder info@land.example")
    sentry_sdk.get_client().flush()
    (event,) = sentry_events.events()
    assert event["tags"]["tenant"] == "public"
    assert "55 66 77" not in json.dumps(event)
    assert "info@land.example" not in json.dumps(event)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail an max.mustermann@firma-jena.de bitte", "mail an [E-Mail entfernt] bitte"),
        ("Tel. +49 (0) 3641 49-1234", "Tel. [Telefon entfernt]"),
        ("Tel 03641/123456", "Tel [Telefon entfernt]"),
        ("Ruf 0049 361 5566778 an", "Ruf [Telefon entfernt] an"),
        # Dates, years, ids and amounts must stay readable.
        ("Sitzung am 12.03.2026 um 14:00", "Sitzung am 12.03.2026 um 14:00"),
        ("Partner 42 von 70 im Jahr 2025", "Partner 42 von 70 im Jahr 2025"),
    ],
)
def test_scrub_text_removes_addresses_and_numbers_but_keeps_dates(text, expected):
    assert scrub_text(text) == expected
