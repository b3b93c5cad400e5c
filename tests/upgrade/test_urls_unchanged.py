"""Every named URL of the old URL confs still reverses to the same path and resolves.

The fixture lists each named pattern of ``config.urls_public`` and ``config.urls_tenant``
at commit 1cb4d21 with sample arguments, the path ``reverse()`` made of them and the
name that path resolved to (``devtools/snapshot.py urls --commit 1cb4d21``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from devtools.snapshot import url_snapshot

FIXTURE = Path(__file__).parent / "fixtures" / "urls_1cb4d21.json"
OLD = json.loads(FIXTURE.read_text())


def test_the_fixture_covers_both_url_confs():
    assert {row["urlconf"] for row in OLD} == {"config.urls_public", "config.urls_tenant"}
    assert len(OLD) > 500


def test_every_old_named_url_reverses_to_the_same_path_and_resolves_to_the_same_name():
    problems = []
    for row in OLD:
        where = f"{row['urlconf']} {row['name']}"
        try:
            path = reverse(row["name"], kwargs=row["kwargs"] or None, urlconf=row["urlconf"])
        except NoReverseMatch:
            # A captured argument may be renamed (the regional agenda's ``entry_pk`` became
            # ``item_pk`` with the one meeting vocabulary): the same values in the same
            # order must still give the same path, which must resolve to the same page.
            try:
                path = reverse(
                    row["name"], args=list((row["kwargs"] or {}).values()), urlconf=row["urlconf"]
                )
            except NoReverseMatch:
                problems.append(f"{where}: no longer reverses")
                continue
        if path != row["path"]:
            problems.append(f"{where}: {row['path']} is now {path}")
            continue
        try:
            match = resolve(path.split("?")[0], urlconf=row["urlconf"])
        except Resolver404:
            problems.append(f"{where}: {path} no longer resolves")
            continue
        if match.view_name != row["resolves_to"]:
            problems.append(f"{where}: {path} resolves to {match.view_name}")
    assert not problems, "\n".join(problems)


@pytest.mark.slow  # a second or more (make check leaves it to make test)
@pytest.mark.parametrize("urlconf", ["config.urls_public", "config.urls_tenant"])
def test_the_snapshot_tool_sees_every_named_url_of_today(urlconf):
    # The tool itself: every named pattern of today's tree is reversed and resolved.
    now = {row["name"] for row in url_snapshot() if row["urlconf"] == urlconf}
    old = {row["name"] for row in OLD if row["urlconf"] == urlconf}
    assert old <= now
