"""Tenant isolation, discovered from the URL confs: no outsider gets an alliance's data.

The routes are not listed by hand: ``tests.isolation.discover`` walks the public and
the alliance URL conf (API routers included once they exist), so a new endpoint is
covered the day it is added. The same walk checks that no page the ministry can open
carries personal data.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, transaction
from django.http import Http404, HttpResponse
from django.urls import path
from django_tenants.utils import schema_context

from config.sentry import EMAIL_RE, PHONE_RE
from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log
from tenants.models import State
from tenants.public import StateArea
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.partners import ContactPersonFactory, PartnerFactory
from tests.factories.tenants import UserFactory
from tests.isolation import (
    Outsider,
    Walk,
    audit,
    discover,
    outsiders_on,
    seed_sentinel_records,
)
from tests.samples_state import STATE_KEY

SENTINEL = "ISOLATION-SENTINEL-BFH"
SENTINEL_FILE_TEXT = "ISOLATION-SENTINEL-BFH-FILE"
SECRET_EMAIL = "geheim.bfh@example.org"
SECRET_NAME = "Geheima Koordinatorin"
SENTINELS = [
    SENTINEL,
    SENTINEL_FILE_TEXT,
    SECRET_EMAIL,
    SECRET_NAME,
    "sentinel.contact@example.org",
]
# The ministry's privacy walk: contact persons of both alliances, and its own address
# (which its pages may show).
CONTACT_NAMES = ["Ingeborg Vertraulich", "Bartholomäus Geheimnis"]
MINISTRY_EMAIL = "referat42@ministerium.example"


@dataclass
class World:
    """What the walks of this module read, seeded once for all its tests (each test's own
    changes are rolled back to a savepoint before the next one)."""

    data_of_b: dict
    outsiders: dict[str, Outsider]
    walk: Walk = field(default_factory=Walk)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Bad Frankenhausen's private records, each carrying a sentinel string; the
    contact persons the ministry must never see, in both alliances; the outsiders."""
    from tenants.models import Alliance

    with django_db_blocker.unblock(), transaction.atomic():
        jena, badfrankenhausen = (
            Alliance.objects.get(slug=s) for s in ("jena", "badfrankenhausen")
        )
        data_of_b = _private_data_of(badfrankenhausen)
        _personal_data_in_both()
        yield World(data_of_b, _outsiders(jena, badfrankenhausen))
        with schema_context("badfrankenhausen"):
            default_storage.delete(data_of_b["file"])
        transaction.set_rollback(True)


def _private_data_of(badfrankenhausen) -> dict:
    coordinator = person_with_role(
        Role.LOCAL_COORDINATOR,
        badfrankenhausen,
        user=UserFactory(email=SECRET_EMAIL, full_name=SECRET_NAME),
    )
    with schema_context("badfrankenhausen"):
        entry = audit_log(
            actor=coordinator,
            action="core.partner.created",
            changes={"contact": SENTINEL},
        )
        AuditEntry.objects.filter(pk=entry.pk).update(object_repr=SENTINEL)
        file_name = default_storage.save(
            "board/isolation/sentinel.txt", ContentFile(SENTINEL_FILE_TEXT)
        )
        records = seed_sentinel_records(SENTINEL)
    return {
        "entry_id": entry.pk,
        "record_id": records["id"],
        "file": file_name,
        "coordinator": coordinator,
    }


def _outsiders(jena, badfrankenhausen) -> dict[str, Outsider]:
    jena_coordinator = person_with_role(
        Role.LOCAL_COORDINATOR, jena, user=UserFactory(email="koordination@jena.example")
    )
    person_with_role(
        Role.LOCAL_COORDINATOR,
        badfrankenhausen,
        user=UserFactory(email="koordination@badfrankenhausen.example"),
    )
    ministry = person_with_role(
        Role.MINISTRY, user=UserFactory(email=MINISTRY_EMAIL, full_name="Referat 42")
    )
    # The other levels: another state's office sees its own state only, the federal
    # service office aggregates only; neither may meet a Thuringian alliance's data.
    saxony_office = person_with_role(Role.STATE_COORDINATOR, state=State.objects.get(key="14"))
    federal_office = person_with_role(Role.FEDERAL_OFFICE)
    return outsiders_on(
        "badfrankenhausen.localhost",
        {
            "Jena's coordinator": jena_coordinator,
            "the ministry": ministry,
            "Saxony's state office": saxony_office,
            "the federal service office": federal_office,
        },
    )


@pytest.fixture
def private_data_of_b(world, badfrankenhausen) -> dict:
    return world.data_of_b


@pytest.fixture
def outsiders(world, jena) -> dict[str, Outsider]:
    return world.outsiders


def _samples(data) -> dict[str, str]:
    return {
        "int": str(data["record_id"]),  # ids of B's records, asked for elsewhere
        "pk": str(data["record_id"]),  # the API routers' detail routes
        "path": data["file"],
        "str": "x",
        "slug": "x",
        "uuid": "00000000-0000-0000-0000-000000000000",
        "uidb64": "MQ",
        "state_key": STATE_KEY,  # a state's official key (the state host's states)
        "token": "set-password",
        "app_label": "audit",
        "model_name": "auditentry",
        "object_id": str(data["record_id"]),
    }


def _audit_of_b(
    routes, badfrankenhausen, outsiders, walk: Walk | None = None, insider: Outsider | None = None
) -> list[str]:
    """What the audit finds on Bad Frankenhausen's host for ``routes``."""
    return audit(
        routes,
        host="badfrankenhausen.localhost",
        tenant=badfrankenhausen,
        outsiders=outsiders,
        sentinels=SENTINELS,
        walk=walk,
        insider=insider,
    )


@pytest.mark.slow
def test_every_alliance_route_keeps_bs_data_from_outsiders(
    badfrankenhausen, private_data_of_b, outsiders, world
):
    routes = discover("config.urls_tenant", _samples(private_data_of_b))
    assert len(routes) > 20  # the walk found the workspace, accounts and admin routes
    # B's coordinator tells which routes export; the outsiders are asked for those.
    insider = Outsider(
        logged_in_client(private_data_of_b["coordinator"], "badfrankenhausen.localhost"),
        private_data_of_b["coordinator"],
    )
    problems = _audit_of_b(routes, badfrankenhausen, outsiders, world.walk, insider)
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
def test_every_state_route_keeps_bs_data_from_outsiders(private_data_of_b, outsiders, world):
    routes = discover("config.urls_public", _samples(private_data_of_b))
    # No insider here: a state office created for it would be named on /state/, in the
    # answers the ministry's privacy walk reads again (every route's export is asked).
    problems = audit(
        routes,
        host="localhost",
        tenant=StateArea("localhost"),
        outsiders=outsiders,
        sentinels=SENTINELS,
        walk=world.walk,
    )
    assert problems == [], "\n".join(problems)


def test_bs_own_coordinator_does_see_the_sentinel_so_the_audit_can_see_leaks(
    private_data_of_b,
):
    client = logged_in_client(private_data_of_b["coordinator"], "badfrankenhausen.localhost")
    assert SENTINEL in client.get("/workspace/audit/").content.decode()
    download = client.get("/media/" + private_data_of_b["file"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == SENTINEL_FILE_TEXT.encode()


# ---------------------------------------------------------------- the audit catches a new view


def _leaky_view(request):
    """What a forgetful developer might add: a list without the permission layer."""
    return HttpResponse(", ".join(AuditEntry.objects.values_list("object_repr", flat=True)))


@pytest.fixture
def urlconf_with_unprotected_view(settings):
    from config.urls_tenant import urlpatterns

    module = types.ModuleType("tests._leaky_urls")
    module.urlpatterns = [*urlpatterns, path("workspace/new-list/", _leaky_view)]
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__  # what alliance hosts are served from
    yield module.__name__
    del sys.modules[module.__name__]


@pytest.mark.slow
def test_the_audit_catches_a_view_that_forgets_the_permission_layer(
    badfrankenhausen, private_data_of_b, outsiders, urlconf_with_unprotected_view
):
    samples = _samples(private_data_of_b)
    # The discovery walks the whole URL conf; the audit of the routes that were there
    # before is test_every_alliance_route_keeps_bs_data_from_outsiders, so only what the
    # developer added is asked for here.
    before = set(discover("config.urls_tenant", samples))
    routes = [r for r in discover(urlconf_with_unprotected_view, samples) if r not in before]
    assert [route.path for route in routes] == ["/workspace/new-list/"]
    problems = _audit_of_b(routes, badfrankenhausen, outsiders)
    assert any("workspace/new-list/" in p and "not guarded" in p for p in problems)
    leaks = [p for p in problems if p.startswith("/workspace/new-list/ leaks")]
    assert {p.split(" to ")[1].split(" on ")[0] for p in leaks} == {
        "anonymous",
        "Jena's coordinator",
        "the ministry",
        "Saxony's state office",
        "the federal service office",
    }


def _leaky_export(request):
    """A page that refuses everyone, but whose CSV export forgets to."""
    if request.GET.get("format") != "csv":
        raise Http404
    response = HttpResponse(
        ", ".join(AuditEntry.objects.values_list("object_repr", flat=True)),
        content_type="text/csv",
    )
    response["Content-Disposition"] = 'attachment; filename="liste.csv"'
    return response


@pytest.mark.slow
def test_the_audit_asks_the_outsiders_for_every_export_the_insider_gets(
    badfrankenhausen, private_data_of_b, outsiders, settings
):
    from config.urls_tenant import urlpatterns

    module = types.ModuleType("tests._leaky_export_urls")
    module.urlpatterns = [
        *urlpatterns,
        path("workspace/leaky-export/", _leaky_export),
        path("workspace/not-a-list/", lambda request: HttpResponse("Nichts")),
    ]
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    try:
        routes = [r for r in discover(module.__name__, {}) if "/workspace/" in (r.path or "")]
        routes = [r for r in routes if r.path.endswith(("leaky-export/", "not-a-list/"))]
        coordinator = private_data_of_b["coordinator"]
        insider = Outsider(logged_in_client(coordinator, "badfrankenhausen.localhost"), coordinator)
        walk = Walk()
        problems = _audit_of_b(routes, badfrankenhausen, outsiders, walk, insider)
    finally:
        del sys.modules[module.__name__]
    leaks = {p.split(" to ")[1] for p in problems if "?format=csv leaks" in p}
    assert leaks == set(outsiders), problems
    # The page that exports nothing was not asked for an export by the outsiders.
    asked = {key[2] for key in walk._answers if key[0] != coordinator.pk}
    assert "/workspace/not-a-list/?format=csv" not in asked
    assert "/workspace/not-a-list/" in asked


# ---------------------------------------------------------------- the ministry's privacy
# The ministry sees aggregated figures only: no page it can open carries an e-mail
# address, a phone number or a contact person's name, whatever the alliances hold. It
# asks with the audit's walk: on Bad Frankenhausen's host and the state host most of its
# answers are those the audit read for "the ministry".


def _personal_data_in_both() -> None:
    """A listed partner's contact person in each alliance, and a record of every
    workspace model in Jena (Bad Frankenhausen's are the audit's sentinel records)."""
    for schema, (first, last) in zip(
        ("jena", "badfrankenhausen"), (n.split() for n in CONTACT_NAMES), strict=True
    ):
        with schema_context(schema):
            partner = PartnerFactory(public_listing_consent=True, name=f"Offene Firma {schema}")
            ContactPersonFactory(
                partner=partner, first_name=first, last_name=last,
                email=f"{last.lower()}@firma.example", phone="+49 3641 7654321",
            )  # fmt: skip
    with schema_context("jena"):
        seed_sentinel_records("PRIVACY-SENTINEL")


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
def test_no_page_the_ministry_opens_carries_personal_data(world, jena, urlconf, host):
    ministry = world.outsiders["the ministry"]
    record_id = str(world.data_of_b["record_id"])  # the same id in both alliances
    samples = {"int": record_id, "pk": record_id, "path": "x.txt", "str": "x", "slug": "x"}
    checked = 0
    for route in discover(urlconf, samples):
        if route.path is None:
            continue
        for suffix in ("", "?format=csv"):
            response = world.walk.ask(ministry, host, route.path + suffix)
            content_type = response.get("Content-Type", "")
            if response.streaming or not content_type.startswith(("text/", "application/json")):
                continue  # binary files (PDF, XLSX) are public plans or refused anyway
            assert _personal_data_in(response.text, MINISTRY_EMAIL) == [], (
                route.path + suffix,
                response.status_code,
            )
            checked += 1
    assert checked > 10


# ---------------------------------------------------------------- hosts, ids, files, cache


def test_forwarded_host_header_cannot_switch_the_alliance(jena, private_data_of_b):
    client = host_client("jena.localhost", HTTP_X_FORWARDED_HOST="badfrankenhausen.localhost")
    response = client.get("/")
    assert response.wsgi_request.tenant.schema_name == "jena"
    assert "Bad Frankenhausen" not in response.content.decode()


def test_record_ids_of_another_alliance_are_not_found_in_this_one(
    private_data_of_b, coordinator_client
):
    with schema_context("jena"):
        assert not AuditEntry.objects.filter(object_repr=SENTINEL).exists()
    response = coordinator_client.get("/workspace/audit/", {"q": SENTINEL})
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []


def test_uploaded_files_live_under_the_schema_and_are_served_only_there(
    private_data_of_b, coordinator_client
):
    with schema_context("badfrankenhausen"):
        assert "/badfrankenhausen/" in default_storage.path(private_data_of_b["file"])
    client = coordinator_client
    assert client.get("/media/" + private_data_of_b["file"]).status_code == 404
    for escape in (
        "board/../../badfrankenhausen/board/isolation/sentinel.txt",
        "../badfrankenhausen/board/isolation/sentinel.txt",
        "%2e%2e/badfrankenhausen/x",
    ):
        assert client.get("/media/" + escape).status_code == 404


def test_cache_keys_carry_the_schema(jena, badfrankenhausen):
    with schema_context("jena"):
        cache.set("partner-count", 71)
    with schema_context("badfrankenhausen"):
        assert cache.get("partner-count") is None
        cache.set("partner-count", 12)
    with schema_context("jena"):
        assert cache.get("partner-count") == 71
        cache.delete("partner-count")
    with schema_context("badfrankenhausen"):
        cache.delete("partner-count")


def test_a_database_error_inside_a_savepoint_leaves_the_connection_on_the_right_schema(
    jena, badfrankenhausen, settings
):
    assert settings.TENANT_LIMIT_SET_CALLS is True  # tests/tenants/test_search_path.py
    with schema_context("badfrankenhausen"):
        audit_log(actor=None, action="core.partner.created", changes={"only": "bfh"})
    with schema_context("jena"):
        jena_count = AuditEntry.objects.count()
        # Violates the check constraint on action: a real database error in a savepoint.
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO audit_auditentry (created_at, actor_label, action, "
                "object_type, object_id, object_repr, changes) "
                "VALUES (now(), '', 'BAD', '', '', '', '{}')"
            )
        assert connection.schema_name == "jena"
        with connection.cursor() as cursor:
            cursor.execute("SHOW search_path")
            assert cursor.fetchone()[0].split(",")[0].strip() == "jena"
        assert AuditEntry.objects.count() == jena_count
        assert not AuditEntry.objects.filter(changes__only="bfh").exists()


def test_media_serves_only_known_areas_to_roles_that_cover_them(jena):
    with schema_context("jena"):
        board_file = default_storage.save("board/1/protokoll.pdf", ContentFile(b"%PDF-1.4 x"))
        staging = default_storage.save("imports/abc.csv", ContentFile(b"Name;Art"))
    try:
        coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
        contact = person_with_role(Role.PARTNER_CONTACT, jena, partner_id=1)
        client = logged_in_client(coordinator)
        assert client.get("/media/" + board_file).status_code == 200
        assert client.get("/media/" + staging).status_code == 404  # never served
        client.force_login(contact)
        assert client.get("/media/" + board_file).status_code == 404
    finally:
        with schema_context("jena"):
            default_storage.delete(board_file)
            default_storage.delete(staging)
