"""Every date field accepts only plausible dates (1900-01-01..2100-12-31), whoever writes
it: the model (so every service), the forms, the API. Date order holds where the domain
says so, and the public holidays calendar feed never fails on a stored date."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from core.models import BoardMeeting, HolidayOffer, MinutesStatus, Partner, SealApplication
from core.services.board import meeting_series_plan
from core.services.holidays import holiday_offer_create
from core.services.partners import partner_create
from core.views.holidays import holiday_calendar_ics
from kernel.dates import (
    EARLIEST,
    LATEST,
    check_date_fields_are_plausible,
    date_fields,
    validate_plausible_date,
)
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.board import BoardMeetingFactory, MeetingTemplateFactory
from tests.factories.holidays import HolidayOfferFactory
from tests.factories.partners import PartnerFactory

# The extremes a Python date can hold (0001-01-01 and 9999-12-31): far outside the range.
YEAR_1 = datetime.date.min
YEAR_9999 = datetime.date.max


def _as(field, day: datetime.date):
    if field.get_internal_type() == "DateTimeField":
        return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
    return day


# ---------------------------------------------------------------- every field


def test_every_date_field_of_core_and_regional_carries_the_range_validator():
    fields = list(date_fields())
    names = {f"{model._meta.label}.{field.name}" for model, field in fields}
    # A sample of what the walk must find (it covers both apps, dates and datetimes).
    assert {
        "core.HolidayOffer.start_date", "core.HolidayOffer.end_date", "core.Partner.joined_on",
        "core.SealApplication.valid_until", "core.BoardMeeting.date", "core.Project.end_date",
        "regional.RegionalMeeting.date", "regional.Invitation.responded_at",
        "regional.SetupTask.due_on",
    } <= names  # fmt: skip
    assert len(fields) >= 30
    assert check_date_fields_are_plausible() == []


@pytest.mark.parametrize(
    ("model", "field"),
    [pytest.param(m, f, id=f"{m._meta.label}.{f.name}") for m, f in date_fields()],
)
def test_full_clean_refuses_year_1_and_9999_in_every_date_field(model, field):
    """The field part of ``full_clean`` (what every service runs) refuses both ends."""
    others = [f.name for f in model._meta.fields if f.name != field.name]
    instance = model()
    for bad in (YEAR_1, YEAR_9999, datetime.date(1899, 12, 31), datetime.date(2101, 1, 1)):
        setattr(instance, field.attname, _as(field, bad))
        with pytest.raises(ValidationError) as error:
            instance.clean_fields(exclude=others)
        assert field.name in error.value.message_dict
    for good in (EARLIEST, LATEST):
        setattr(instance, field.attname, _as(field, good))
        instance.clean_fields(exclude=others)


def test_the_message_names_the_range_in_german():
    with pytest.raises(ValidationError) as error:
        validate_plausible_date(YEAR_9999)
    assert error.value.messages == [
        "Bitte geben Sie ein Datum zwischen dem 01.01.1900 und dem 31.12.2100 ein."
    ]


# ---------------------------------------------------------------- services


def test_services_refuse_implausible_dates_and_store_nothing(jena, coordinator):
    with schema_context("jena"):
        with pytest.raises(ValidationError) as error:
            holiday_offer_create(
                actor=coordinator,
                title="Zeitreise",
                organiser="Verein",
                start_date=YEAR_1,
                end_date=datetime.date(2026, 7, 1),
            )
        assert "start_date" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            partner_create(
                actor=coordinator, name="Zukunft GmbH", kind="company", joined_on=YEAR_9999,
            )  # fmt: skip
        assert "joined_on" in error.value.message_dict
        assert not HolidayOffer.objects.filter(title="Zeitreise").exists()
        assert not Partner.objects.filter(name="Zukunft GmbH").exists()


def test_meeting_series_from_year_9999_is_refused_not_an_overflow(jena, coordinator):
    with schema_context("jena"):
        template = MeetingTemplateFactory()
        with pytest.raises(ValidationError) as error:
            meeting_series_plan(
                actor=coordinator, template=template, first_date=datetime.date(9999, 11, 1),
                count=4, title="Kuratorium",
            )  # fmt: skip
        assert "first_date" in error.value.message_dict
        assert not BoardMeeting.objects.filter(template=template).exists()


def test_date_order_rules_hold_in_full_clean(jena):
    with schema_context("jena"):
        partner = PartnerFactory()
        seal = SealApplication(
            partner=partner,
            submitted_on=datetime.date(2026, 5, 1),
            awarded_on=datetime.date(2026, 4, 1),
            valid_until=datetime.date(2029, 4, 1),
        )
        with pytest.raises(ValidationError) as error:
            seal.full_clean()
        assert "vor dem Eingang des Antrags" in " ".join(error.value.messages)
        meeting = BoardMeetingFactory(date=datetime.date(2026, 3, 1))
        meeting.minutes_status = MinutesStatus.APPROVED
        meeting.minutes_approved_on = datetime.date(2026, 2, 1)
        with pytest.raises(ValidationError) as error:
            meeting.full_clean()
        assert "nicht vor der Sitzung genehmigt" in " ".join(error.value.messages)
        for model, data in (
            (HolidayOffer, {"title": "T", "organiser": "O", "start_date": datetime.date(2026, 7, 9),
                            "end_date": datetime.date(2026, 7, 1)}),
            (Partner, {"name": "P", "kind": "company", "joined_on": datetime.date(2026, 1, 1),
                       "left_on": datetime.date(2025, 1, 1)}),
        ):  # fmt: skip
            with pytest.raises(ValidationError):
                model(**data).full_clean()


# ---------------------------------------------------------------- forms and API


@pytest.mark.parametrize("bad", ["0001-01-01", "9999-12-31"])
def test_holiday_offer_form_refuses_year_1_and_9999(jena, bad):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), language="de")
    page = client.get("/workspace/holidays/new/").content.decode()
    assert 'min="1900-01-01"' in page
    assert 'max="2100-12-31"' in page
    answer = client.post(
        "/workspace/holidays/new/",
        {"title": "Zeitreise", "organiser": "Verein", "start_date": bad, "end_date": bad,
         "age_min": 6, "age_max": 12, "price": "0"},
    )  # fmt: skip
    assert answer.status_code == 400
    assert "zwischen dem 01.01.1900 und dem 31.12.2100" in answer.content.decode()
    with schema_context("jena"):
        assert not HolidayOffer.objects.filter(title="Zeitreise").exists()


def test_meeting_series_form_refuses_year_9999_without_a_500(jena):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), language="de")
    with schema_context("jena"):
        template = MeetingTemplateFactory()
    answer = client.post(
        f"/workspace/board/templates/{template.pk}/series/",
        {"title": "Kuratorium", "first_date": "9999-12-01", "count": 4},
    )
    assert answer.status_code == 400
    assert "zwischen dem 01.01.1900 und dem 31.12.2100" in answer.content.decode()


@pytest.mark.parametrize("bad", ["0001-01-01", "9999-12-31"])
def test_api_refuses_year_1_and_9999(jena, bad):
    from tests.api.test_workspace_resources import _token

    client = Client(
        HTTP_HOST="jena.localhost",
        HTTP_AUTHORIZATION="Token " + _token(person_with_role(Role.LOCAL_COORDINATOR, jena).email),
        HTTP_ACCEPT_LANGUAGE="de",
    )
    answer = client.post(
        "/api/v1/holiday-offers/",
        {"title": "Zeitreise", "organiser": "Verein", "start_date": bad, "end_date": bad},
        content_type="application/json",
    )
    assert answer.status_code == 400, answer.content
    assert "start_date" in answer.json()["errors"]
    answer = client.post(
        "/api/v1/partners/",
        {"name": "Zukunft GmbH", "kind": "company", "joined_on": bad},
        content_type="application/json",
    )
    assert answer.status_code == 400, answer.content
    assert "joined_on" in answer.json()["errors"]
    with schema_context("jena"):
        assert not HolidayOffer.objects.filter(title="Zeitreise").exists()
        assert not Partner.objects.filter(name="Zukunft GmbH").exists()


# ---------------------------------------------------------------- the calendar feed


def test_holidays_ics_never_fails_on_a_stored_implausible_date(jena):
    with schema_context("jena"):
        good = HolidayOfferFactory(title="Zirkuswoche")
        legacy_end = HolidayOfferFactory(title="Endlos")
        legacy_start = HolidayOfferFactory(title="Uralt")
        # Rows written before the range was enforced (the database has no such check).
        HolidayOffer.objects.filter(pk=legacy_end.pk).update(end_date=YEAR_9999)
        HolidayOffer.objects.filter(pk=legacy_start.pk).update(start_date=YEAR_1)
    client = host_client("jena.localhost")
    answer = client.get("/holidays.ics")
    assert answer.status_code == 200
    body = answer.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == body.count("END:VEVENT") == 1
    assert f"DTSTART;VALUE=DATE:{good.start_date:%Y%m%d}" in body
    assert "Endlos" not in body
    assert "Uralt" not in body
    assert client.get("/holidays/").status_code == 200
    assert client.get("/holidays/plan.pdf").status_code == 200


def test_ics_writes_four_digit_years_and_skips_what_would_overflow():
    offers = [
        HolidayOffer(pk=1, title="Früh", organiser="O", start_date=datetime.date(1900, 1, 1),
                     end_date=datetime.date(1900, 1, 2), age_min=6, age_max=12, price=0),
        HolidayOffer(pk=2, title="Max", organiser="O", start_date=datetime.date(9999, 12, 30),
                     end_date=datetime.date.max, age_min=6, age_max=12, price=0),
    ]  # fmt: skip
    body = holiday_calendar_ics(
        alliance_name="Jena", host="jena.localhost", offers=offers, now=timezone.now()
    )
    assert "DTSTART;VALUE=DATE:19000101" in body
    assert "DTEND;VALUE=DATE:19000103" in body
    assert "Max" not in body
