"""The alliance's public pages: open to everyone, and never showing personal data."""

from __future__ import annotations

import datetime

import pytest
from django_tenants.utils import schema_context

from core.models import BoardMember, ContactPerson, Project
from tenants.roles import Role
from tests.clock import in_days
from tests.conftest import (
    assert_same_queries_for_few_and_many,
    host_client,
    logged_in_client,
    pdf_text,
    person_with_role,
)
from tests.factories.holidays import GuideEntryFactory, HolidayOfferFactory
from tests.factories.seal import PartnerFactory

PUBLIC_PAGES = [
    "/",
    "/holidays/",
    "/holidays/?age=8",
    "/holidays.ics",
    "/holidays/plan.pdf",
    "/guide/",
]

# Personal data that must never reach a public page.
SENTINELS = [
    "Sentinella",
    "Geheimkontakt",
    "sentinella.geheim@example.org",
    "+49 3641 777777",
    "Boardina Verborgen",
    "boardina.verborgen@example.org",
    "+49 3641 888888",
    "Verschwiegene Partner GmbH",  # a partner that did not agree to be named
    "Kuratoriumsmitglied",
]


def _text(response) -> str:
    content = response.content
    if response["Content-Type"] == "application/pdf":
        return pdf_text(content).decode("latin-1")
    return content.decode("utf-8")


@pytest.fixture
def alliance_data(jena):
    """Jena's public and private records: what may and what must not be shown."""
    with schema_context("jena"):
        listed = PartnerFactory(
            name="Stadtwerke Jena", public_listing_consent=True, website="https://sw.example"
        )
        hidden = PartnerFactory(name="Verschwiegene Partner GmbH", public_listing_consent=False)
        PartnerFactory(name="Ausgetretene AG", public_listing_consent=True, status="left")
        for partner in (listed, hidden):
            ContactPerson.objects.create(
                partner=partner,
                first_name="Sentinella",
                last_name="Geheimkontakt",
                email="sentinella.geheim@example.org",
                phone="+49 3641 777777",
                is_primary=True,
            )
        BoardMember.objects.create(
            full_name="Boardina Verborgen",
            affiliation="Kuratoriumsmitglied",
            partner=listed,
            position="chair",
            email="boardina.verborgen@example.org",
            phone="+49 3641 888888",
            term_start=datetime.date(2024, 1, 1),
        )
        running = Project.objects.create(
            title="Kita-Notfallbetreuung",
            topic="childcare",
            status="running",
            description="Betreuung, wenn die Kita schließt.",
            lead_partner=hidden,
            funding_source="Kuratoriumsmitglied",
            is_public=True,
        )
        running.partners.set([hidden, listed])
        Project.objects.create(title="Pflegelotsen-Netz", topic="care", status="planned")
        Project.objects.create(title="Abgeschlossenes Projekt", topic="care", status="finished")
        Project.objects.create(
            title="Internes Projekt", topic="care", status="running", is_public=False
        )
        HolidayOfferFactory(
            title="Waldabenteuer",
            partner=hidden,
            organiser="Forstamt Jena",
            start_date=in_days(20),
            end_date=in_days(22),
        )
        HolidayOfferFactory(title="Unveröffentlichtes Camp", is_published=False, partner=listed)
        GuideEntryFactory(title="Familienzentrum Lobeda", category="advice")
        GuideEntryFactory(title="Interner Entwurf", is_published=False)


def test_home_page_needs_no_login_and_shows_who_we_are(alliance_data):
    client = logged_in_client(None, language="en")
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Lokales Bündnis für Familie Jena" in body
    assert "Stadt Jena" in body  # host organisation
    assert "Founded" in body
    assert "October 2004" in body


def test_home_page_lists_consenting_active_partners_public_projects_and_offers(alliance_data):
    body = host_client("jena.localhost").get("/").content.decode()
    assert "Stadtwerke Jena" in body
    assert "https://sw.example" in body
    assert "Ausgetretene AG" not in body  # left the alliance
    assert "Kita-Notfallbetreuung" in body
    assert "Pflegelotsen-Netz" in body
    assert "Abgeschlossenes Projekt" not in body
    assert "Internes Projekt" not in body
    assert "Waldabenteuer" in body
    assert "Unveröffentlichtes Camp" not in body
    for link in ('href="/holidays/"', 'href="/holidays.ics"', 'href="/holidays/plan.pdf"'):
        assert link in body
    assert 'href="/guide/"' in body


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_need_no_login_and_show_no_personal_data(alliance_data, path):
    response = host_client("jena.localhost").get(path)
    assert response.status_code == 200
    text = _text(response)
    for sentinel in SENTINELS:
        assert sentinel not in text, f"{path} shows {sentinel!r}"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_of_one_alliance_show_nothing_of_another(
    alliance_data, badfrankenhausen, path
):
    response = host_client("badfrankenhausen.localhost").get(path)
    assert response.status_code == 200
    text = _text(response)
    for name in ("Stadtwerke Jena", "Kita-Notfallbetreuung", "Waldabenteuer", "Lobeda"):
        assert name not in text


def test_public_pages_work_for_logged_in_members_too(alliance_data, jena):
    client = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    for path in PUBLIC_PAGES:
        response = client.get(path)
        assert response.status_code == 200
        for sentinel in SENTINELS:
            assert sentinel not in _text(response)


def test_home_page_costs_the_same_queries_for_few_and_many_records(jena):
    client = host_client("jena.localhost")

    def add(count, start):
        with schema_context("jena"):
            for i in range(start, start + count):
                PartnerFactory(name=f"Gelisteter Partner {i}", public_listing_consent=True)
                Project.objects.create(title=f"Projekt {i}", topic="care", status="running")
                HolidayOfferFactory(title=f"Angebot {i}")

    assert_same_queries_for_few_and_many(
        client, "/", few=lambda: add(3, 0), many=lambda: add(60, 3)
    )


def test_empty_alliance_home_page_still_renders(jena):
    response = host_client("jena.localhost").get("/")
    assert response.status_code == 200
    assert response.context["partners"] == []
    assert response.context["offers"] == []
