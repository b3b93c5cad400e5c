"""The OpenAPI documents of both hosts keep everything that commit 1cb4d21 offered:
every path, operation, parameter, field, type and status code stays, and only prose
(descriptions and summaries) may change. The API may grow: new paths, operations, fields
and choice values are additions, not differences (fixture:
``devtools/snapshot.py openapi --commit 1cb4d21``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devtools.snapshot import openapi_snapshot, without_prose

FIXTURE = Path(__file__).parent / "fixtures" / "openapi_1cb4d21.json"


def _differences(old, new, where="") -> list[str]:
    """Human-readable places where ``new`` takes away or changes what ``old`` offered."""
    if isinstance(old, dict) and isinstance(new, dict):
        found = [f"{where}/{key}: removed" for key in old.keys() - new.keys()]
        if isinstance(old.get("required"), list) and isinstance(new.get("required"), list):
            # A new field may be required (a read-only one always is in an answer); the
            # fields that were there keep whether they are required.
            added = set(new.get("properties", {})) - set(old.get("properties", {}))
            new = {**new, "required": [name for name in new["required"] if name not in added]}
        for key in sorted(old.keys() & new.keys()):
            found += _differences(old[key], new[key], f"{where}/{key}")
        return found
    if where.endswith("/enum") and isinstance(old, list) and isinstance(new, list):
        # A choice may be added; none may go.
        return [f"{where}: {value!r} removed" for value in old if value not in new]
    if old != new:
        return [f"{where}: {json.dumps(old)[:120]} -> {json.dumps(new)[:120]}"]
    return []


@pytest.fixture(scope="module")
def documents():
    return openapi_snapshot()


def test_additions_are_allowed_but_nothing_may_go_or_change():
    old = {"paths": {"/a/": {"get": {"enum": ["x", "y"], "type": "string"}}}}
    grown = {"paths": {"/a/": {"get": {"enum": ["x", "y", "z"], "type": "string"}}, "/b/": {}}}
    assert _differences(old, grown) == []
    shrunk = {"paths": {"/a/": {"get": {"enum": ["x"], "type": "integer"}}}}
    assert _differences(old, shrunk) == [
        "/paths//a//get/enum: 'y' removed",
        '/paths//a//get/type: "string" -> "integer"',
    ]
    assert _differences(old, {"paths": {}}) == ["/paths//a/: removed"]
    # A new field may be required; an old one may not become so.
    schema = {"properties": {"a": {}}, "required": []}
    assert _differences(schema, {"properties": {"a": {}, "b": {}}, "required": ["b"]}) == []
    assert _differences(schema, {"properties": {"a": {}}, "required": ["a"]}) == [
        '/required: [] -> ["a"]'
    ]


def test_without_prose_drops_only_descriptions_and_summaries():
    document = {"description": "x", "paths": {"/a/": {"get": {"summary": "y", "tags": ["t"]}}}}
    assert without_prose(document) == {"paths": {"/a/": {"get": {"tags": ["t"]}}}}


@pytest.mark.parametrize("urlconf", ["config.urls_public", "config.urls_tenant"])
def test_the_api_schema_keeps_everything_it_offered(documents, urlconf):
    old = without_prose(json.loads(FIXTURE.read_text())[urlconf])
    new = without_prose(documents[urlconf])
    problems = _differences(old, new)
    assert not problems, "\n".join(problems[:40])
