"""The demo alliances and the support login that `make demo` creates (idempotently)."""

from __future__ import annotations

import datetime

from django.conf import settings

from tenants.districts import District
from tenants.models import Alliance, AllianceStatus, Membership, User
from tenants.roles import Role
from tenants.services.alliances import alliance_create
from tenants.services.memberships import membership_create

DEMO_PASSWORD = "demo-passwort"  # noqa: S105 - documented demo login, never in production
SUPPORT_EMAIL = "admin@demo.example"

DEMO_ALLIANCES = [
    {
        "slug": "jena",
        "name": "Lokales Bündnis für Familie Jena",
        "district": District.JENA,
        "host_organisation": "Stadt Jena, Fachdienst Familie und Bildung",
        "founded_on": datetime.date(2004, 10, 1),
    },
    {
        "slug": "badfrankenhausen",
        "name": "Lokales Bündnis für Familie Bad Frankenhausen",
        "district": District.KYFFHAEUSERKREIS,
        "host_organisation": "Stadt Bad Frankenhausen/Kyffhäuser",
        "founded_on": datetime.date(2008, 5, 15),
    },
]


def seed_alliances() -> list[tuple[Alliance, bool]]:
    """Create the demo alliances that do not exist yet; returns (alliance, created) pairs."""
    results = []
    for data in DEMO_ALLIANCES:
        existing = Alliance.objects.filter(slug=data["slug"]).first()
        if existing is not None:
            results.append((existing, False))
            continue
        alliance = alliance_create(actor=None, status=AllianceStatus.ACTIVE, **data)
        results.append((alliance, True))
    return results


# Stable demo logins: the documentation and outside checks rely on them.
DEMO_ACCOUNTS = [
    ("land@demo.example", "Landeskoordination (Demo)", Role.STATE_COORDINATOR, None),
    ("ministerium@demo.example", "Ministerium (Demo)", Role.MINISTRY, None),
    ("jena@demo.example", "Koordination Jena (Demo)", Role.LOCAL_COORDINATOR, "jena"),
    ("kuratorium.jena@demo.example", "Kuratorium Jena (Demo)", Role.BOARD_MEMBER, "jena"),
    (
        "badfrankenhausen@demo.example",
        "Koordination Bad Frankenhausen (Demo)",
        Role.LOCAL_COORDINATOR,
        "badfrankenhausen",
    ),
]


def seed_accounts() -> list[tuple[str, Role, str | None, bool]]:
    """Create the demo accounts and their roles if missing; (email, role, slug, created)."""
    results = []
    for email, name, role, slug in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        created = user is None
        if created:
            user = User.objects.create_user(email, DEMO_PASSWORD, full_name=name)
        alliance = Alliance.objects.get(slug=slug) if slug else None
        if not Membership.objects.filter(user=user, role=role, alliance=alliance).exists():
            membership_create(actor=None, user=user, role=role, alliance=alliance)
        results.append((email, role, slug, created))
    return results


def seed_support_user() -> tuple[User, bool]:
    user = User.objects.filter(email=SUPPORT_EMAIL).first()
    if user is not None:
        return user, False
    user = User.objects.create_superuser(SUPPORT_EMAIL, DEMO_PASSWORD, full_name="Support (Demo)")
    return user, True


def demo_urls(port: int = 8000) -> list[tuple[str, str]]:
    base = settings.BASE_DOMAIN
    urls = [("Landeskoordination", f"http://{base}:{port}/")]
    for data in DEMO_ALLIANCES:
        urls.append((data["name"], f"http://{data['slug']}.{base}:{port}/"))
    return urls
