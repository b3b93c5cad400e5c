"""Holiday programme and family guide: workspace CRUD, public calendar, iCalendar, PDF plan."""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.utils import translation
from django_tenants.utils import schema_context

from core.models import GuideEntry, HolidayOffer
from core.views.holidays import holiday_calendar_ics, ics_escape, ics_fold
from kernel.audit.models import AuditEntry
from kernel.pdf import holiday_plan_pdf, latin1
from tenants.roles import Role
from tests.clock import in_days
from tests.conftest import host_client, logged_in_client, pdf_text, person_with_role
from tests.factories.holidays import GuideEntryFactory, HolidayOfferFactory
from tests.factories.seal import PartnerFactory
from tests.pages import assert_list_scales, assert_page_shows


def _offer_form(**overrides):
    data = {
        "title": "Zirkuswoche",
        "description": "Jonglieren und Akrobatik",
        "organiser": "Zirkus Momolo e. V.",
        "start_date": in_days(40).isoformat(),
        "end_date": in_days(44).isoformat(),
        "start_time": "09:00",
        "end_time": "15:00",
        "place": "Zirkuszelt am Eichplatz",
        "age_min": 7,
        "age_max": 12,
        "price": "45.00",
        "max_participants": 20,
        "registration": "Anmeldung über das Büro des Zirkus",
        "is_published": "on",
    }
    data.update(overrides)
    return data


# ---------------------------------------------------------------- workspace: offers


def test_coordinator_creates_edits_withdraws_and_deletes_an_offer(jena, client):
    response = client.post("/workspace/holidays/new/", _offer_form())
    assert response.status_code == 302
    with schema_context("jena"):
        offer = HolidayOffer.objects.get(title="Zirkuswoche")
        assert offer.is_published is True
        assert offer.price == Decimal("45.00")
    assert response.url == f"/workspace/holidays/{offer.pk}/"
    assert "Zirkuswoche" in client.get(response.url).content.decode()

    response = client.post(
        f"/workspace/holidays/{offer.pk}/edit/", _offer_form(title="Zirkuswoche II")
    )
    assert response.status_code == 302
    response = client.post(f"/workspace/holidays/{offer.pk}/publish/")
    assert response.status_code == 302
    with schema_context("jena"):
        offer.refresh_from_db()
        assert (offer.title, offer.is_published) == ("Zirkuswoche II", False)
        assert AuditEntry.objects.filter(action="core.holidayoffer.withdrawn").exists()
    client.post(f"/workspace/holidays/{offer.pk}/publish/")
    with schema_context("jena"):
        offer.refresh_from_db()
        assert offer.is_published is True
    response = client.post(f"/workspace/holidays/{offer.pk}/delete/")
    assert response.status_code == 302
    with schema_context("jena"):
        assert not HolidayOffer.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"start_date": in_days(10).isoformat(), "end_date": in_days(9).isoformat()},
            "The end cannot be before the start.",
        ),
        ({"age_min": 12, "age_max": 6}, "The upper age cannot be below the lower age."),
        ({"price": "-1"}, "The price cannot be negative."),
        ({"start_time": "15:00", "end_time": "09:00"}, "The daily end must be after the daily"),
        ({"title": ""}, "This field is required."),
    ],
)
def test_invalid_offer_answers_400_with_message_and_saves_nothing(jena, client, overrides, message):
    response = client.post("/workspace/holidays/new/", _offer_form(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    with schema_context("jena"):
        assert not HolidayOffer.objects.exists()


def test_offer_list_filters_by_month_age_and_organiser(jena, client):
    with schema_context("jena"):
        for title, starts, ends, more in (
            ("Juli-Camp", (7, 6), (7, 10), {"age_min": 10, "age_max": 14,
                                            "organiser": "Sportverein Jena"}),
            ("Monatswechsel", (7, 30), (8, 3), {"age_min": 4, "age_max": 8}),
            ("August-Werkstatt", (8, 10), (8, 12), {}),
        ):  # fmt: skip
            HolidayOfferFactory(
                title=title,
                start_date=datetime.date(2026, *starts),
                end_date=datetime.date(2026, *ends),
                **more,
            )

    def titles(**params):
        response = client.get("/workspace/holidays/", params)
        assert response.status_code == 200
        return sorted(values[0] for _url, values in response.context["rows"])

    assert titles(month=7) == ["Juli-Camp", "Monatswechsel"]
    assert titles(month=8) == ["August-Werkstatt", "Monatswechsel"]
    assert titles(age=5) == ["Monatswechsel"]
    assert titles(age=13) == ["Juli-Camp"]
    assert titles(organiser="sportverein") == ["Juli-Camp"]
    assert titles(month=7, age=7) == ["Monatswechsel"]


def test_offer_csv_export_has_every_row(jena, client):
    with schema_context("jena"):
        HolidayOfferFactory(title="Töpfern", price=Decimal("12.50"))
        HolidayOfferFactory(title="Schwimmen", is_published=False)
    response = client.get("/workspace/holidays/", {"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Title"
    assert {row[0] for row in rows[1:]} == {"Töpfern", "Schwimmen"}


def _offers(count: int):
    with schema_context("jena"):
        partner = PartnerFactory()
        for i in range(count):
            HolidayOfferFactory(
                title=f"Angebot {i:03d}",
                partner=partner if i % 2 else None,
                start_date=in_days(10 + i % 60),
                end_date=in_days(12 + i % 60),
            )


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["", "?format=csv", "?format=xlsx", "?month=7&sort=-partner"])
def test_holiday_list_and_exports_cost_the_same_queries_for_5_and_200_rows(client, suffix):
    assert_list_scales(client, "/workspace/holidays/" + suffix, _offers, then=195)


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/holidays/", "/holidays.ics", "/holidays/?age=8"])
def test_public_calendar_and_feed_cost_the_same_queries_for_5_and_200_offers(jena, path):
    assert_list_scales(host_client("jena.localhost"), path, _offers, then=195)


# ---------------------------------------------------------------- workspace: family guide


def test_coordinator_creates_edits_and_deletes_a_guide_entry(jena, client):
    data = {
        "title": "Erziehungsberatung",
        "category": "advice",
        "organisation": "Diakonie Jena",
        "address": "Löbdergraben 1",
        "phone": "03641 123456",
        "email": "beratung@diakonie.example",
        "website": "https://diakonie.example",
        "opening_hours": "Mo–Do 9–16 Uhr",
        "is_published": "on",
    }
    response = client.post("/workspace/guide/new/", data)
    assert response.status_code == 302
    with schema_context("jena"):
        entry = GuideEntry.objects.get()
    response = client.post(
        f"/workspace/guide/{entry.pk}/edit/", {**data, "title": "Familienberatung"}
    )
    assert response.status_code == 302
    assert "Familienberatung" in client.get("/workspace/guide/").content.decode()
    response = client.post(f"/workspace/guide/{entry.pk}/delete/")
    assert response.status_code == 302
    with schema_context("jena"):
        assert not GuideEntry.objects.exists()


def test_guide_entry_with_bad_email_is_refused_with_400(jena, client):
    response = client.post(
        "/workspace/guide/new/", {"title": "X", "category": "advice", "email": "keine-adresse"}
    )
    assert response.status_code == 400
    with schema_context("jena"):
        assert not GuideEntry.objects.exists()


def _guide_entries(count: int):
    with schema_context("jena"):
        for i in range(count):
            GuideEntryFactory(title=f"Stelle {i:03d}", category=["advice", "care", "health"][i % 3])


@pytest.mark.parametrize(
    "path", ["/workspace/guide/", "/workspace/guide/?format=csv", "/workspace/guide/?format=xlsx"]
)
def test_guide_list_and_exports_cost_the_same_queries_for_5_and_200_rows(client, path):
    assert_list_scales(client, path, _guide_entries, then=195)


# ---------------------------------------------------------------- workspace permissions

WORKSPACE_PAGES = [
    "/workspace/holidays/",
    "/workspace/holidays/new/",
    "/workspace/holidays/{offer}/",
    "/workspace/holidays/{offer}/edit/",
    "/workspace/holidays/{offer}/publish/",
    "/workspace/holidays/{offer}/delete/",
    "/workspace/guide/",
    "/workspace/guide/new/",
    "/workspace/guide/{entry}/",
    "/workspace/guide/{entry}/edit/",
    "/workspace/guide/{entry}/delete/",
]


@pytest.fixture
def ids(jena):
    with schema_context("jena"):
        return {"offer": HolidayOfferFactory().pk, "entry": GuideEntryFactory().pk}


@pytest.mark.parametrize("page", WORKSPACE_PAGES)
def test_board_member_partner_contact_and_other_alliance_get_404(jena, badfrankenhausen, ids, page):
    with schema_context("jena"):
        partner_id = PartnerFactory().pk
    for user in (
        person_with_role(Role.BOARD_MEMBER, jena),
        person_with_role(Role.PARTNER_CONTACT, jena, partner_id=partner_id),
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen),
    ):
        assert logged_in_client(user, language="en").get(page.format(**ids)).status_code == 404


@pytest.mark.parametrize("page", WORKSPACE_PAGES)
def test_anonymous_is_redirected_to_login_from_workspace_pages(jena, ids, page):
    response = host_client("jena.localhost").get(page.format(**ids))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_state_coordinator_sees_the_programme_but_cannot_change_it(jena, ids):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), language="en")
    assert client.get("/workspace/holidays/").status_code == 200
    assert client.get(f"/workspace/holidays/{ids['offer']}/").status_code == 200
    assert client.post(f"/workspace/holidays/{ids['offer']}/delete/").status_code == 404
    assert client.post("/workspace/guide/new/", {"title": "X"}).status_code == 404
    with schema_context("jena"):
        assert HolidayOffer.objects.filter(pk=ids["offer"]).exists()
        assert GuideEntry.objects.count() == 1


# ---------------------------------------------------------------- public calendar


def test_public_calendar_needs_no_login_and_shows_published_upcoming_offers_by_month(jena):
    with schema_context("jena"):
        HolidayOfferFactory(
            title="Sommer-Kunstwerkstatt",
            start_date=in_days(40),
            end_date=in_days(42),
        )
        HolidayOfferFactory(title="Läuft gerade", start_date=in_days(-2), end_date=in_days(2))
        HolidayOfferFactory(title="Noch geheim", is_published=False)
        HolidayOfferFactory(title="Längst vorbei", start_date=in_days(-20), end_date=in_days(-15))
    client = logged_in_client(None, language="en")
    response = client.get("/holidays/")
    body = assert_page_shows(
        response, ["Sommer-Kunstwerkstatt", "Läuft gerade"], ["Noch geheim", "Längst vorbei"]
    )
    months = response.context["months"]
    assert all(o.is_published for month in months for o in month["offers"])
    labels = [month["label"] for month in months]
    assert len(labels) == len(set(labels))  # one section per month
    assert body.index("Läuft gerade") < body.index("Sommer-Kunstwerkstatt")
    assert "/holidays.ics" in body
    assert "/holidays/plan.pdf" in body


def test_public_calendar_filters_by_age_and_ignores_nonsense(jena):
    with schema_context("jena"):
        HolidayOfferFactory(title="Für Kleine", age_min=3, age_max=6)
        HolidayOfferFactory(title="Für Große", age_min=12, age_max=16)
    client = host_client("jena.localhost")
    body = client.get("/holidays/", {"age": 5}).content.decode()
    assert "Für Kleine" in body
    assert "Für Große" not in body
    for nonsense in ("abc", "-3", "999", "1;DROP"):
        response = client.get("/holidays/", {"age": nonsense})
        assert response.status_code == 200
        assert "Für Große" in response.content.decode()


def test_public_calendar_of_one_alliance_never_shows_another_alliances_offers(
    jena, badfrankenhausen
):
    with schema_context("badfrankenhausen"):
        HolidayOfferFactory(title="Kyffhäuser-Ritterlager")
    assert "Ritterlager" not in host_client("jena.localhost").get("/holidays/").content.decode()
    assert (
        "Ritterlager"
        in host_client("badfrankenhausen.localhost").get("/holidays/").content.decode()
    )


# ---------------------------------------------------------------- iCalendar feed


def _unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


def test_ics_escapes_backslash_semicolon_comma_and_newlines():
    assert ics_escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_ics_folds_lines_at_75_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "ä" * 100 + "x" * 50
    folded = ics_fold(line)
    pieces = folded.split("\r\n")
    assert len(pieces) > 1
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line
    assert ics_fold("SUMMARY:kurz") == "SUMMARY:kurz"


def test_ics_feed_structure_escaping_and_only_published_offers(jena):
    with schema_context("jena"):
        offer = HolidayOfferFactory(
            title="Kochen, Backen; Spaß\\Spiel",
            description="Erster Tag: Brot.\nZweiter Tag: Kuchen. " + "Sehr lange Beschreibung " * 8,
            start_date=datetime.date(2099, 7, 6),
            end_date=datetime.date(2099, 7, 10),
            place="Küche, Haus 2",
            age_min=8,
            age_max=12,
            price=Decimal("15.00"),
            organiser="Familienzentrum Lobeda",
        )
        HolidayOfferFactory(title="Unveröffentlicht", is_published=False)
        HolidayOfferFactory(title="Vorbei", start_date=in_days(-10), end_date=in_days(-8))
        other = HolidayOfferFactory(title="Tagesausflug", start_date=datetime.date(2099, 8, 1))
        other.end_date = other.start_date
        other.save()
    client = logged_in_client(None, language="en")
    response = client.get("/holidays.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    raw = response.content
    body = raw.decode("utf-8")
    assert body.endswith("\r\n")
    assert "\n" not in body.replace("\r\n", "")  # CRLF only
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    lines = _unfold(body)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    assert lines.count("BEGIN:VEVENT") == 2 == lines.count("END:VEVENT")
    assert "Unveröffentlicht" not in body
    assert "Vorbei" not in body

    start = lines.index(f"UID:{offer.pk}@jena.localhost")
    event = lines[start - 1 : lines.index("END:VEVENT", start) + 1]
    assert event[0] == "BEGIN:VEVENT"
    assert "DTSTART;VALUE=DATE:20990706" in event
    assert "DTEND;VALUE=DATE:20990711" in event  # exclusive end: the day after
    assert any(re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", line) for line in event)
    assert "SUMMARY:Kochen\\, Backen\\; Spaß\\\\Spiel" in event
    assert "LOCATION:Küche\\, Haus 2" in event
    [description] = [line for line in event if line.startswith("DESCRIPTION:")]
    assert description.startswith("DESCRIPTION:Erster Tag: Brot.\\nZweiter Tag: Kuchen.")
    assert "Ages: 8 to 12 years" in description
    assert "Price: 15\\,00 €" in description  # "," escaped as iCalendar wants
    assert "Organiser: Familienzentrum Lobeda" in description
    assert f"UID:{other.pk}@jena.localhost" in lines
    assert "DTEND;VALUE=DATE:20990802" in lines


def test_ics_helper_builds_an_empty_calendar_when_nothing_is_published():
    body = holiday_calendar_ics(alliance_name="Bündnis", host="x.localhost", offers=[])
    assert _unfold(body)[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
    assert "BEGIN:VEVENT" not in body


# ---------------------------------------------------------------- printable plan


def _plan_offers(count: int):
    offers = []
    for i in range(count):
        offers.append(
            HolidayOffer(
                pk=i + 1,
                title=f"Ferienspaß Nr. {i} – Töpfern „Sommer“",
                organiser="Jugendhaus Łódź",
                start_date=datetime.date(2026, 7, 1),
                end_date=datetime.date(2026, 7, 3),
                start_time=datetime.time(9),
                end_time=datetime.time(15),
                place="Markt 1",
                age_min=6,
                age_max=12,
                price=Decimal("5.50") if i % 2 else Decimal(0),
            )
        )
    return offers


def test_plan_pdf_has_title_rows_and_page_numbers():
    with translation.override("en"):
        data = holiday_plan_pdf(
            alliance_name="Lokales Bündnis für Familie Jena",
            year=2026,
            offers=_plan_offers(3),
            compress=False,
        )
    assert data.startswith(b"%PDF")
    assert "Lokales Bündnis für Familie Jena".encode("latin-1") in data
    assert b"Holiday programme 2026" in data
    assert 'Ferienspaß Nr. 0 - Töpfern "Sommer"'.encode("latin-1") in data
    assert "5,50 €".encode("cp1252") in data  # German forms in either language
    assert "Jugendhaus Lódz".encode("latin-1") in data
    assert b"(Page 1 of 1)" in data


def test_plan_pdf_numbers_every_page_of_a_long_plan():
    with translation.override("en"):
        data = holiday_plan_pdf(
            alliance_name="Bündnis", year=2026, offers=_plan_offers(80), compress=False
        )
    pages = re.findall(rb"\(Page (\d+) of (\d+)\)", data)
    total = int(pages[0][1])
    assert total > 1
    assert [int(p) for p, _ in pages] == list(range(1, total + 1))
    assert {int(t) for _, t in pages} == {total}
    assert b"Ferienspa\xdf Nr. 79" in data


def test_plan_pdf_without_offers_says_so():
    with translation.override("en"):
        data = holiday_plan_pdf(alliance_name="Bündnis", year=2030, offers=[], compress=False)
    assert b"No offers have been published for this year yet." in data
    assert b"(Page 1 of 1)" in data


def test_latin1_keeps_umlauts_and_replaces_the_rest():
    assert latin1("Grüße – 5 € „Ferien“ … Łódź ✓") == 'Grüße - 5 € "Ferien" ... Lódz x'
    assert latin1("日本") == "??"


def _offer_from_july_1st_2099(title: str, last_day: int, **more):
    """An offer from the 1st of July 2099 until ``last_day`` of that month."""
    start, end = datetime.date(2099, 7, 1), datetime.date(2099, 7, last_day)
    return HolidayOfferFactory(title=title, start_date=start, end_date=end, **more)


def test_plan_pdf_over_http_needs_no_login_and_contains_published_offers_only(jena):
    with schema_context("jena"):
        _offer_from_july_1st_2099("Sommerzeltlager", 5)
        _offer_from_july_1st_2099("Geheimprojekt", 5, is_published=False)
    response = host_client("jena.localhost").get("/holidays/plan.pdf", {"year": 2099})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert b"Sommerzeltlager" in text
    assert b"Geheimprojekt" not in text
    assert host_client("jena.localhost").get("/holidays/plan.pdf?year=abc").status_code == 404


def test_plan_pdf_defaults_to_the_year_of_the_next_offer(jena):
    with schema_context("jena"):
        _offer_from_july_1st_2099("Zukunftscamp", 2)
    response = host_client("jena.localhost").get("/holidays/plan.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="ferienprogramm-jena-2099.pdf"'
    assert b"Zukunftscamp" in pdf_text(response.content)


# ---------------------------------------------------------------- public family guide


def test_public_guide_lists_published_entries_by_category_without_login(jena):
    with schema_context("jena"):
        GuideEntryFactory(title="Schuldnerberatung", category="advice")
        GuideEntryFactory(
            title="Pflegestützpunkt", category="care", phone="03641 4444", email="pflege@x.example"
        )
        GuideEntryFactory(title="Entwurf", category="care", is_published=False)
    client = logged_in_client(None, language="en")
    response = client.get("/guide/")
    # An advice service's number is public information.
    assert_page_shows(
        response, ["Schuldnerberatung", "Pflegestützpunkt", "03641 4444"], ["Entwurf"]
    )
    labels = [c["label"] for c in response.context["categories"]]
    assert labels == ["Beratung für Familien", "Pflege"]
