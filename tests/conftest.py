"""Shared fixtures and helpers. The two alliances are created once per test session.

Tests that touch the database run inside a transaction that is rolled back, so the
session's alliances (committed before the first test) stay as they are.
"""

from __future__ import annotations

import csv
import datetime
import gc
import io
import os
import re
import zlib
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tenants import domain_cache
from tenants.models import Alliance, User
from tenants.roles import Role
from tenants.services.memberships import membership_create
from tests.clients import WalkClient
from tests.factories.tenants import AllianceFactory, UserFactory

# How the suite is spread over xdist workers (make test); nothing changes without xdist.
pytest_plugins = ["tests.scheduling", "tests.headroom"]

SESSION_ALLIANCES = {
    "jena": {
        "name": "Lokales Bündnis für Familie Jena",
        "district": "16053",
        "host_organisation": "Stadt Jena",
        "founded_on": datetime.date(2004, 10, 1),
    },
    "badfrankenhausen": {
        "name": "Lokales Bündnis für Familie Bad Frankenhausen",
        "district": "16065",
        "host_organisation": "Stadt Bad Frankenhausen/Kyffhäuser",
        "founded_on": datetime.date(2008, 5, 15),
    },
}


# Python's cyclic garbage collector looks at the young objects every 700 allocations by
# default; a test process allocates millions (requests, querysets, templates) that
# mostly die young without cycles. Fewer, larger collections, and the objects that live
# for the whole run (Django, the URL confs, the collected tests) moved out of its sight
# once collected. BUENDNISNETZ_TEST_GC=default keeps Python's own settings.
GC_THRESHOLD = (50_000, 20, 100)


def pytest_configure(config):
    if os.environ.get("BUENDNISNETZ_TEST_GC") != "default":
        gc.set_threshold(*GC_THRESHOLD)


def pytest_collection_finish(session):
    if os.environ.get("BUENDNISNETZ_TEST_GC") != "default":
        gc.collect()
        gc.freeze()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    # The tests are done. pytest's unraisable-exception check collects the garbage once
    # more as the process ends, and at the end of a full run a worker holds some two
    # million objects, most of them garbage in cycles the rare full collections left
    # (2.75 s measured after the matrix and the isolation walks); the process's end
    # frees them all anyway.
    if os.environ.get("BUENDNISNETZ_TEST_GC") != "default":
        gc.freeze()


def pytest_report_header(config):
    """Say at the top whether the browser journeys (tests/browser) can run here."""
    from tests.browser.environment import status_line

    return status_line()


_BROWSER_TIMINGS: dict[str, float] = {}


def pytest_runtest_logreport(report):
    """Collect the journeys' timings (tests/browser/conftest.py), from this process or
    from an xdist worker."""
    for name, value in report.user_properties:
        if name == "browser_timings":
            _BROWSER_TIMINGS.update(value)


def pytest_terminal_summary(terminalreporter):
    """Say at the end whether the journeys ran (here: xdist's workers load no conftest
    of tests/browser in the controlling process)."""
    from tests.browser.environment import summary_lines

    terminalreporter.write_sep("-", "browser journeys")
    for index, (line, warn) in enumerate(summary_lines(_BROWSER_TIMINGS)):
        terminalreporter.write_line(line, yellow=warn, bold=index == 0)


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """Build the test database, then add the session's alliances.

    pytest-django builds a database only when a collected test is marked ``django_db``
    or asks for ``db``; tests that start a worker or server on committed data use
    ``django_db_setup`` alone, and run by themselves they would otherwise reach the
    development database. So the one database is always built here.

    A kept database (``--reuse-db``) is only reused while the migrations are those it
    was built with (tests/databases.py). Under xdist each worker has its own database
    (pytest-django appends ``_gw0``, ``_gw1``... to the name). A new one is a copy of
    the kept template when that is current (tests/databases.py), else built and kept
    as the template.
    """
    from django.test.utils import setup_databases, teardown_databases

    from tests import databases

    keepdb = django_db_keepdb and not django_db_createdb
    settings_dict = dict(connection.settings_dict)
    test_name = settings_dict["TEST"]["NAME"]

    def build(*, existing: bool, keep_migrated: bool = False):
        with django_db_blocker.unblock():
            config = setup_databases(
                verbosity=request.config.option.verbose,
                interactive=False,
                aliases={"default"},
                keepdb=existing,
            )
        migrated = (
            (lambda: databases.keep_migrated(settings_dict, test_name)) if keep_migrated else None
        )
        _add_session_alliances(django_db_blocker, migrated=migrated)
        return config

    if keepdb and databases.is_current(settings_dict, test_name):
        db_cfg = build(existing=True)
    elif django_db_createdb:
        db_cfg = build(existing=False)
    else:
        with databases.fresh_from_template(settings_dict, test_name) as copy:
            db_cfg = build(existing=copy.copied, keep_migrated=not copy.copied)
            if not copy.copied:
                with django_db_blocker.unblock():
                    connection.close()  # a database is only copied while nobody is on it
                copy.built = True
    databases.mark_current(settings_dict, test_name)
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(db_cfg, verbosity=request.config.option.verbose)


def _add_session_alliances(django_db_blocker, migrated=None) -> None:
    """Jena and Bad Frankenhausen, their schemas copied from the template schema (as
    provisioning does): one migration run for both instead of one each. The template
    stays, so that tests which provision an alliance need not migrate it first.
    ``migrated()`` is called once the template schema is there, before the alliances
    are added (with no connection open to the database)."""
    from tenants.services.provisioning import ensure_template_schema

    with django_db_blocker.unblock():
        missing = [s for s in SESSION_ALLIANCES if not Alliance.objects.filter(slug=s).exists()]
        if missing:
            ensure_template_schema()
        if missing and migrated is not None:
            connection.close()
            migrated()
        for slug in missing:
            AllianceFactory(slug=slug, copy_template=True, **SESSION_ALLIANCES[slug])
        connection.set_schema_to_public()


# ---------------------------------------------------------------- the prepared demo


@pytest.fixture(scope="session")
def _prepared_demo_copy(django_db_setup):
    """This process's copy of the prepared demo database (tests/browser/prepared.py:
    what ``seed_demo`` makes of an empty database, built once and kept), made on first
    use and dropped at the end of the session."""
    from django.conf import settings

    from tests import databases
    from tests.browser.prepared import prepared_copy

    migrated = databases.current_migrated(
        connection.settings_dict, connection.settings_dict["NAME"]
    )
    with prepared_copy(
        database_url=settings.DATABASE_URL, redis_url=settings.REDIS_URL, migrated=migrated
    ) as copy:
        yield copy


@pytest.fixture
def prepared_demo(_prepared_demo_copy, django_db_blocker, settings):
    """The demo as ``make demo`` seeds it (Jena and Bad Frankenhausen at full size, the
    other 14 alliances at their smallest), for tests that check the demo data: during
    the test the database connection uses this process's copy of the prepared demo
    database instead of the test database (no transaction around the test: what it
    writes stays in the copy, so a test there only reads or proves that it changes
    nothing). Returns the copy (``seed_output``: what the seed said when it ran).
    Expensive on first use (tests/scheduling.py hands such tests out late)."""
    copy = _prepared_demo_copy
    settings.MEDIA_ROOT = copy.media_root  # the seed's files, MEDIA_ROOT/<schema>/...
    settings.MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"  # clears the storage's cached root
    test_database = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict["NAME"] = copy.database
        try:
            yield copy
        finally:
            connection.close()
            connection.settings_dict["NAME"] = test_database


@pytest.fixture
def jena(db) -> Alliance:
    return Alliance.objects.get(slug="jena")


@pytest.fixture
def badfrankenhausen(db) -> Alliance:
    return Alliance.objects.get(slug="badfrankenhausen")


@pytest.fixture(autouse=True)
def _fresh_routing_state():
    """Each test starts on the public schema with an empty host map."""
    domain_cache.clear()
    yield
    domain_cache.clear()
    connection.set_schema_to_public()
    # A test that asks access_for() of a hand-made request (no middleware to end it)
    # leaves its state scope behind: the next test starts without one, as a request does.
    from tenants.scope import activate

    activate(None)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test counts rate limits (tenants.throttling) afresh: the counters of earlier
    tests and runs in the same window would otherwise add up in Redis."""
    import uuid

    from django.core.cache import caches

    from tenants import throttling

    cache = caches[throttling.CACHE_ALIAS]
    previous = cache.key_prefix
    cache.key_prefix = f"{previous}-{uuid.uuid4().hex}"
    throttling.reset_breaker()
    yield
    cache.key_prefix = previous
    throttling.reset_breaker()


def host_client(host: str, *, walk: bool = False, **kwargs) -> Client:
    """A test client whose requests carry ``host`` in the Host header; with ``walk`` one
    that records no rendered templates (tests/clients.py), for the walks over every
    route."""
    return (WalkClient if walk else Client)(HTTP_HOST=host, **kwargs)


def person_with_role(role: str, alliance=None, *, user: User | None = None, **membership) -> User:
    """An account holding ``role`` in ``alliance`` (None for the state roles).

    A new account unless ``user`` is given; ``membership`` goes on to
    ``membership_create`` (e.g. ``partner_id``).
    """
    if user is None:
        user = UserFactory()
    membership_create(actor=None, user=user, role=role, alliance=alliance, **membership)
    return user


def logged_in_client(
    user, host: str = "jena.localhost", language: str | None = None, *, walk: bool = False
) -> Client:
    """A test client on ``host``, logged in as ``user`` (anonymous if None).

    Without ``language`` the pages come in German, as for everyone without the
    ``django_language`` cookie; ``language="en"`` sets that cookie. ``walk`` as for
    ``host_client``.
    """
    client = host_client(host, walk=walk)
    if language:
        client.cookies["django_language"] = language
    if user is not None:
        open_session(client, user)
    return client


def open_session(client: Client, user) -> None:
    """Log ``client`` in as ``user``: the session ``force_login`` leaves behind, without
    what ``login()`` does on the way (a new session key, the signal that records the
    last login and django-axes' access log), which cost a fifth of the quick tests'
    set-up. Logging in itself is tested through the login page."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_backends,
    )

    # The backend force_login would name: the first that can load the person again.
    backend = next(b for b in get_backends() if hasattr(b, "get_user"))
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = f"{type(backend).__module__}.{type(backend).__qualname__}"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key


@pytest.fixture
def coordinator(jena) -> User:
    """A local coordinator of Jena."""
    return person_with_role(Role.LOCAL_COORDINATOR, jena)


@pytest.fixture
def coordinator_client(coordinator) -> Client:
    """Jena's coordinator, logged in on jena.localhost, reading German pages."""
    return logged_in_client(coordinator)


@pytest.fixture
def state_coordinator(db) -> User:
    """The home state's coordinator (a module that needs a named account declares its own)."""
    return person_with_role(Role.STATE_COORDINATOR)


@pytest.fixture
def board_member(jena) -> User:
    """A member of Jena's board."""
    return person_with_role(Role.BOARD_MEMBER, jena)


@pytest.fixture
def eager_celery(settings):
    """Run Celery tasks in-process, so e.g. a queued e-mail lands in the test outbox."""
    from config.celery import app

    # Read the app's values first: that may load its configuration from the settings.
    previous = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    settings.CELERY_TASK_ALWAYS_EAGER = True
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


@pytest.fixture
def public_client() -> Client:
    return host_client("localhost")


@pytest.fixture
def jena_client(jena) -> Client:
    return host_client("jena.localhost")


@pytest.fixture
def badfrankenhausen_client(badfrankenhausen) -> Client:
    return host_client("badfrankenhausen.localhost")


def count_queries(client, path: str, params: dict | None = None) -> int:
    """The database queries one GET of ``path`` costs; the response must be 200.

    ``SET search_path`` does not count: it goes out once per schema switch
    (TENANT_LIMIT_SET_CALLS), so whether a request sends it depends on what the
    connection served before (say, test data written in ``schema_context``), not on
    the page.
    """
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return sum(not q["sql"].startswith("SET search_path") for q in queries.captured_queries)


def assert_same_queries_for_few_and_many(client, path: str, few, many, params=None) -> None:
    """``path`` costs as many queries after ``many()`` added rows as after ``few()``.

    ``few`` and ``many`` add the rows (5 and then up to 200, by convention). The page is
    fetched once after ``few()`` to warm the host map, the session and other caches, so
    both counts are of the page alone.
    """
    few()
    client.get(path, params)  # warm-up
    queries_with_few = count_queries(client, path, params)
    many()
    assert count_queries(client, path, params) == queries_with_few


def refusal(service, **arguments) -> ValidationError:
    """The error with which ``service(actor=None, **arguments)`` refuses, its messages in
    English (the service must refuse)."""
    with translation.override("en"), pytest.raises(ValidationError) as error:
        service(actor=None, **arguments)
    return error.value


def csv_rows(response) -> list[list[str]]:
    """The rows of a CSV export, which must start with the BOM Excel needs."""
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def pdf_text(data: bytes) -> bytes:
    """The PDF with every Flate stream inflated, to search its text."""
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(chunks)


def database_url_for(settings_dict: dict) -> str:
    """A DATABASE_URL for another process that must use this (test) database."""
    host = settings_dict.get("HOST") or ""
    port = settings_dict.get("PORT") or ""
    user = settings_dict.get("USER") or ""
    password = settings_dict.get("PASSWORD") or ""
    credentials = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
    location = quote(host, safe="") + (f":{port}" if port else "")
    return f"postgres://{credentials}@{location}/{settings_dict['NAME']}"


@pytest.fixture
def empty_outbox(db):
    """An outbox holding only what the test itself sends: tests that commit (real
    workers, web servers) may have left e-mails in this process's database. Emptied
    inside the test's transaction, so nothing is lost for the others."""
    from kernel.mail.models import OutboxEmail

    OutboxEmail.objects.all().delete()
