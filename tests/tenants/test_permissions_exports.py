"""Every export requires its list's permission or a stricter one (docs/roles.md): a
board member, who reads the board's lists, downloads none of them."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from kernel.crud.tables import ListSpec
from tenants.permissions import export_is_guarded
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role


def _specs_of(value) -> list[ListSpec]:
    """A module's ListSpecs: declared as such, or built by a page declaration (its list
    and its downloads) or held by a list view."""
    if isinstance(value, ListSpec):
        return [value]
    if isinstance(value, type):
        found = [getattr(value, name, None) for name in ("spec", "export_spec")]
        return [spec for spec in found if isinstance(spec, ListSpec)]
    return []


def _list_specs() -> list[ListSpec]:
    specs: dict[int, ListSpec] = {}
    for package in ("core.views", "regional.views"):
        module = importlib.import_module(package)
        for info in pkgutil.iter_modules(module.__path__):
            child = importlib.import_module(f"{package}.{info.name}")
            for value in vars(child).values():
                specs.update((id(spec), spec) for spec in _specs_of(value))
    return list(specs.values())


def test_every_lists_export_is_at_least_as_strict_as_the_list():
    specs = _list_specs()
    assert len(specs) > 15
    loose = [s.name for s in specs if not export_is_guarded(s.permission, s.export_permission)]
    assert loose == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_board_member_cannot_export_the_boards_templates(jena, fmt):
    client = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    assert client.get("/workspace/board/templates/").status_code == 200
    response = client.get("/workspace/board/templates/", {"format": fmt})
    assert response.status_code == 404
    assert "attachment" not in response.get("Content-Disposition", "")
    page = client.get("/workspace/board/templates/")
    assert f"format={fmt}" not in page.content.decode()


def test_coordinator_exports_the_boards_templates(jena):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena))
    response = client.get("/workspace/board/templates/", {"format": "csv"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
