"""The demo alliances, their coordinators and the logins that `make demo` creates
(idempotently). Their workspaces are filled by ``demo.workspace``, the state layer's content
by ``demo.state``; ``manage.py seed_demo`` runs them in order."""

from __future__ import annotations

import datetime
import functools

from django.conf import settings
from django.contrib.auth.hashers import make_password

from kernel.crud.records import record_update
from tenants.models import Alliance, AllianceStatus, Membership, State, User
from tenants.roles import STATE_ROLES, Role
from tenants.services.alliances import alliance_create
from tenants.services.memberships import membership_create
from tenants.services.provisioning import template_is_current
from tenants.services.states import state_office_update

DEMO_PASSWORD = "demo-passwort"  # noqa: S105 - documented demo login, never in production
SUPPORT_EMAIL = "admin@demo.example"

# The demo alliances, one per district. Jena and Bad Frankenhausen come first: tests,
# documentation and outside checks rely on their slugs, names and logins. ``town`` and
# ``coordinator`` are not fields of the alliance: the workspace content and the
# coordinator records of the other alliances use them.
DEMO_ALLIANCES = [
    {
        "slug": slug,
        "name": f"Lokales Bündnis für Familie {town}",
        "state": district[:2],  # the official key's first two digits name the state
        "district": district,
        "host_organisation": host,
        "founded_on": founded_on,
        "town": town,
        "coordinator": coordinator,
    }
    for slug, town, district, host, founded_on, coordinator in [
        # Jena's and Bad Frankenhausen's coordinators are demo logins (DEMO_ACCOUNTS).
        ("jena", "Jena", "16053", "Stadt Jena, Fachdienst Familie und Bildung",
         datetime.date(2004, 10, 1), None),
        ("badfrankenhausen", "Bad Frankenhausen", "16065",
         "Stadt Bad Frankenhausen/Kyffhäuser", datetime.date(2008, 5, 15), None),
        ("erfurt", "Erfurt", "16051", "Landeshauptstadt Erfurt, Jugendamt",
         datetime.date(2005, 3, 8), "Katrin Vogel"),
        ("weimar", "Weimar", "16055", "Stadt Weimar, Familienbüro",
         datetime.date(2006, 9, 21), "Thomas Brückner"),
        ("gera", "Gera", "16052", "Stadt Gera, Fachdienst Jugend und Familie",
         datetime.date(2005, 11, 3), "Sabine Kretschmer"),
        ("gotha", "Gotha", "16067", "Landratsamt Gotha, Familienbüro",
         datetime.date(2007, 4, 17), "Andreas Heinze"),
        ("eisenach", "Eisenach", "16056", "Stadt Eisenach, Sozialamt",
         datetime.date(2006, 6, 1), "Claudia Rommel"),
        ("nordhausen", "Nordhausen", "16062",
         "Landratsamt Nordhausen, Familienservice", datetime.date(2005, 10, 12),
         "Martin Ehrhardt"),
        ("suhl", "Suhl", "16054", "Stadt Suhl, Familienzentrum",
         datetime.date(2008, 2, 26), "Ines Büttner"),
        ("muehlhausen", "Mühlhausen", "16064",
         "Mehrgenerationenhaus Mühlhausen", datetime.date(2007, 9, 5), "Jörg Landgraf"),
        ("altenburg", "Altenburg", "16077",
         "Landratsamt Altenburger Land, Jugendamt", datetime.date(2006, 1, 19),
         "Petra Seifert"),
        ("saalfeld", "Saalfeld", "16073",
         "Stadt Saalfeld/Saale, Fachbereich Soziales", datetime.date(2009, 3, 30),
         "Ronny Schubert"),
        ("sonneberg", "Sonneberg", "16072", "Landratsamt Sonneberg",
         datetime.date(2010, 5, 6), "Franziska Eckardt"),
        ("ilmenau", "Ilmenau", "16070", "Stadt Ilmenau, Familienbüro",
         datetime.date(2008, 10, 9), "Stefan Möller"),
        ("soemmerda", "Sömmerda", "16068", "Landratsamt Sömmerda",
         datetime.date(2011, 2, 15), "Anja Pfeiffer"),
        ("poessneck", "Pößneck", "16075", "Stadt Pößneck, Bürgerbüro Familie",
         datetime.date(2012, 7, 3), "Uwe Hartung"),
        # A second state with an office of its own (Saxony): its office sees these four
        # and Thuringia's none of them.
        ("leipzig", "Leipzig", "14713", "Stadt Leipzig, Amt für Jugend und Familie",
         datetime.date(2006, 3, 14), "Kerstin Hoffmann"),
        ("dresden", "Dresden", "14612", "Landeshauptstadt Dresden, Jugendamt",
         datetime.date(2005, 9, 22), "Matthias Krause"),
        ("zwickau", "Zwickau", "14524", "Stadt Zwickau, Familienbüro",
         datetime.date(2008, 6, 10), "Susanne Lorenz"),
        ("goerlitz", "Görlitz", "14626", "Landratsamt Görlitz, Familienservice",
         datetime.date(2010, 11, 4), "Robert Wagner"),
    ]
]  # fmt: skip

# What ``alliance_create`` takes of an entry above (the state as its row).
ALLIANCE_FIELDS = ("slug", "name", "district", "host_organisation", "founded_on")

# The second state's coordination office, as its page and letterheads show it.
SAXONY = "14"
SAXONY_OFFICE = {
    "host_organisation": "Familienbund Sachsen e. V. (Demo)",
    "address": "Musterstraße 12\n01067 Dresden",
    "contact_name": "Claudia Demmler",
    "email": "land.sachsen@demo.example",
    "phone": "0351 000000",
    "ministry": "Sächsisches Staatsministerium für Soziales (Demo)",
}


def coordinator_email(slug: str) -> str:
    """The demo coordinator's address of an alliance (a login for Jena and Bad
    Frankenhausen, a record without a password for the others)."""
    return f"{slug}@demo.example"


def _user(email: str, name: str, password: str | None) -> tuple[User, bool]:
    """The account of ``email``, created if missing (``password`` None: no login);
    (user, created)."""
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user, False
    if password is None:
        return User.objects.create_user(email, None, full_name=name), True
    # As ``create_user`` makes it, but with the one demo password hashed once for every
    # login (each hash takes a tenth of a second; a salt of its own per login adds nothing).
    user = User(email=User.objects.normalize_email(email).lower(), full_name=name)
    user.password = _hashed(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user, True


@functools.cache
def _hashed(password: str) -> str:
    """``password`` hashed as ``User.set_password`` would (PBKDF2 under ``make demo``)."""
    return make_password(password)


def _grant(user: User, role: Role, alliance: Alliance | None, **extra) -> None:
    """Give ``user`` the ``role`` in ``alliance`` unless it has it already."""
    if not Membership.objects.filter(user=user, role=role, alliance=alliance).exists():
        membership_create(actor=None, user=user, role=role, alliance=alliance, **extra)


def seed_alliances() -> list[tuple[Alliance, bool]]:
    """Create the demo alliances that do not exist yet, marked as demo data; returns
    (alliance, created) pairs.

    Schemas are copied from the template (``make demo`` runs ``ensure_template_schema``
    first); without a current template they are migrated, which takes longer.
    """
    copy_template = template_is_current()
    results = []
    for data in DEMO_ALLIANCES:
        alliance = Alliance.objects.filter(slug=data["slug"]).first()
        created = alliance is None
        if created:
            fields = {name: data[name] for name in ALLIANCE_FIELDS}
            alliance = alliance_create(
                actor=None,
                status=AllianceStatus.ACTIVE,
                copy_template=copy_template,
                state=State.objects.get(key=data["state"]),
                **fields,
            )
        if not alliance.is_demo:
            alliance = record_update(
                actor=None,
                instance=alliance,
                data={"is_demo": True},
                action="tenants.alliance.marked_demo",
            )
        results.append((alliance, created))
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
    # carers
    ("pool@demo.example", "Betreuungspool Jena (Demo)", Role.POOL_STAFF, "jena"),
]
# The second state's office: the state area shows it Saxony's alliances only.
SAXONY_ACCOUNT = ("land.sachsen@demo.example", "Landeskoordination Sachsen (Demo)")


def seed_accounts() -> list[tuple[str, Role, str | None, bool]]:
    """Create the demo accounts and their roles if missing; (email, role, where, created):
    ``where`` is the alliance's slug, or for a state role the state's name (two states'
    offices hold the same role)."""
    results = []
    home = State.objects.get(key=settings.BUENDNISNETZ_HOME_STATE)
    for email, name, role, slug in DEMO_ACCOUNTS:
        user, created = _user(email, name, DEMO_PASSWORD)
        _grant(user, role, Alliance.objects.get(slug=slug) if slug else None)
        where = slug or (home.name if role in STATE_ROLES else None)
        results.append((email, role, where, created))
    saxony = State.objects.get(key=SAXONY)
    if not saxony.host_organisation:
        state_office_update(actor=None, state=saxony, **SAXONY_OFFICE)
    email, name = SAXONY_ACCOUNT
    user, created = _user(email, name, DEMO_PASSWORD)
    if not Membership.objects.filter(user=user, state=saxony).exists():
        membership_create(actor=None, user=user, role=Role.STATE_COORDINATOR, state=saxony)
    results.append((email, Role.STATE_COORDINATOR, saxony.name, created))
    return results


# A partner's contact person in Jena (the role needs a partner: seeded after the workspace).
PARTNER_CONTACT_LOGIN = ("partner.jena@demo.example", "Partnerkontakt Jena (Demo)", "jena")


def seed_partner_contact() -> tuple[str, Role, str, bool]:
    """The demo login of a partner's contact person: for the active company in Jena with
    the most care guides (they maintain their organisation's care guides, its seal
    self-assessment and its applications). (email, role, slug, created)."""
    from django.db.models import Count
    from django_tenants.utils import tenant_context

    from core.models import Partner, PartnerKind, PartnerStatus

    email, name, slug = PARTNER_CONTACT_LOGIN
    alliance = Alliance.objects.get(slug=slug)
    with tenant_context(alliance):
        partner = (
            Partner.objects.filter(status=PartnerStatus.ACTIVE, kind=PartnerKind.COMPANY)
            .annotate(guides=Count("care_guides"))
            .order_by("-guides", "pk")
            .first()
        )
    user, created = _user(email, name, DEMO_PASSWORD)
    role = Role.PARTNER_CONTACT
    if partner is not None:
        _grant(user, role, alliance, partner_id=partner.pk)
    return email, role, slug, created


def seed_coordinators() -> list[tuple[str, bool]]:
    """The local coordinators of the alliances without a demo login: accounts without a
    password (nobody can log in with them), so that the alliances have a coordinator to
    invite and to show. Returns (email, created) pairs."""
    results = []
    logins = {email for email, _name, _role, _slug in DEMO_ACCOUNTS}
    for data in DEMO_ALLIANCES:
        email = coordinator_email(data["slug"])
        if email in logins:
            continue
        user, created = _user(email, data["coordinator"], None)
        _grant(user, Role.LOCAL_COORDINATOR, Alliance.objects.get(slug=data["slug"]))
        results.append((email, created))
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
