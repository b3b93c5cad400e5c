"""The state office's address book: the people of every alliance (not dissolved) that
the platform knows from their accounts, and each alliance's public contact.

Sources, and nothing else (no partner records, no carers, no private notes):

- accounts: active people with an alliance role of local coordinator, board member or
  partner contact (``tenants.Membership``; name and e-mail address of the account);
- public contacts: the contact person, e-mail address and phone number each alliance
  shows on its public site (``core.selectors.publicsite.public_contact_rows()``).

One row per person and alliance: the same address with several roles in one alliance,
or as an account and the public contact, is one row with all its groups (and the public
phone number). Reads are bounded whatever the number of alliances: the alliances, the
memberships, which schemas exist, and the public contacts with one ``UNION ALL``
statement per ``BATCH`` schemas (as ``regional.statistics`` reads the figures).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.db import connection
from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _
from psycopg import sql

from core.selectors.publicsite import public_contact_rows
from kernel.collation import german_key
from kernel.figures import schema_branch
from regional.selectors.statistics import latest_partners
from tenants import districts
from tenants.models import Alliance, AllianceStatus, Membership
from tenants.roles import Role

BATCH = 25


class Group(TextChoices):
    """The groups of the address book a mailing can be sent to."""

    COORDINATORS = "coordinators", _("Local coordinators")
    BOARD_MEMBERS = "board_members", _("Board members")
    PARTNER_CONTACTS = "partner_contacts", _("Partner contacts")
    PUBLIC_CONTACTS = "public_contacts", _("Public contacts of the alliances")


GROUP_OF_ROLE = {
    Role.LOCAL_COORDINATOR: Group.COORDINATORS,
    Role.BOARD_MEMBER: Group.BOARD_MEMBERS,
    Role.PARTNER_CONTACT: Group.PARTNER_CONTACTS,
}
GROUP_ORDER = list(Group.values)
# What one row's groups say of one person (the groups' own labels are plural).
ROLE_LABELS = {
    Group.COORDINATORS: Role.LOCAL_COORDINATOR.label,
    Group.BOARD_MEMBERS: Role.BOARD_MEMBER.label,
    Group.PARTNER_CONTACTS: Role.PARTNER_CONTACT.label,
    Group.PUBLIC_CONTACTS: _("Public contact"),
}


@dataclass
class Contact:
    """One person of one alliance, as the address book shows them."""

    alliance_id: int
    alliance_name: str
    alliance_slug: str
    district: str
    email: str
    # The alliance's state, status and size (active partners of its newest snapshot,
    # None without one): what the address book filters by, like the alliance lists.
    state_id: int | None = None
    status: str = ""
    active_partners: int | None = None
    name: str = ""
    phone: str = ""
    groups: list[str] = field(default_factory=list)

    @property
    def pk(self) -> str:
        """Stable identity of the row: the alliance and the address."""
        return f"{self.alliance_id}:{self.email.lower()}"

    @property
    def district_label(self) -> str:
        return districts.label(self.district)

    @property
    def group_labels(self) -> list[str]:
        return [str(Group(code).label) for code in self.groups]

    @property
    def role_labels(self) -> list[str]:
        """The person's roles in the alliance, and "public contact"."""
        return [str(ROLE_LABELS[Group(code)]) for code in self.groups]

    def add_group(self, group: str) -> None:
        if group not in self.groups:
            self.groups.append(group)
            self.groups.sort(key=GROUP_ORDER.index)


# ---------------------------------------------------------------- reading


def _alliances() -> dict[int, dict[str, Any]]:
    rows = (
        Alliance.objects.exclude(status=AllianceStatus.DISSOLVED)
        .annotate(active_partners=latest_partners())
        .values(
            "pk", "name", "slug", "district", "schema_name", "state_id", "status", "active_partners"
        )
    )
    return {row["pk"]: row for row in rows}


def _existing_schemas(names: Iterable[str]) -> set[str]:
    """The schemas among ``names`` that exist (an alliance whose schema is not created
    yet has no public site to read)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)", [list(names)])
        return {name for (name,) in cursor.fetchall()}


def _public_contacts(alliances: dict[int, dict[str, Any]]) -> dict[int, dict[str, str]]:
    """alliance id -> its public site's contact (name, e-mail, phone), where it names one."""
    schemas = _existing_schemas(row["schema_name"] for row in alliances.values())
    refs = [
        (pk, row["schema_name"]) for pk, row in alliances.items() if row["schema_name"] in schemas
    ]
    found: dict[int, dict[str, str]] = {}
    if not refs:
        return found
    connection.ensure_connection()
    context = connection.connection

    def literal(value: Any) -> str:
        return sql.Literal(value).as_string(context).replace("{", "{{").replace("}", "}}")

    template = schema_branch(
        public_contact_rows(), schema="{schema}", literal=literal, prefix="{alliance_id}::integer, "
    )
    for start in range(0, len(refs), BATCH):
        statement = "\nUNION ALL\n".join(
            template.format(alliance_id=int(pk), schema=sql.Identifier(schema).as_string(context))
            for pk, schema in refs[start : start + BATCH]
        )
        with connection.cursor() as cursor:
            cursor.execute(statement)
            for alliance_id, row in cursor.fetchall():
                found[alliance_id] = json.loads(row)
    return found


def address_book() -> list[Contact]:
    """Every row of the address book, by alliance and name (German order)."""
    alliances = _alliances()
    rows: dict[str, Contact] = {}

    def row(alliance_id: int, email: str) -> Contact:
        alliance = alliances[alliance_id]
        contact = Contact(
            alliance_id=alliance_id,
            alliance_name=alliance["name"],
            alliance_slug=alliance["slug"],
            district=alliance["district"],
            email=email,
            state_id=alliance["state_id"],
            status=alliance["status"],
            active_partners=alliance["active_partners"],
        )
        return rows.setdefault(contact.pk, contact)

    memberships = (
        Membership.objects.filter(
            role__in=list(GROUP_OF_ROLE), user__is_active=True, alliance_id__in=list(alliances)
        )
        .order_by("alliance_id", "user__email", "role")
        .values_list("alliance_id", "role", "user__email", "user__full_name")
    )
    for alliance_id, role, email, full_name in memberships:
        contact = row(alliance_id, email)
        contact.name = contact.name or full_name
        contact.add_group(GROUP_OF_ROLE[Role(role)])
    for alliance_id, public in _public_contacts(alliances).items():
        contact = row(alliance_id, public["contact_email"])
        contact.name = contact.name or public["contact_name"]
        contact.phone = public["contact_phone"]
        contact.add_group(Group.PUBLIC_CONTACTS)
    for contact in rows.values():
        contact.name = contact.name or contact.email
    return sorted(
        rows.values(), key=lambda c: (german_key(c.alliance_name), german_key(c.name), c.pk)
    )


# ---------------------------------------------------------------- rows as a list


class Rows:
    """Address book rows in memory that answer the part of the QuerySet API the list
    machinery reads (``kernel.crud.tables``: ``all``, ``order_by``, slicing, ``len``;
    ``kernel.collation``'s look at ``query``/``model``; Django's and DRF's paginators).
    Filtering is ``where(predicate)`` (``regional.filters.addressbook``)."""

    model = None
    query = SimpleNamespace(annotations={})
    ordered = True

    def __init__(self, rows: Iterable[Contact]):
        self._rows = list(rows)

    def all(self) -> Rows:
        return Rows(self._rows)

    def none(self) -> Rows:
        return Rows([])

    def where(self, predicate: Callable[[Contact], bool]) -> Rows:
        return Rows(row for row in self._rows if predicate(row))

    def order_by(self, *orderings: Any) -> Rows:
        """Sorted by each attribute of ``orderings`` ("name", "-district"), text in German
        order; orderings that are not attribute names are ignored."""
        rows = list(self._rows)
        for ordering in reversed(orderings):
            if not isinstance(ordering, str):
                continue
            name = ordering.lstrip("-")
            rows.sort(key=lambda row, name=name: _sort_key(getattr(row, name, "")),
                      reverse=ordering.startswith("-"))  # fmt: skip
        return Rows(rows)

    def __iter__(self) -> Iterator[Contact]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        return self._rows[index]


def _sort_key(value: Any) -> Any:
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    return german_key(str(value or ""))


def address_rows() -> Rows:
    return Rows(address_book())
