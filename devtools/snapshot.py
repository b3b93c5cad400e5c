"""Snapshots of the platform's outside shape: its named URLs and its OpenAPI documents.

The redesign of issue 15 must leave both unchanged. The snapshots of the main before it
(commit ``1cb4d21``) are stored under ``tests/upgrade/fixtures/``, and
``tests/upgrade/test_urls_unchanged.py`` / ``test_openapi_unchanged.py`` compare the
current tree against them in ``make test``.

    python devtools/snapshot.py urls              # this tree's URL snapshot (JSON, stdout)
    python devtools/snapshot.py openapi           # this tree's OpenAPI documents
    python devtools/snapshot.py urls --commit 1cb4d21 --out tests/upgrade/fixtures/urls.json
    make snapshots                                # both, from 1cb4d21, into the fixtures

With ``--commit`` the commit is unpacked (``git archive``) into a temporary folder and
this file runs there, with the same virtualenv: the snapshot describes that commit's
code, not this tree's. Only Django and drf-spectacular are imported at module level, so
the file runs inside any tree of the project.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from itertools import product
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
URLCONFS = ("config.urls_public", "config.urls_tenant")
SETTINGS = "config.settings.test"
# Keys of the OpenAPI document that are prose, not interface: they may change.
PROSE_KEYS = frozenset({"description", "summary"})

# Sample values per path converter, tried in order until ``reverse()`` accepts one.
SAMPLES = {
    "IntConverter": ["7"],
    "SlugConverter": ["sample-slug"],
    "UUIDConverter": [str(uuid.UUID(int=7))],
    "PathConverter": ["sample/file.pdf"],
    "StringConverter": ["sample"],
}
REGEX_SAMPLES = ["7", "sample", "sample/file.pdf", str(uuid.UUID(int=7))]
_ALTERNATIVES = re.compile(r"\(\?P<(\w+)>([\w|-]+)\)")


# ---------------------------------------------------------------- URLs


def _candidates(pattern) -> dict[str, list[str]]:
    """Sample values for each keyword argument that one pattern step captures."""
    converters = getattr(pattern, "converters", None) or {}
    if converters:
        return {
            name: SAMPLES.get(type(converter).__name__, ["sample", "7"])
            for name, converter in converters.items()
        }
    found = {}
    regex = getattr(pattern, "_regex", None)
    if regex:
        choices = {name: body.split("|")[0] for name, body in _ALTERNATIVES.findall(regex)}
        for name in re.compile(regex).groupindex:
            found[name] = [choices[name]] if name in choices else REGEX_SAMPLES
    return found


def _walk(patterns, namespace: str = "", captured: dict | None = None):
    """(full name, candidates per keyword) of every named pattern below ``patterns``."""
    from django.urls import URLPattern, URLResolver

    captured = captured or {}
    for entry in patterns:
        here = {**captured, **_candidates(entry.pattern)}
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner, here)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", here


def _reversed(name: str, candidates: dict[str, list[str]], urlconf: str):
    from django.urls import NoReverseMatch, reverse

    keys = sorted(candidates)
    for values in product(*(candidates[key] for key in keys)):
        kwargs = dict(zip(keys, values, strict=True))
        try:
            return kwargs, reverse(name, kwargs=kwargs or None, urlconf=urlconf)
        except NoReverseMatch:
            continue
    return None, None


def url_snapshot() -> list[dict]:
    """Every named URL of both URL confs: its sample arguments, path and resolved name."""
    from django.urls import get_resolver, resolve

    rows = {}
    for urlconf in URLCONFS:
        for name, candidates in _walk(get_resolver(urlconf).url_patterns):
            kwargs, path = _reversed(name, candidates, urlconf)
            if path is None:
                continue
            match = resolve(path.split("?")[0], urlconf=urlconf)
            rows[(urlconf, name)] = {
                "urlconf": urlconf,
                "name": name,
                "kwargs": kwargs,
                "path": path,
                "resolves_to": match.view_name,
            }
    return [rows[key] for key in sorted(rows)]


# ---------------------------------------------------------------- OpenAPI


def openapi_snapshot() -> dict[str, dict]:
    """The OpenAPI document each URL conf serves at /api/schema/, as plain JSON data."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    documents = {}
    for urlconf in URLCONFS:
        schema = SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)
        documents[urlconf] = json.loads(OpenApiJsonRenderer().render(schema))
    return documents


def without_prose(document):
    """``document`` without descriptions and summaries (they may be reworded)."""
    if isinstance(document, dict):
        return {k: without_prose(v) for k, v in document.items() if k not in PROSE_KEYS}
    if isinstance(document, list):
        return [without_prose(item) for item in document]
    return document


# ---------------------------------------------------------------- running


def take(kind: str):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    django.setup()
    from django.utils import translation

    # The URL paths and schema names are language-free, but prose would not be.
    translation.activate("de")
    return url_snapshot() if kind == "urls" else openapi_snapshot()


def unpack(commit: str, tree: Path) -> Path:
    """``commit``'s files (``git archive``) into the existing folder ``tree``."""
    archive = subprocess.run(  # noqa: S603 - fixed command, the commit is one argument
        ["git", "archive", commit],  # noqa: S607 - git from PATH, as a developer runs it
        cwd=BASE_DIR,
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)  # noqa: S603, S607
    return tree


def take_at_commit(kind: str, commit: str) -> str:
    """The snapshot of ``commit``'s tree, run there with this interpreter (JSON text)."""
    with tempfile.TemporaryDirectory(prefix="bn-snapshot-") as folder:
        tree = unpack(commit, Path(folder))
        shutil.copy(__file__, tree / "_snapshot.py")
        env = {**os.environ, "PYTHONPATH": str(tree), "DJANGO_SETTINGS_MODULE": SETTINGS}
        result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
            [sys.executable, "_snapshot.py", kind],
            cwd=tree,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python devtools/snapshot.py", description=__doc__)
    parser.add_argument("kind", choices=["urls", "openapi"])
    parser.add_argument("--commit", help="Take the snapshot of this commit's tree.")
    parser.add_argument("--out", type=Path, help="Write here instead of stdout.")
    options = parser.parse_args(argv)
    if options.commit:
        text = take_at_commit(options.kind, options.commit)
    else:
        text = json.dumps(take(options.kind), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if options.out:
        options.out.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
