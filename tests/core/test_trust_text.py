"""Control characters in text are refused at input: models, forms, API and import alike.

The check itself (``kernel.text``) is tested in tests/kernel/test_text.py."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation
from django_tenants.utils import schema_context

from core.forms.board import AttachmentForm, MinutesForm
from core.forms.seal import SealRejectForm
from core.imports import Lookups, parse_import
from core.models import Partner
from regional.forms.meetings import AgendaBulkForm
from regional.forms.meetings import MinutesForm as RegionalMinutesForm
from tenants.models import User
from tenants.roles import Role
from tests.conftest import person_with_role
from tests.factories.partners import PartnerFactory

CONTROL_DE = "Der Text enthält ein Steuerzeichen (U+0001), das nicht erlaubt ist."
SINGLE_LINE_DE = "Dieses Feld muss einzeilig sein"


# ---------------------------------------------------------------- models (every service)


def test_a_model_refuses_a_control_character_in_a_single_line_field(jena):
    with schema_context("jena"), translation.override("de"):
        partner = Partner(name="Kita\x01Regenbogen", kind="company")
        with pytest.raises(ValidationError) as refused:
            partner.full_clean()
    assert set(refused.value.message_dict) == {"name"}
    assert CONTROL_DE in refused.value.message_dict["name"][0]


def test_a_model_refuses_line_breaks_in_one_line_but_keeps_them_in_a_text(jena):
    with schema_context("jena"), translation.override("de"):
        Partner(name="Kita", kind="company", description="Zeile 1\r\nZeile 2\tTab").full_clean()
        with pytest.raises(ValidationError) as refused:
            Partner(name="Kita\nRegenbogen", kind="company", city="Jena\t").full_clean()
        assert set(refused.value.message_dict) == {"name", "city"}
        assert SINGLE_LINE_DE in refused.value.message_dict["city"][0]
        with pytest.raises(ValidationError) as refused:
            Partner(name="Kita", kind="company", description="Text\x1b[31m").full_clean()
        assert set(refused.value.message_dict) == {"description"}


def test_an_account_refuses_a_control_character_in_its_name(db):
    user = User(email="anna@example.org", full_name="Anna\x07Beispiel")
    with pytest.raises(ValidationError) as refused:
        user.full_clean(exclude=["password"])
    assert set(refused.value.message_dict) == {"full_name"}


# ---------------------------------------------------------------- forms


def test_the_partner_form_shows_the_control_character_at_the_field(coordinator_client):
    response = coordinator_client.post(
        "/workspace/partners/new/",
        {"name": "Kita\x01Regenbogen", "kind": "company", "size_class": "small",
         "status": "active", "care_guides_count": 0, "description": "Zwei\r\nZeilen"},
    )  # fmt: skip
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["name"]
    assert CONTROL_DE in form.errors["name"][0]
    assert CONTROL_DE in response.content.decode()
    with schema_context("jena"):
        assert not Partner.objects.filter(name__startswith="Kita").exists()


def test_plain_forms_refuse_control_characters_as_field_errors():
    with translation.override("de"):
        minutes = MinutesForm(data={"minutes": "Proto\x0ckoll"})
        assert not minutes.is_valid()
        assert CONTROL_DE.replace("U+0001", "U+000C") in minutes.errors["minutes"][0]
        assert MinutesForm(data={"minutes": "Zeile 1\r\nZeile 2"}).is_valid()
        regional = RegionalMinutesForm(data={"minutes": "\x01"})
        assert list(regional.errors) == ["minutes"]
        attachment = AttachmentForm(data={"title": "Anlage\n2"}, files={})
        attachment.is_valid()
        assert SINGLE_LINE_DE in attachment.errors["title"][0]
        agenda = AgendaBulkForm(data={"lines": "10:00 | 15 | Begrüßung\x01 | Anna"})
        assert list(agenda.errors) == ["lines"]
        assert SealRejectForm(data={"reason": "Grund\x02"}).errors["reason"]


# ---------------------------------------------------------------- API


def test_the_api_refuses_a_control_character_with_a_field_error(jena):
    user = person_with_role(Role.LOCAL_COORDINATOR, jena)
    client = Client(HTTP_HOST="jena.localhost")
    token = client.post(
        "/api/v1/auth/token/",
        {"email": user.email, "password": "demo-passwort"},
        content_type="application/json",
    ).json()["token"]
    api = Client(HTTP_HOST="jena.localhost", HTTP_AUTHORIZATION=f"Token {token}")
    response = api.post(
        "/api/v1/partners/",
        {"name": "Kita\u0001Regenbogen", "kind": "company"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 400
    body = response.json()
    assert list(body["errors"]) == ["name"]
    assert CONTROL_DE in body["errors"]["name"][0]
    with schema_context("jena"):
        partner = PartnerFactory(name="Kita Regenbogen")
    response = api.patch(
        f"/api/v1/partners/{partner.pk}/",
        {"city": "Jena\nNord"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 400
    assert SINGLE_LINE_DE in response.json()["errors"]["city"][0]


# ---------------------------------------------------------------- import


def _csv(*rows: str) -> bytes:
    return ("Name;Art;Ort;Beschreibung\n" + "\n".join(rows) + "\n").encode("utf-8")


def test_an_import_refuses_a_control_character_naming_row_and_column():
    with translation.override("de"):
        preview = parse_import(
            "partners",
            _csv(
                "Kita\x01Regenbogen;company;Jena;",
                'Kita Sonne;company;Jena;"Zwei\nZeilen"',
                "Kita Mond;company;Jena;Text\x1b",
            ),
            "csv",
            Lookups(),
        )
    problems = [(p.row, p.column) for p in preview.row_problems]
    assert problems == [(2, "Name"), (4, "Beschreibung")]  # records, as a spreadsheet shows
    assert CONTROL_DE in preview.row_problems[0].message
    assert preview.row_problems[0].message.startswith("„Name“: ")
    assert preview.rows[1].data["description"] == "Zwei\nZeilen"
    assert not preview.can_import
