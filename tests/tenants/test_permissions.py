"""Every cell of the role table in docs/roles.md, checked against the permission layer."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from tenants.permissions import RULES, access_of, requires
from tenants.public import StateArea
from tenants.roles import Role
from tests.conftest import person_with_role
from tests.factories.tenants import UserFactory

DOC = Path(__file__).resolve().parents[2] / "docs" / "roles.md"
COLUMNS = {
    "State coordinator": Role.STATE_COORDINATOR,
    "Ministry": Role.MINISTRY,
    "Local coordinator": Role.LOCAL_COORDINATOR,
    "Board member": Role.BOARD_MEMBER,
    "Partner contact": Role.PARTNER_CONTACT,
    "Pool staff": Role.POOL_STAFF,  # carers
    "Federal office": Role.FEDERAL_OFFICE,  # federal
}
OWN_PARTNER = 7


def _table() -> tuple[list[Role], list[tuple[str, str, list[str]]]]:
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- roles-table:start -->")[1].split("<!-- roles-table:end -->")[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in block.strip().splitlines()
    ]
    header, body = rows[0], rows[2:]
    roles = [COLUMNS[name] for name in header[3:]]
    return roles, [(re.sub(r"`", "", r[0]), r[1], r[3:]) for r in body]


ROLES, ROWS = _table()
CELLS = [
    pytest.param(code, area, role, cell, id=f"{code}-{role.value}")
    for code, area, cells in ROWS
    for role, cell in zip(ROLES, cells, strict=True)
]


def test_the_table_lists_every_permission_exactly_once():
    codes = [code for code, _area, _cells in ROWS]
    assert sorted(codes) == sorted(RULES)
    assert len(codes) == len(set(codes))


@pytest.fixture
def person_with(jena):
    def make(role: Role):
        if role in (Role.STATE_COORDINATOR, Role.MINISTRY, Role.FEDERAL_OFFICE):
            return person_with_role(role)
        partner_id = OWN_PARTNER if role == Role.PARTNER_CONTACT else None
        return person_with_role(role, jena, partner_id=partner_id)

    return make


@pytest.mark.parametrize(("code", "area", "role", "cell"), CELLS)
def test_role_table_cell(code, area, role, cell, person_with, jena, badfrankenhausen):
    user = person_with(role)
    home = access_of(user, jena if area == "alliance" else StateArea())
    other_area = access_of(user, StateArea() if area == "alliance" else jena)
    assert cell in {"yes", "no", "own"}
    if cell == "yes":
        assert home.can(code)
    elif cell == "no":
        assert not home.can(code)
        assert not home.can(code, SimpleNamespace(pk=OWN_PARTNER))
    else:  # own: only the partner named in the membership
        assert not home.can(code)
        assert home.can(code, SimpleNamespace(pk=OWN_PARTNER))
        assert not home.can(code, SimpleNamespace(pk=OWN_PARTNER + 1))
    # Never granted in the other area.
    assert not other_area.can(code)
    # An alliance role grants nothing in another alliance.
    if area == "alliance" and role not in (
        Role.STATE_COORDINATOR,
        Role.MINISTRY,
        Role.FEDERAL_OFFICE,
    ):
        assert not access_of(user, badfrankenhausen).can(code)
        assert not access_of(user, badfrankenhausen).can(code, SimpleNamespace(pk=OWN_PARTNER))


def test_state_coordinator_reads_every_alliance(person_with, badfrankenhausen):
    user = person_with(Role.STATE_COORDINATOR)
    assert access_of(user, badfrankenhausen).can("alliance.partners.view")
    assert not access_of(user, badfrankenhausen).can("alliance.partners.change")


def test_no_role_and_anonymous_get_nothing(jena):
    from django.contrib.auth.models import AnonymousUser

    nobody = UserFactory()
    for code, rule in RULES.items():
        tenant = jena if rule.area == "alliance" else StateArea()
        assert not access_of(nobody, tenant).can(code)
        assert not access_of(AnonymousUser(), tenant).can(code)


def test_disabled_account_gets_nothing(person_with, jena):
    user = person_with(Role.LOCAL_COORDINATOR)
    user.is_active = False
    assert not access_of(user, jena).can("alliance.workspace.view")


def test_unknown_permission_is_a_programming_error(jena):
    with pytest.raises(KeyError):
        access_of(UserFactory(), jena).can("alliance.partner.steal")
    with pytest.raises(KeyError):
        requires("alliance.partner.steal")
