"""Reads of the first-run checklist (``core.onboarding``): each item's state in this
workspace, and its progress as the state office's pipeline shows it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django_tenants.utils import schema_context

from core.models import (
    BoardMember,
    ChecklistMark,
    ChecklistStatus,
    LegalPage,
    Partner,
    SiteIdentity,
)
from core.onboarding import checklist_items
from core.selectors.partners import public_partner_list
from core.selectors.public import public_project_list
from kernel.legal.models import LegalKind

# ---------------------------------------------------------------- the automatic checks


def has_board_members() -> bool:
    return BoardMember.objects.exists()


def has_partners() -> bool:
    return Partner.objects.exists()


def identity_complete() -> bool:
    """The public site says who the alliance is and whom to contact (the logo is a plus)."""
    needed = ("description", "street", "postcode", "town", "contact_name", "contact_email")
    return SiteIdentity.objects.filter(**{f"{field}__gt": "" for field in needed}).exists()


def legal_pages_written() -> bool:
    """Each legal page has the alliance's own text (the default is a draft to check)."""
    written = LegalPage.objects.exclude(text="").values_list("kind", flat=True)
    return set(written) >= set(LegalKind.values)


def public_page_has_content() -> bool:
    """The public page names partners or shows current projects."""
    return public_partner_list().exists() or public_project_list().exists()


# ---------------------------------------------------------------- the checklist


@dataclass(frozen=True)
class ChecklistRow:
    key: str
    label: Any
    help: Any
    url: str  # on the alliance's host
    status: str  # ChecklistStatus: open, done, skipped
    automatic: bool  # done because the workspace's data shows it
    can_check: bool  # the item has an automatic check
    marked_at: datetime.datetime | None

    @property
    def is_open(self) -> bool:
        return self.status == ChecklistStatus.OPEN

    @property
    def status_label(self) -> str:
        return str(ChecklistStatus(self.status).label)


def _url(url_name: str) -> str:
    try:
        return reverse(url_name, urlconf=settings.ROOT_URLCONF)
    except NoReverseMatch:
        return ""


def checklist() -> list[ChecklistRow]:
    """Every registered item in order with its state in the current schema."""
    marks = {mark.key: mark for mark in ChecklistMark.objects.all()}
    rows = []
    for item in checklist_items():
        mark = marks.get(item.key)
        automatic = item.check is not None and item.check()
        status = mark.status if mark is not None else ChecklistStatus.OPEN
        if automatic:
            status = ChecklistStatus.DONE
        rows.append(
            ChecklistRow(
                key=item.key,
                label=item.label,
                help=item.help,
                url=_url(item.url_name),
                status=status,
                automatic=automatic,
                can_check=item.check is not None,
                marked_at=mark.updated_at if mark and mark.status != ChecklistStatus.OPEN else None,
            )
        )
    return rows


def checklist_started() -> bool:
    """Whether this workspace has a first-run checklist (made when the state put the
    alliance on the platform); older alliances have none and are not asked."""
    return ChecklistMark.objects.exists()


@dataclass(frozen=True)
class ChecklistProgress:
    rows: list[ChecklistRow]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def done(self) -> int:
        return sum(row.status == ChecklistStatus.DONE for row in self.rows)

    @property
    def settled(self) -> int:
        """Done or skipped."""
        return sum(not row.is_open for row in self.rows)

    @property
    def complete(self) -> bool:
        return self.settled == self.total


def checklist_progress(*, schema_name: str | None = None) -> ChecklistProgress:
    """The checklist's progress in the current schema, or in ``schema_name`` (how the
    state layer reads it across the schema boundary)."""
    if schema_name is None:
        return ChecklistProgress(checklist())
    with schema_context(schema_name):
        return ChecklistProgress(checklist())
