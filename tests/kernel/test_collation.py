"""Names sort in German order (DIN 5007-1): the same in SQL and in Python."""

from __future__ import annotations

import random

import pytest
from django.db import connection
from django_tenants.utils import schema_context
from rest_framework.authtoken.models import Token

from core.models import ContactPerson, Partner
from core.models.partners import PartnerStatus
from core.selectors.partners import public_partner_list
from kernel import collation
from kernel.collation import by_name, german_key, german_sorted
from tenants.roles import Role
from tests.conftest import host_client, person_with_role
from tests.factories.partners import ContactPersonFactory, PartnerFactory

# Thuringian (and a few other) places, as a German reader expects them in a register.
GERMAN_ORDER = [
    "Apolda",
    "Ärzen",
    "Bad Berka",
    "Bad Langensalza",
    "Gera",
    "Gera-Ost",
    "Oberhof",
    "Ölsnitz",
    "Saalfeld",
    "Schleiz",
    "Sömmerda",
    "Straßberg",
    "Strausberg",
    "Suhl",
    "Weimar",
    "Weißensee",
    "Zella-Mehlis",
    "Zeulenroda",
]
# Names that differ only in accents or case: plain before accented, lower before upper.
TIES = ["muller", "Muller", "müller", "Müller"]


def _shuffled(names: list[str]) -> list[str]:
    names = list(names)
    random.Random(17).shuffle(names)  # noqa: S311 (a fixed test order, not a secret)
    return names


def test_python_sorts_in_german_dictionary_order():
    assert german_sorted(_shuffled(GERMAN_ORDER)) == GERMAN_ORDER
    assert german_sorted(_shuffled(TIES)) == TIES
    assert german_key("Sömmerda") < german_key("Suhl")
    assert german_key("Straße")[0] == "strasse"
    assert german_sorted([None, "b", "A"], key=lambda name: name) == [None, "A", "b"]


def _names_in_sql(*, icu: bool, field: str = "name", model=Partner) -> list[str]:
    where = connection.settings_dict
    cache_key = (str(where.get("HOST")), str(where.get("PORT")), str(where.get("NAME")))
    before = collation._ICU.get(cache_key)
    collation._ICU[cache_key] = icu
    try:
        with schema_context("jena"):
            rows = model.objects.order_by(by_name(field), "pk").values_list(field, flat=True)
            return list(rows)
    finally:
        if before is None:
            collation._ICU.pop(cache_key, None)
        else:
            collation._ICU[cache_key] = before


def _add_partners(names: list[str]) -> None:
    with schema_context("jena"):
        for name in _shuffled(names):
            PartnerFactory(name=name, status=PartnerStatus.ACTIVE, public_listing_consent=True)


def test_sql_sorts_like_python_with_and_without_icu(jena):
    _add_partners(GERMAN_ORDER)
    with schema_context("jena"):
        partner = Partner.objects.get(name="Suhl")
        for name in _shuffled(GERMAN_ORDER + TIES):  # last names may repeat in any case
            ContactPersonFactory(partner=partner, last_name=name)
    expected = german_sorted(GERMAN_ORDER + TIES)
    contacts = {"field": "last_name", "model": ContactPerson}
    # The embedded server's fallback key (no ICU there) ...
    assert _names_in_sql(icu=False) == GERMAN_ORDER
    assert _names_in_sql(icu=False, **contacts) == expected
    # ... and the ICU collation de-DE-x-icu where the server has it.
    if collation.server_has_icu(connection):
        assert _names_in_sql(icu=True) == GERMAN_ORDER
        assert _names_in_sql(icu=True, **contacts) == expected


def test_the_partner_list_page_sorts_names_the_german_way(jena, coordinator_client):
    _add_partners(GERMAN_ORDER)
    coordinator_client.cookies["django_language"] = "de"

    response = coordinator_client.get("/workspace/partners/", {"sort": "name"})
    names = [partner.name for partner in response.context["page"].object_list]
    assert names == GERMAN_ORDER
    assert names.index("Sömmerda") < names.index("Suhl")

    response = coordinator_client.get("/workspace/partners/", {"sort": "-name"})
    assert [partner.name for partner in response.context["page"].object_list] == GERMAN_ORDER[::-1]


def test_selector_and_api_sort_names_the_german_way(jena):
    _add_partners(GERMAN_ORDER)
    with schema_context("jena"):
        assert [partner.name for partner in public_partner_list()] == GERMAN_ORDER

    user = person_with_role(Role.LOCAL_COORDINATOR, jena)
    token = Token.objects.create(user=user).key
    client = host_client("jena.localhost", HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/v1/partners/", {"ordering": "name", "page_size": 50})
    assert response.status_code == 200
    body = response.json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [row["name"] for row in rows] == GERMAN_ORDER


@pytest.mark.parametrize("value", ["", None])
def test_empty_names_sort_first_in_both(value):
    assert german_key(value) == ("", "", "")
