"""The OpenAPI documents of both hosts differ from those of commit 1cb4d21 at most in
prose (descriptions and summaries): every path, operation, parameter, field, type and
status code stays (fixture: ``devtools/snapshot.py openapi --commit 1cb4d21``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devtools.snapshot import openapi_snapshot, without_prose

FIXTURE = Path(__file__).parent / "fixtures" / "openapi_1cb4d21.json"


def _differences(old, new, where="") -> list[str]:
    """Human-readable places where ``new`` differs from ``old`` (first 40)."""
    if isinstance(old, dict) and isinstance(new, dict):
        found = [f"{where}/{key}: removed" for key in old.keys() - new.keys()]
        found += [f"{where}/{key}: added" for key in new.keys() - old.keys()]
        for key in sorted(old.keys() & new.keys()):
            found += _differences(old[key], new[key], f"{where}/{key}")
        return found
    if old != new:
        return [f"{where}: {json.dumps(old)[:120]} -> {json.dumps(new)[:120]}"]
    return []


@pytest.fixture(scope="module")
def documents():
    return openapi_snapshot()


def test_without_prose_drops_only_descriptions_and_summaries():
    document = {"description": "x", "paths": {"/a/": {"get": {"summary": "y", "tags": ["t"]}}}}
    assert without_prose(document) == {"paths": {"/a/": {"get": {"tags": ["t"]}}}}


@pytest.mark.parametrize("urlconf", ["config.urls_public", "config.urls_tenant"])
def test_the_api_schema_is_unchanged_but_for_prose(documents, urlconf):
    old = without_prose(json.loads(FIXTURE.read_text())[urlconf])
    new = without_prose(documents[urlconf])
    problems = _differences(old, new)
    assert not problems, "\n".join(problems[:40])
