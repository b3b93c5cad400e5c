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
    """Core's own items, in this order (called once from ``CoreConfig.ready``)."""
    from core.selectors import onboarding as checks

    own_items = (
        # key, label, help, where the work is done, the check
        (
            "identity",
            _("Identity of the alliance"),
            _(
                "How the alliance presents itself: name, logo, address and the contact "
                "person on the public page."
            ),
            "site-identity-edit",
            checks.identity_complete,
        ),
        (
            "board",
            _("First board members"),
            _("Record the members of the board (Kuratorium) and their terms."),
            "boardmember-list",
            checks.has_board_members,
        ),
        (
            "partners",
            _("First partners"),
            _(
                "Import the partner organisations from a spreadsheet: download the template, "
                "fill it in and upload it."
            ),
            "import-upload",
            checks.has_partners,
        ),
        (
            "legal",
            _("Legal pages"),
            _("Legal notice, privacy policy and accessibility statement of the alliance."),
            "site-settings",
            checks.legal_pages_written,
        ),
        (
            "public_page",
            _("Public page"),
            _(
                "The public page shows partners who agreed to be named and current projects "
                "marked as public."
            ),
            "alliance-home",
            checks.public_page_has_content,
        ),
    )
    for number, (key, label, help_text, url_name, check) in enumerate(own_items, start=1):
        position = 10 * number  # 10, 20, ...: room for another capability's items between
        register_checklist_item(
            ChecklistItem(key, position, label, help=help_text, url_name=url_name, check=check)
        )
