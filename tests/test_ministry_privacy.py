"""The ministry sees aggregated figures only: no page it can open carries an e-mail
address, a phone number or a contact person's name, whatever the alliances hold."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from config.sentry import EMAIL_RE, PHONE_RE
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.partners import ContactPersonFactory, PartnerFactory
from tests.factories.tenants import UserFactory
from tests.isolation import discover, seed_sentinel_records

CONTACT_NAMES = ["Ingeborg Vertraulich", "Bartholomäus Geheimnis"]


@pytest.fixture
def seeded(jena, badfrankenhausen):
    """Personal data in both alliances, and a coordinator account in each."""
    for schema, (first, last) in zip(
        ("jena", "badfrankenhausen"), (n.split() for n in CONTACT_NAMES), strict=True
    ):
        with schema_context(schema):
            partner = PartnerFactory(public_listing_consent=True, name=f"Offene Firma {schema}")
            ContactPersonFactory(
                partner=partner, first_name=first, last_name=last,
                email=f"{last.lower()}@firma.example", phone="+49 3641 7654321",
            )  # fmt: skip
            records = seed_sentinel_records("PRIVACY-SENTINEL")
    for alliance in (jena, badfrankenhausen):
        person_with_role(
            Role.LOCAL_COORDINATOR,
            alliance,
            user=UserFactory(email=f"koordination@{alliance.slug}.example"),
        )
    return records


@pytest.fixture
def ministry_client():
    user = UserFactory(email="referat42@ministerium.example", full_name="Referat 42")
    person_with_role(Role.MINISTRY, user=user)
    return logged_in_client(user, "localhost"), user


def _personal_data_in(body: str, own_email: str) -> list[str]:
    found = [m for m in EMAIL_RE.findall(body) if m != own_email]
    found += [m for m in PHONE_RE.findall(body) if sum(c.isdigit() for c in m) >= 7]
    found += [name for name in CONTACT_NAMES if name.split()[1] in body]
    return found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("urlconf", "host"),
    [
        ("config.urls_public", "localhost"),
        ("config.urls_tenant", "jena.localhost"),
        ("config.urls_tenant", "badfrankenhausen.localhost"),
    ],
)
def test_no_page_the_ministry_opens_carries_personal_data(seeded, ministry_client, urlconf, host):
    client, user = ministry_client
    samples = {
        "int": str(seeded["id"]),
        "pk": str(seeded["id"]),
        "path": "x.txt",
        "str": "x",
        "slug": "x",
    }
    checked = 0
    for route in discover(urlconf, samples):
        if route.path is None:
            continue
        for suffix in ("", "?format=csv"):
            response = client.get(route.path + suffix, HTTP_HOST=host)
            content_type = response.get("Content-Type", "")
            if response.streaming or not content_type.startswith(("text/", "application/json")):
                continue  # binary files (PDF, XLSX) are public plans or refused anyway
            body = response.content.decode(errors="replace")
            assert _personal_data_in(body, user.email) == [], (
                route.path + suffix,
                response.status_code,
            )
            checked += 1
    assert checked > 10
