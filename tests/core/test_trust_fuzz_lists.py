"""Hostile query strings on every HTML page that reads them, and hostile media paths:
never a 500.

The pages are not listed by hand: every parameter-free GET route of both URL confs is
discovered (``tests.isolation.discover``), fetched once by a person who may see it, and
every parameter the page reads is then sent each bad value in turn: the fields of its GET
forms (the list filters, search), the parameters of its links to itself (sorting, paging,
exports) and, on a page of the list machinery (kernel/crud: ``core/list.html``), the
parameters that machinery reads (``q``, ``sort``, ``page``, ``format``) even where the page
offers no link with them. A value is sent alone, so one refused field cannot hide a crash
in another.
"""

from __future__ import annotations

import re

import pytest
from django_tenants.utils import schema_context

from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.hostile import BAD_VALUES
from tests.isolation import discover, seed_sentinel_records

# What every list of the list machinery reads besides its form fields.
COMMON_PARAMETERS = ("q", "sort", "page", "format")
# The list machinery's pages say how many entries they list (templates/core/list.html).
LIST_MARK = re.compile(r'<p class="count">')
_SELF_LINK = re.compile(r'href="\?([^"#]*)"')
# Pages that end the session or hand it on elsewhere: asking them would log the client
# out (or redirect) and prove nothing about lists.
SKIPPED = re.compile(r"^/(admin/|api/|accounts/(logout|hop|enter|erase)/|i18n/)")
_GET_FORM = re.compile(r"<form\b[^>]*>(.*?)</form>", re.S | re.I)
_NAME = re.compile(r"""\bname=["']([^"']+)["']""")


def _get_form_fields(html: str) -> set[str]:
    """The names of every field of every GET form of ``html`` (search and filters)."""
    names: set[str] = set()
    for match in _GET_FORM.finditer(html):
        opening = match.group(0)[: match.group(0).find(">") + 1].lower()
        if 'method="post"' in opening:
            continue
        names.update(n for n in _NAME.findall(match.group(1)) if n != "csrfmiddlewaretoken")
    return names


def _read_parameters(html: str) -> set[str]:
    """The parameters of the page's links to itself (``?sort=name``, ``?page=2``,
    ``?format=csv``), and the list machinery's own on its pages."""
    from html import unescape
    from urllib.parse import parse_qsl

    names = {
        name
        for query in _SELF_LINK.findall(html)
        for name, _value in parse_qsl(unescape(query), keep_blank_values=True)
    }
    return names | (set(COMMON_PARAMETERS) if LIST_MARK.search(html) else set())


def _pages(urlconf: str) -> list[str]:
    return sorted(
        {
            route.path
            for route in discover(urlconf, {})
            if route.path and "<" not in route.pattern and not SKIPPED.match(route.path)
        }
    )


def _fuzz(client, host: str, paths: list[str]) -> tuple[list[str], int]:
    failures: list[str] = []
    lists_with_filters = 0
    for path in paths:
        first = client.get(path, HTTP_HOST=host)
        if first.status_code != 200 or "html" not in first.get("Content-Type", ""):
            continue
        html = first.content.decode(errors="replace")
        fields = _get_form_fields(html)
        lists_with_filters += bool(fields)
        for name in sorted(fields | _read_parameters(html)):
            for value in BAD_VALUES:
                response = client.get(path, {name: value}, HTTP_HOST=host)
                if response.status_code >= 500:
                    failures.append(f"{host}{path}?{name}={value[:20]!r}: {response.status_code}")
    return failures, lists_with_filters


@pytest.mark.slow
@pytest.mark.django_db
def test_no_alliance_page_answers_500_to_hostile_query_values(jena):
    with schema_context("jena"):
        seed_sentinel_records("FUZZ")
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), walk=True)
    client.raise_request_exception = False
    failures, lists = _fuzz(client, "jena.localhost", _pages("config.urls_tenant"))
    assert lists >= 15, "the discovery found too few filterable lists"
    assert failures == [], "\n".join(failures)


@pytest.mark.slow
@pytest.mark.django_db
def test_no_state_page_answers_500_to_hostile_query_values(jena):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost", walk=True)
    client.raise_request_exception = False
    failures, lists = _fuzz(client, "localhost", _pages("config.urls_public"))
    assert lists >= 4, "the discovery found too few filterable lists"
    assert failures == [], "\n".join(failures)


# ---------------------------------------------------------------- media paths

MEDIA_PATHS = (
    "/media/board/",
    "/media/board",
    "/media/board/sub/",
    "/media/board/../board/fuzz.pdf/",
    "/media/board/../../jena/board/fuzz.pdf",
    "/media/board/%2e%2e/%2e%2e/etc/passwd",
    "/media/board/..%2f..%2fetc%2fpasswd",
    "/media/board//etc/passwd",
    "/media/board/fuzz.pdf%00.png",
    "/media/board/%00",
    "/media/board/" + "x" * 10_000,
    "/media/board/" + "x/" * 2_000,
    "/media/",
    "/media/%00",
)


@pytest.mark.django_db
def test_media_answers_404_for_folders_traversal_nul_and_long_paths(jena, settings, tmp_path):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    settings.MEDIA_ROOT = str(tmp_path)
    with schema_context("jena"):
        default_storage.save("board/sub/inner.pdf", ContentFile(b"%PDF-1.4 inner"))
        name = default_storage.save("board/fuzz.pdf", ContentFile(b"%PDF-1.4 fuzz"))
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena))
    client.raise_request_exception = False

    answers = {path: client.get(path).status_code for path in MEDIA_PATHS}

    assert answers == dict.fromkeys(MEDIA_PATHS, 404)
    real = client.get(f"/media/{name}")
    assert real.status_code == 200
    assert b"".join(real.streaming_content) == b"%PDF-1.4 fuzz"


# ---------------------------------------------------------------- refused with a message


@pytest.mark.parametrize(
    ("path", "query", "message"),
    [
        ("/workspace/partners/", {"q": "x" * 201}, "höchstens 200 Zeichen"),
        ("/workspace/audit/", {"q": "x" * 201}, "höchstens 200 Zeichen"),
        ("/workspace/audit/", {"action": "x" * 201}, "höchstens 200 Zeichen"),
        ("/workspace/applications/", {"received_from": "2024-13-45"}, "gültiges Datum"),
        ("/workspace/funding/", {"year": "99999"}, "kleiner oder gleich"),
        ("/workspace/personal-data/", {"q": "x" * 201}, "höchstens 200 Zeichen"),
    ],
)
def test_a_bad_query_value_is_refused_at_its_field_in_german(jena, path, query, message):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena))

    response = client.get(path, query)

    assert response.status_code == 200
    assert message in response.content.decode()
