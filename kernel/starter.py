"""Starter catalogues: what a new alliance's workspace is prefilled with at provisioning.

The state coordination office maintains templates (``regional.models.StarterTemplate``:
working groups, measures, a board meeting's standing agenda, ...); when the state puts a
new alliance on the platform, each registered catalogue copies the templates of its kind
into the new alliance's schema. The room that owns the workspace records registers the
copier (``core.starter`` for core's catalogues), the state layer only calls the registry,
so neither imports the other:

    register_starter_catalogue(StarterCatalogue(
        key="working_group",
        label=_("Working group"),
        categories=lambda: Topic.choices,       # what a template's category may be
        copy=copy_working_groups,               # copy(*, actor, rows) -> records made
    ))

``copy`` runs inside the new alliance's schema with the rows of its kind (each a dict
``name``, ``category``, ``description``). It must be idempotent: a row whose record the
workspace has already (same name, in any case) is skipped, so running the provisioning
again copies nothing twice. Another capability (e.g. certification programmes) registers
its own catalogue the same way; a key registered twice replaces the first declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

StarterRow = dict[str, str]


@dataclass(frozen=True)
class StarterCatalogue:
    key: str
    label: Any  # German through gettext_lazy
    copy: Callable[..., int]  # copy(*, actor, rows: list[StarterRow]) -> records made
    # The choices of a template's category (empty: the catalogue has no categories).
    categories: Callable[[], Iterable[tuple[str, Any]]] = lambda: ()
    help_text: Any = ""  # what the template's description holds for this kind


STARTER_CATALOGUES: dict[str, StarterCatalogue] = {}


def register_starter_catalogue(catalogue: StarterCatalogue) -> None:
    STARTER_CATALOGUES[catalogue.key] = catalogue


def starter_kind_choices() -> list[tuple[str, Any]]:
    """The kinds of template the state office can maintain (the registered catalogues)."""
    return [(c.key, c.label) for c in STARTER_CATALOGUES.values()]


def starter_category_choices(kind: str) -> list[tuple[str, Any]]:
    catalogue = STARTER_CATALOGUES.get(kind)
    return list(catalogue.categories()) if catalogue is not None else []


# Other things a new workspace starts with, run after the catalogues in its schema:
# step(*, actor) (core opens the first-run checklist). Keyed, so registering twice
# replaces.
STARTER_STEPS: dict[str, Callable[..., Any]] = {}


def register_starter_step(key: str, step: Callable[..., Any]) -> None:
    STARTER_STEPS[key] = step
