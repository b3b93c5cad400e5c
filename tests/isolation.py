"""The isolation audit: every route of a URL conf, discovered, asked by outsiders.

``discover(urlconf)`` walks the URL conf (and so every API router included in it) and
returns each route with a concrete sample path. ``audit(...)`` then checks each route
twice:

- statically: the view is marked by the permission layer (``@requires``,
  ``@requires_login``, ``@public``) or belongs to the Django admin, which guards itself;
- dynamically: anonymous visitors, a member of another alliance and the ministry ask
  for it on the target host; none of them may receive the target's private data
  (the sentinels), protected routes must answer login-redirect or 404.

A new view that forgets the permission layer is reported the day it is added.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from tenants.permissions import access_of, view_protection
from tests.conftest import logged_in_client

# Views that are open by nature and handled by Django itself.
ALLOWED_UNMARKED = {
    "django.views.i18n.set_language",  # POST only; sets the language cookie
}
# The admin guards every view with its staff check, except its own login and logout.
ADMIN_OPEN = {"login", "logout"}


@dataclass(frozen=True)
class Route:
    pattern: str
    path: str | None  # a concrete path to request, None if none could be built
    view: object
    view_name: str
    namespace: str | None
    name: str | None = None

    @property
    def protection(self) -> str | None:
        if self.namespace == "admin":
            return "django" if self.name in ADMIN_OPEN else "admin"
        if self.view_name in ALLOWED_UNMARKED:
            return "django"
        return view_protection(self.view)


def _view_name(view) -> str:
    target = getattr(view, "view_class", None) or getattr(view, "cls", None) or view
    return f"{target.__module__}.{getattr(target, '__qualname__', repr(target))}"


def _sample(name: str, converter: str, samples: dict[str, str]) -> str:
    if name in samples:
        return samples[name]
    return samples.get(converter, "1")


def _concrete(pattern, samples: dict[str, str]) -> str | None:
    if isinstance(pattern, RoutePattern):
        route = str(pattern)

        def replace(match: re.Match) -> str:
            converter, name = match.group(1) or "str", match.group(2)
            return _sample(name, converter, samples)

        return re.sub(r"<(?:(\w+):)?(\w+)>", replace, route)
    if isinstance(pattern, RegexPattern):
        regex = str(pattern)
        candidate = re.sub(
            r"\(\?P<(\w+)>[^)]*\)", lambda m: _sample(m.group(1), "str", samples), regex
        )
        candidate = candidate.lstrip("^").rstrip("$").replace("\\", "")
        if "(" in candidate or "[" in candidate or "?" in candidate:
            return None
        return candidate if re.fullmatch(regex.lstrip("^"), candidate) else None
    return None


def discover(urlconf, samples: dict[str, str]) -> list[Route]:
    """Every route of ``urlconf`` with a sample path built from ``samples``."""
    routes: list[Route] = []

    def walk(patterns: Iterable, prefix: str | None, namespace: str | None) -> None:
        for entry in patterns:
            part = _concrete(entry.pattern, samples)
            path = None if prefix is None or part is None else prefix + part
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, path, entry.namespace or namespace)
            elif isinstance(entry, URLPattern):
                routes.append(
                    Route(
                        pattern=str(entry.pattern),
                        path="/" + path if path is not None else None,
                        view=entry.callback,
                        view_name=_view_name(entry.callback),
                        namespace=namespace,
                        name=entry.name,
                    )
                )

    walk(get_resolver(urlconf).url_patterns, "", None)
    return routes


@dataclass(frozen=True)
class Outsider:
    client: Client
    user: object | None  # None: anonymous


class Answer:
    """What one request answered; a streamed body is read once, when first asked for."""

    def __init__(self, response):
        self.response = response
        self.status_code = response.status_code
        self.streaming = response.streaming
        self._text: str | None = None

    def get(self, header: str, default: str = "") -> str:
        return self.response.get(header, default)

    def __getitem__(self, header: str) -> str:
        return self.response[header]

    @property
    def text(self) -> str:
        if self._text is None:
            response = self.response
            body = b"".join(response.streaming_content) if response.streaming else response.content
            self._text = body.decode(errors="replace")
        return self._text


class Walk:
    """The answers of one seeded world: each person asks each path on each host once,
    and every check that reads that answer (the isolation audit, the ministry's privacy)
    reads the same one. Only for GETs, which change nothing the next answer depends on."""

    def __init__(self):
        self._answers: dict[tuple, Answer] = {}

    def ask(self, outsider: Outsider, host: str, path: str) -> Answer:
        key = (getattr(outsider.user, "pk", None), host, path)
        if key not in self._answers:
            self._answers[key] = Answer(outsider.client.get(path, HTTP_HOST=host))
        return self._answers[key]


def outsiders_on(host: str, people: dict, language: str | None = None) -> dict[str, Outsider]:
    """An anonymous visitor and each of ``people`` (label: user), logged in on ``host``."""
    outsiders = {"anonymous": Outsider(logged_in_client(None, host, language, walk=True), None)}
    for label, user in people.items():
        outsiders[label] = Outsider(logged_in_client(user, host, language, walk=True), user)
    return outsiders


def is_export(answer: Answer) -> bool:
    """A download of a list (CSV, or what else the list offers), not a page."""
    return answer.status_code == 200 and "attachment" in answer.get("Content-Disposition")


def audit(
    routes: list[Route],
    *,
    host: str,
    tenant,
    outsiders: dict[str, Outsider],
    sentinels: Iterable[str],
    walk: Walk | None = None,
    insider: Outsider | None = None,
) -> list[str]:
    """Problems found; an empty list means the host keeps its data to itself.

    ``tenant`` is what the host serves (an Alliance, or the StateArea); a protected
    route must answer 404 to every outsider whom the permission layer refuses there.
    ``walk`` shares the answers with other checks of the same world. ``insider``, who
    holds every permission on the host, tells which routes export (``?format=csv``):
    the outsiders are asked for the export of those only (elsewhere the parameter is
    ignored and the answer is the page's again). Without one, every route is asked.
    """
    walk = walk or Walk()
    problems: list[str] = []
    sentinels = list(sentinels)
    # What the permission layer grants each outsider here, read once per audit (the
    # memberships stay as they are while the routes are asked).
    accesses = {who: access_of(o.user, tenant) for who, o in outsiders.items() if o.user}
    for route in routes:
        protection = route.protection
        if protection is None:
            problems.append(
                f"{route.pattern} ({route.view_name}): not guarded by the permission layer"
            )
        if route.path is None:
            problems.append(f"{route.pattern}: no sample path could be built to test it")
            continue
        exports = insider is None or is_export(walk.ask(insider, host, route.path + "?format=csv"))
        for who, outsider in outsiders.items():
            # Exports ride on the list routes: ask for them too.
            export = walk.ask(outsider, host, route.path + "?format=csv") if exports else None
            if export is not None and not export.streaming:
                for sentinel in sentinels:
                    if sentinel in export.text:
                        problems.append(f"{route.path}?format=csv leaks {sentinel!r} to {who}")
            response = walk.ask(outsider, host, route.path)
            body = response.text
            for sentinel in sentinels:
                if sentinel in body:
                    problems.append(f"{route.path} leaks {sentinel!r} to {who} on {host}")
            if protection in (None, "public", "django", "account.self"):
                continue
            if protection == "admin":
                if response.status_code != 302 or "login" not in response.get("Location", ""):
                    problems.append(f"{route.path}: admin answered {response.status_code} to {who}")
                continue
            anonymous = outsider.user is None
            if not anonymous and accesses[who].can(protection):
                continue  # allowed here (e.g. the ministry's dashboard); sentinels checked above
            if anonymous and route.path.startswith("/api/"):
                if response.status_code != 401:
                    problems.append(
                        f"{route.path} ({protection}) answered {response.status_code} to "
                        "anonymous, expected 401"
                    )
                continue
            if anonymous and not (
                response.status_code == 302 and "/accounts/login/" in response["Location"]
            ):
                problems.append(
                    f"{route.path} ({protection}) answered {response.status_code} to anonymous, "
                    "expected a redirect to the login page"
                )
            if not anonymous and response.status_code != 404:
                problems.append(
                    f"{route.path} ({protection}) answered {response.status_code} to {who} "
                    f"on {host}, expected 404"
                )
    return problems


def seed_sentinel_records(sentinel: str) -> dict[str, int]:
    """One record of every workspace model in the current schema, all with the same id,
    each carrying ``sentinel`` in its text; returns {"id": that id}.

    Giving every table the same id means a route's ``<int:pk>`` always names an existing
    record of the target alliance, whatever model the route is about.
    """
    import datetime

    from django.apps import apps

    from core.models import ContactPerson, Partner

    record_id = 990001
    partner = Partner.objects.create(
        pk=record_id, name=f"{sentinel} Partner", kind="company", description=sentinel
    )
    ContactPerson.objects.create(
        pk=record_id, partner=partner, first_name=sentinel, last_name=sentinel,
        email="sentinel.contact@example.org", phone="+49 3641 999999",
    )  # fmt: skip
    for model in apps.get_app_config("core").get_models():
        if model.objects.filter(pk=record_id).exists():
            continue
        seed = SENTINEL_SEEDS.get(model._meta.model_name)
        if seed is not None:
            seed(model, record_id, sentinel, partner, datetime.date(2026, 1, 15))
    # Sentinel records are private: nothing of them may reach a public page either.
    for model in apps.get_app_config("core").get_models():
        flags = {
            name: False
            for name in ("is_public", "is_published", "public_listing_consent")
            if any(f.name == name for f in model._meta.fields)
        }
        if flags:
            model.objects.filter(pk=record_id).update(**flags)
    return {"id": record_id}


def _collect_seeds() -> dict:
    """Each area's ``tests/isolation_seeds_<area>.py`` says how to build its records."""
    import importlib
    from pathlib import Path

    seeds: dict = {}
    for path in sorted(Path(__file__).parent.glob("isolation_seeds_*.py")):
        module = importlib.import_module(f"tests.{path.stem}")
        seeds.update(module.SEEDS)
    return seeds


# model_name -> builder(model, pk, sentinel, partner, day)
SENTINEL_SEEDS: dict = _collect_seeds()
