"""Roles hold at the field level: a partner contact edits its own partner's profile,
never its membership (status, dates) nor the figures counted in the state statistics.

The rule lives in ``tenants.permissions.FIELD_RULES`` and is enforced by the record
services, so the API, the HTML form, imports and board decisions all meet it.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django_tenants.utils import schema_context

from core.models import Partner, PartnerStatus
from core.services.partners import partner_leave, partner_update
from tenants.permissions import FIELD_RULES, RULES
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.partners import PartnerFactory

GUARDED = {
    "status": "left",
    "joined_on": "2001-01-01",
    "left_on": "2026-01-31",
    "care_guides_count": 9,
    "kind": "association",
}


def _api(user) -> Client:
    client = Client(HTTP_HOST="jena.localhost")
    client.force_login(user)
    return client


@pytest.fixture
def own_partner(jena) -> Partner:
    with schema_context("jena"):
        return PartnerFactory(
            name="Eigene Firma",
            status=PartnerStatus.ACTIVE,
            joined_on=datetime.date(2020, 5, 1),
            care_guides_count=2,
        )


@pytest.fixture
def contact(jena, own_partner):
    return person_with_role(Role.PARTNER_CONTACT, jena, partner_id=own_partner.pk)


def _stored(partner: Partner) -> dict:
    with schema_context("jena"):
        fresh = Partner.objects.get(pk=partner.pk)
    return {name: getattr(fresh, name) for name in (*GUARDED, "city")}


def test_every_field_rule_names_known_permissions_and_fields():
    from django.apps import apps

    for rule in FIELD_RULES:
        model = apps.get_model(rule.model)
        for name in rule.fields:
            model._meta.get_field(name)
        assert set(rule.permissions) <= set(RULES)


def test_the_statistics_count_exactly_the_guarded_partner_fields():
    """Every partner column the statistics engine reads is guarded (kind, status,
    dates, care guides): a new counted column must get a field rule too."""
    from core.figures import partner_rows
    from kernel.figures import Counting

    day = datetime.date(2026, 6, 30)
    partner_sql = " ".join(
        str(partner_rows(Counting(today=day, year=day.year, as_of=as_of)).query)
        for as_of in (False, True)
    )
    counted = {
        f.column
        for f in Partner._meta.concrete_fields
        if f.column in partner_sql and f.column not in ("id",)
    }
    guarded = {name for rule in FIELD_RULES if rule.model == "core.partner" for name in rule.fields}
    assert counted <= guarded, counted - guarded


@pytest.mark.parametrize(("field", "value"), list(GUARDED.items()))
def test_partner_contact_cannot_patch_a_guarded_field_of_its_own_partner(
    contact, own_partner, field, value
):
    before = _stored(own_partner)
    response = _api(contact).patch(
        f"/api/v1/partners/{own_partner.pk}/",
        {field: value, "city": "Anderswo"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 403, response.content
    body = response.json()
    assert body["status"] == 403
    assert "Nur die Koordination" in body["detail"]
    assert _stored(own_partner) == before  # nothing changed, not even the city


def test_partner_contact_still_edits_its_profile_and_may_resend_unchanged_values(
    contact, own_partner
):
    response = _api(contact).patch(
        f"/api/v1/partners/{own_partner.pk}/",
        {"city": "Jena-Lobeda", "status": "active", "care_guides_count": 2},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert _stored(own_partner)["city"] == "Jena-Lobeda"


def test_coordinator_changes_status_dates_and_figures(jena, own_partner):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    response = _api(coordinator).patch(
        f"/api/v1/partners/{own_partner.pk}/",
        {"status": "left", "left_on": "2026-01-31", "care_guides_count": 5, "kind": "company"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    stored = _stored(own_partner)
    assert (stored["status"], stored["care_guides_count"]) == ("left", 5)
    assert stored["left_on"] == datetime.date(2026, 1, 31)


def test_the_service_refuses_guarded_fields_whoever_calls_it(jena, contact, own_partner):
    with schema_context("jena"):
        partner = Partner.objects.get(pk=own_partner.pk)
        with pytest.raises(PermissionDenied):
            partner_update(actor=contact, partner=partner, care_guides_count=40)
        with pytest.raises(PermissionDenied):
            partner_leave(actor=contact, partner=partner, left_on=datetime.date(2026, 2, 1))
        assert Partner.objects.get(pk=partner.pk).care_guides_count == 2
        assert Partner.objects.get(pk=partner.pk).status == PartnerStatus.ACTIVE


def test_creating_with_guarded_values_needs_the_permission_too(jena, contact):
    from core.services.partners import partner_create

    with schema_context("jena"):
        with pytest.raises(PermissionDenied):
            partner_create(actor=contact, name="Neu GmbH", kind="company", care_guides_count=3)
        assert not Partner.objects.filter(name="Neu GmbH").exists()
        board_member = person_with_role(Role.BOARD_MEMBER, jena)
        # A board decision admits partners (alliance.applications.decide): allowed.
        partner_create(actor=board_member, name="Neu GmbH", kind="company")
        assert Partner.objects.filter(name="Neu GmbH").exists()


def test_partner_contacts_form_neither_offers_nor_accepts_guarded_fields(contact, own_partner):
    client = logged_in_client(contact)
    url = f"/workspace/partners/{own_partner.pk}/edit/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    assert not set(GUARDED) & set(form.fields)
    assert {"name", "city", "description"} <= set(form.fields)
    before = _stored(own_partner)
    response = client.post(
        url, {"name": "Eigene Firma", "city": "Weimar", "size_class": "micro", **GUARDED}
    )
    assert response.status_code == 302, response.context["form"].errors
    after = _stored(own_partner)
    assert after["city"] == "Weimar"
    assert {k: after[k] for k in GUARDED} == {k: before[k] for k in GUARDED}


def test_coordinators_form_offers_the_guarded_fields(jena, own_partner):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena))
    form = client.get(f"/workspace/partners/{own_partner.pk}/edit/").context["form"]
    # The care guides are records of their own (core.models.careguides), not a form field.
    assert set(GUARDED) - {"care_guides_count"} <= set(form.fields)
