"""The first-run checklist of a new alliance, declared once.

Each item is a ``ChecklistItem``: its key, German label and help, the page where the
work is done (a URL name of the alliance's host) and, where the workspace's data can
tell, a ``check`` (a selector answering "is it done?"). An item without a check is done
only when the coordinator marks it so. Every item can be marked done or skipped by the
coordinator (``core.services.onboarding``, with an audit entry); an item whose check
passes counts as done whatever its mark.

Another capability adds or replaces an item by registering it (same key: replaced),
e.g. an item with a check over its own records::

    register_checklist_item(ChecklistItem(
        key="legal", position=40, label=_("Legal pages"), help=..., url_name="legal-edit",
        check=legal_pages_written,
    ))

The home page, the checklist page, the API and the state office's pipeline
(``core.selectors.onboarding.checklist_progress``) all read this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    position: int
    label: Any
    help: Any
    url_name: str  # where the work is done (alliance host)
    check: Callable[[], bool] | None = None  # None: only the coordinator's mark counts


CHECKLIST: dict[str, ChecklistItem] = {}


def register_checklist_item(item: ChecklistItem) -> None:
    CHECKLIST[item.key] = item


def checklist_items() -> list[ChecklistItem]:
    return sorted(CHECKLIST.values(), key=lambda item: (item.position, item.key))


def register() -> None:
    """Core's own items (called once from ``CoreConfig.ready``)."""
    from core.selectors import onboarding as checks

    for item in (
        ChecklistItem(
            key="identity",
            position=10,
            label=_("Identity of the alliance"),
            help=_(
                "How the alliance presents itself: name, logo, address and the contact "
                "person on the public page."
            ),
            url_name="site-identity-edit",
            check=checks.identity_complete,
        ),
        ChecklistItem(
            key="board",
            position=20,
            label=_("First board members"),
            help=_("Record the members of the board (Kuratorium) and their terms."),
            url_name="boardmember-list",
            check=checks.has_board_members,
        ),
        ChecklistItem(
            key="partners",
            position=30,
            label=_("First partners"),
            help=_(
                "Import the partner organisations from a spreadsheet: download the template, "
                "fill it in and upload it."
            ),
            url_name="import-upload",
            check=checks.has_partners,
        ),
        ChecklistItem(
            key="legal",
            position=40,
            label=_("Legal pages"),
            help=_("Legal notice, privacy policy and accessibility statement of the alliance."),
            url_name="site-settings",
            check=checks.legal_pages_written,
        ),
        ChecklistItem(
            key="public_page",
            position=50,
            label=_("Public page"),
            help=_(
                "The public page shows partners who agreed to be named and current projects "
                "marked as public."
            ),
            url_name="alliance-home",
            check=checks.public_page_has_content,
        ),
    ):
        register_checklist_item(item)
