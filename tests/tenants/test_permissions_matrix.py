"""The permission matrix, asked over HTTP: every route of both hosts, as every role.

The routes are discovered from the two URL confs (API routers included), as the
isolation audit does; each route's permission key comes from the permission layer
itself (``@requires`` on HTML views, ``required_permissions`` per action on API
viewsets), and a route without one fails. For every route, role and action (GET,
CSV export, POST; the API's declared actions) the answer must be "allowed" exactly
when ``tenants.permissions`` grants the key: refused means 404 to logged-in people,
a login redirect (HTML) or 401 (API) to anonymous visitors.

Field-level cells: every API route that writes a model with field rules is asked to
change each guarded field as every role (200 when the matrix grants it, 403 to someone
who may edit the record but not that field, a refusal to everyone else).

The walk also reads every page a person is shown in German (``german_problems``): no
English text of the catalogue, no dotted program code, no bare "---------" choice; the
visitor without login is read in tests/config/test_german_ui.py.

The matrix itself is also the source of docs/roles.md: the document must equal what
``tenants.roles_doc`` writes from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django_tenants.utils import schema_context

from kernel.audit.services import audit_log
from tenants.permissions import EXPORT_PERMISSION, RULES, access_of
from tenants.public import StateArea
from tenants.roles import Role
from tenants.roles_doc import DOC_PATH, roles_markdown
from tests.conftest import logged_in_client, person_with_role
from tests.factories.partners import PartnerFactory
from tests.isolation import Route, discover, seed_sentinel_records
from tests.samples_state import (
    RECORD_ID,
    STATE_KEY,
    STATE_LOGO_FILE,
    seed_every_state_record,
)
from tests.translations import EnglishFinder, catalogue, german_problems

SENTINEL = "MATRIX-SENTINEL"
# Every workspace record of the sample alliance has this id (tests/isolation.py), so a
# route's <int:...> always names an existing record; the own partner is one of them.
SAMPLE_OBJECT = SimpleNamespace(pk=RECORD_ID, partner_id=RECORD_ID)
MEDIA_FILE = "board/matrix/sample.txt"
# The library versions' files (their names as the seeds give them).
LIBRARY_FILE = f"library/{RECORD_ID}/v{RECORD_ID}-sentinel.pdf"
STATE_LIBRARY_FILE = "library/state/sample.pdf"
HOSTS = {"alliance": "jena.localhost", "state": "localhost"}
URLCONFS = {"alliance": "config.urls_tenant", "state": "config.urls_public"}
# The person who holds every permission of the area: their answers tell which routes
# export, and which detail routes have no sample record (so "allowed" cannot be seen).
REFERENCE = {"alliance": "local coordinator", "state": "state coordinator"}
# A state office of another state than the sample records' (Thuringia's).
OTHER_STATE = "state office of another state"
# Records on the state host that belong to no one state, so every office reads them:
# the 16 states with their logos (the directory), and a statistics refresh, which
# counts every alliance of the installation.
# (path prefix, methods): the run pages answer a POST as a GET.
SHARED_ACROSS_STATES = (
    (f"/state/{STATE_KEY}/logo/", ("GET", "HEAD")),
    (f"/api/v1/states/{STATE_KEY}/", ("GET", "HEAD")),
    ("/dashboard/runs/", ("GET", "HEAD", "POST")),
)
# Marks that are not permission keys of the matrix: checked elsewhere.
NOT_IN_MATRIX = {"public", "django", "admin"}


def test_roles_document_is_generated_from_the_matrix():
    assert DOC_PATH.read_text(encoding="utf-8") == roles_markdown(), (
        "docs/roles.md differs from tenants/permissions.py: run `python manage.py roles_doc`."
    )


@dataclass(frozen=True)
class Person:
    label: str
    user: object | None


@pytest.fixture
def board_file(jena, settings, tmp_path):
    """A stored board file, so /media/ is asked for something that exists."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage, storages

    # django-tenants caches the media root and ignores a changed MEDIA_ROOT: forget it
    # before and after, so neither this test nor a later one writes to the wrong place.
    settings.MEDIA_ROOT = tmp_path
    storages["default"].__dict__.pop("relative_media_root", None)
    # The library's sample versions (tests/isolation_seeds_library.py, the state
    # document below) have files too, so that downloading them is seen allowed.
    stored = [
        ("jena", MEDIA_FILE),
        ("jena", LIBRARY_FILE),
        ("public", STATE_LIBRARY_FILE),
        ("public", STATE_LOGO_FILE),  # the home state's logo
    ]
    for schema, path in stored:
        with schema_context(schema):
            assert default_storage.save(path, ContentFile(SENTINEL.encode())) == path
    yield MEDIA_FILE
    for schema, path in stored:
        with schema_context(schema):
            default_storage.delete(path)
    storages["default"].__dict__.pop("relative_media_root", None)


@pytest.fixture
def people(jena, board_file) -> list[Person]:
    with schema_context("jena"):
        seed_sentinel_records(SENTINEL)
        foreign = PartnerFactory(name="Fremder Partner")
        # A change in the audit trail: told as a sentence, never by its code.
        audit_log(actor=None, action="core.partner.updated", target=foreign)
    seed_every_state_record(jena, title=SENTINEL, library_file=STATE_LIBRARY_FILE)
    return [
        Person("anonymous", None),
        Person("state coordinator", person_with_role(Role.STATE_COORDINATOR)),
        Person("ministry", person_with_role(Role.MINISTRY)),
        Person("local coordinator", person_with_role(Role.LOCAL_COORDINATOR, jena)),
        Person("board member", person_with_role(Role.BOARD_MEMBER, jena)),
        Person(
            "partner contact (own partner)",
            person_with_role(Role.PARTNER_CONTACT, jena, partner_id=RECORD_ID),
        ),
        Person(
            "partner contact (foreign partner)",
            person_with_role(Role.PARTNER_CONTACT, jena, partner_id=foreign.pk),
        ),
        Person("pool staff", person_with_role(Role.POOL_STAFF, jena)),  # carers
        Person("federal office", person_with_role(Role.FEDERAL_OFFICE)),  # federal
        # Saxony's office holds the state coordinator's role for another state: on the
        # state host the matrix grants it the same keys, and the scope keeps Thuringia's
        # records from it (OTHER_STATE below); in Jena's workspace its role does not count.
        Person(OTHER_STATE, person_with_role(Role.STATE_COORDINATOR, state=_saxony())),
    ]


def _saxony():
    from tenants.models import State

    return State.objects.get(key="14")


def _samples() -> dict[str, str]:
    return {
        "int": str(RECORD_ID),
        "pk": str(RECORD_ID),
        "path": MEDIA_FILE,
        "str": "x",
        "slug": "x",
        "uuid": "00000000-0000-0000-0000-000000000000",
        "uidb64": "MQ",
        "state_key": STATE_KEY,
        "token": "set-password",
        "number": str(RECORD_ID),  # a library document's version
    }


# ---------------------------------------------------------------- route -> permission key


def _api_actions(route: Route) -> dict[str, str | None] | None:
    """method -> permission key for an API viewset route; None for other routes."""
    actions = getattr(route.view, "actions", None)
    cls = getattr(route.view, "cls", None)
    if not actions or cls is None:
        return None
    codes = getattr(cls, "required_permissions", {})
    # DRF adds HEAD to a viewset's actions at its first request: asked here always, so
    # the walk does not depend on which test reached the route first in this process.
    if "get" in actions:
        actions = {"head": actions["get"], **actions}
    return {method: codes.get(action) or codes.get("*") for method, action in actions.items()}


def _html_key(route: Route) -> str | None:
    return route.protection


def _routes(area: str) -> list[Route]:
    return [r for r in discover(URLCONFS[area], _samples()) if r.namespace != "admin"]


def test_every_route_is_mapped_to_a_permission_key():
    unmapped = []
    for area in URLCONFS:
        for route in _routes(area):
            actions = _api_actions(route)
            if actions is not None:
                unmapped += [f"{route.pattern} {m.upper()}" for m, c in actions.items() if not c]
                unknown = {c for c in actions.values() if c} - set(RULES) - {"public"}
                unmapped += [f"{route.pattern}: unknown key {c}" for c in unknown]
            elif _html_key(route) is None:
                unmapped.append(f"{route.pattern} ({route.view_name})")
            elif _html_key(route) not in RULES and _html_key(route) not in (
                NOT_IN_MATRIX | {"account.self"}
            ):
                unmapped.append(f"{route.pattern}: unknown key {_html_key(route)}")
            if route.path is None:
                unmapped.append(f"{route.pattern}: no sample path")
    assert unmapped == [], "\n".join(unmapped)


# ---------------------------------------------------------------- the walk


class Matrix:
    """What the permission layer grants each person on one host. Every person's access
    is read once per walk (``access_of`` asks the database for the memberships, and the
    walk's requests are rolled back, so they stay as they are)."""

    def __init__(self, people: list[Person], tenant, area: str):
        self.area = area
        self.accesses = {p.label: access_of(p.user or AnonymousUser(), tenant) for p in people}

    def expected(self, person: Person, key: str) -> bool:
        if key == "account.self":
            return person.user is not None
        return self.accesses[person.label].can(key, SAMPLE_OBJECT)

    def may_export(self, person: Person, key: str) -> bool:
        if not self.expected(person, key) or key not in RULES:
            return False
        area_code = EXPORT_PERMISSION[self.area]
        return area_code is None or self.accesses[person.label].can(area_code)


def _denied(response, anonymous: bool, api: bool) -> bool:
    if api:
        return response.status_code == (401 if anonymous else 404)
    if anonymous:
        return response.status_code == 302 and "/accounts/login/" in response["Location"]
    return response.status_code == 404


def _refusal(response) -> bool:
    """An answer that refuses (whoever asked): not found, forbidden, login."""
    if response.status_code in (401, 403, 404):
        return True
    return response.status_code == 302 and "/accounts/login/" in response.get("Location", "")


def _is_page(response) -> bool:
    """An HTML page shown to the person (a download or a redirect is none)."""
    return (
        response.status_code == 200
        and not response.streaming
        and "html" in response.get("Content-Type", "")
    )


def _is_export(response) -> bool:
    """A list's CSV download (a stored file is a download, not a list export)."""
    return (
        response.status_code == 200
        and "attachment" in response.get("Content-Disposition", "")
        and response.get("Content-Type", "").startswith("text/csv")
    )


def _ask(client, method: str, path: str, host: str, api: bool):
    """One request, inside a savepoint that is rolled back (a POST may delete)."""
    kwargs = {"HTTP_HOST": host}
    if api and method in ("post", "put", "patch"):
        kwargs.update(data="{}", content_type="application/json")
    with transaction.atomic():
        response = getattr(client, method)(path, **kwargs)
        if response.streaming:
            b"".join(response.streaming_content)
        transaction.set_rollback(True)
    return response


def _requests(route: Route) -> list[tuple[str, str, str | None, bool]]:
    """(method, path, key, is_api) for each action the route offers."""
    actions = _api_actions(route)
    if actions is not None:
        return [(m, route.path, c, True) for m, c in actions.items() if m != "options"]
    return [(m, route.path, _html_key(route), False) for m in ("get", "post")]


@pytest.mark.slow
@pytest.mark.parametrize("area", ["alliance", "state"])
def test_every_route_answers_every_role_as_the_matrix_says(area, people, jena):
    if area == "alliance":
        # In Jena's workspace Saxony's office holds no role, as the federal office holds
        # none: the permission layer cannot tell them apart there, so one is asked (and
        # the isolation walk asks both on another alliance's host).
        by_label = {p.label: p.user for p in people}
        assert not access_of(by_label[OTHER_STATE], jena).roles
        assert not access_of(by_label["federal office"], jena).roles
        people = [p for p in people if p.label != OTHER_STATE]
    host = HOSTS[area]
    tenant = jena if area == "alliance" else StateArea(host)
    routes = [r for r in _routes(area) if r.path is not None]
    clients = {}
    for person in people:
        client = logged_in_client(person.user, host, walk=True)
        client.raise_request_exception = False
        clients[person.label] = client
    reference = next(p for p in people if p.label == REFERENCE[area])
    matrix = Matrix(people, tenant, area)

    problems: list[str] = []
    german: list[str] = []
    finder = EnglishFinder(catalogue())
    unsampled: set[str] = set()
    for route in routes:
        for method, path, key, api in _requests(route):
            if key is None or key in NOT_IN_MATRIX:
                continue
            ref_answer = _ask(clients[reference.label], method, path, host, api)
            for person in people:
                response = (
                    ref_answer
                    if person is reference
                    else _ask(clients[person.label], method, path, host, api)
                )
                cell = f"{method.upper()} {path} [{key}] as {person.label}"
                if method == "get" and not api and _is_page(response):
                    german += german_problems(response.content.decode(), cell, finder)
                if response.status_code >= 500:
                    problems.append(f"{cell}: answered {response.status_code}")
                    continue
                if person.label == OTHER_STATE and area == "state":
                    problems += _scoped(
                        cell, route, response, ref_answer, matrix.expected(person, key)
                    )
                    continue
                if matrix.expected(person, key):
                    if _refusal(response):
                        if _refusal(ref_answer) and ref_answer.status_code == 404:
                            unsampled.add(path)  # no sample record: nobody sees it
                        else:
                            problems.append(f"{cell}: refused ({response.status_code})")
                elif not _denied(response, person.user is None, api):
                    problems.append(f"{cell}: answered {response.status_code}, expected refusal")
            if method == "get" and not api:
                # The list's export rides on the same route: ?format=csv.
                ref_export = _ask(clients[reference.label], "get", path + "?format=csv", host, api)
                if not _is_export(ref_export):
                    continue  # not a list; its answers to the others were checked above
                for person in people:
                    answer = (
                        ref_export
                        if person is reference
                        else _ask(clients[person.label], "get", path + "?format=csv", host, api)
                    )
                    got = _is_export(answer)
                    want = matrix.may_export(person, key)
                    if (
                        got
                        and person.label == OTHER_STATE
                        and SENTINEL in answer.content.decode(errors="replace")
                    ):
                        problems.append(
                            f"GET {path}?format=csv exports Thuringia's records to {OTHER_STATE}"
                        )
                    if got != want:
                        problems.append(
                            f"GET {path}?format=csv [{key}] as {person.label}: "
                            f"{'exported' if got else 'no export'}, matrix says "
                            f"{'export' if want else 'no export'}"
                        )
    assert problems == [], "\n".join(problems)
    assert german == [], "pages that are not German:\n" + "\n".join(sorted(set(german)))
    # Almost every route is seen allowed by someone: only a few lack a sample record
    # (an upload token, a stored file), so "allowed" is seen on the others.
    assert len(unsampled) <= len(routes) // 10, "\n".join(sorted(unsampled))


def _scoped(cell: str, route: Route, response, ref_answer, granted: bool) -> list[str]:
    """Another state's office on the state host: what the matrix refuses stays refused;
    what it grants is answered, except a route naming one of Thuringia's records (its
    path has a parameter), which the scope hides (404) when Thuringia's office sees it;
    and no page it is shown carries Thuringia's sample records."""
    if not granted:
        return (
            []
            if _denied(response, False, "/api/" in cell)
            else [f"{cell}: answered {response.status_code}, expected refusal"]
        )
    names_a_record = "<" in route.pattern
    if _refusal(response):
        if (names_a_record and response.status_code == 404) or _refusal(ref_answer):
            return []
        return [f"{cell}: refused ({response.status_code})"]
    method, path = cell.split(" ", 2)[:2]
    shared = any(path.startswith(p) and method in m for p, m in SHARED_ACROSS_STATES)
    if names_a_record and not shared and response.status_code < 400 and not _refusal(ref_answer):
        return [f"{cell}: answered {response.status_code} for a record of Thuringia's"]
    if (
        response.status_code == 200
        and not response.streaming
        and SENTINEL in response.content.decode(errors="replace")
    ):
        return [f"{cell}: shows Thuringia's records"]
    return []


# ---------------------------------------------------------------- field-level cells


def _changed_value(field, current):
    """A valid value other than ``current`` for ``field`` (as JSON sends it)."""
    if field.choices:
        return next(value for value, _label in field.choices if value != current)
    if field.get_internal_type().endswith("IntegerField"):
        return (current or 0) + 1
    if field.get_internal_type() == "DateField":
        return "2026-01-31" if str(current) != "2026-01-31" else "2026-01-30"
    return f"{current}-x"


def _guarded_api_routes() -> list[tuple[Route, str, object]]:
    """(route, permission key of PATCH, model) for each API detail route whose model
    has field rules."""
    from tenants.permissions import guarded_fields

    found = []
    for route in _routes("alliance"):
        actions = getattr(route.view, "actions", None) or {}
        cls = getattr(route.view, "cls", None)
        if "patch" not in actions or cls is None or route.path is None:
            continue
        model = cls.serializer_class.Meta.model
        if guarded_fields(model._meta.label_lower):
            found.append((route, cls.required_permissions[actions["patch"]], model))
    return found


@pytest.mark.slow
def test_every_guarded_field_answers_every_role_as_the_matrix_says(people, jena):
    people = [p for p in people if p.label != OTHER_STATE]  # as the federal office here
    from tenants.permissions import guarded_fields

    routes = _guarded_api_routes()
    assert routes, "no API route writes a model with field rules"
    # Each person logs in and has their access read once (every request is rolled back).
    clients = {p.label: logged_in_client(p.user, HOSTS["alliance"], walk=True) for p in people}
    accesses = {p.label: access_of(p.user or AnonymousUser(), jena) for p in people}
    problems = []
    for route, key, model in routes:
        label = model._meta.label_lower
        for name in guarded_fields(label):
            field = model._meta.get_field(name)
            with schema_context("jena"):
                current = getattr(model.objects.get(pk=RECORD_ID), name)
            value = _changed_value(field, current)
            for person in people:
                response = _ask_patch(clients[person.label], route.path, {name: value})
                access = accesses[person.label]
                cell = f"PATCH {route.path} {name} as {person.label}"
                if not access.can(key, SAMPLE_OBJECT):
                    if not _denied(response, person.user is None, api=True):
                        problems.append(f"{cell}: {response.status_code}, expected refusal")
                elif access.refused_fields(label, [name]):
                    if response.status_code != 403:
                        problems.append(f"{cell}: {response.status_code}, expected 403")
                elif response.status_code != 200:
                    problems.append(f"{cell}: {response.status_code}, expected 200")
    assert problems == [], "\n".join(problems)


def _ask_patch(client, path: str, data: dict):
    with transaction.atomic():
        response = client.patch(path, data, content_type="application/json",
                                HTTP_HOST=HOSTS["alliance"])  # fmt: skip
        transaction.set_rollback(True)
    return response
