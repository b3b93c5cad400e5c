"""A host's legal page as shown: the text its coordinator wrote, or else a default text
made from what the host knows about itself (name, address, contact)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from kernel.legal.markdown import render_markdown
from kernel.legal.models import LegalKind


@dataclass(frozen=True)
class Publisher:
    """Who publishes a host's pages, as the default legal texts name them."""

    name: str
    host_organisation: str = ""
    address_lines: list[str] = field(default_factory=list)
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    statement_date: datetime.date | None = None
    # The official key of the publisher's state: the default texts name Thuringia's
    # authority and laws for "16" and the state's in general terms elsewhere.
    state_key: str = ""


@dataclass(frozen=True)
class LegalText:
    kind: LegalKind
    text: str
    is_default: bool
    updated_at: datetime.datetime | None = None

    @property
    def title(self) -> str:
        return str(self.kind.label)

    @property
    def url(self) -> str:
        """The page's public address on the current host."""
        from kernel.legal.urls import legal_url

        return legal_url(self.kind)

    @property
    def html(self) -> SafeString:
        return render_markdown(self.text)


def default_text(kind: str, publisher: Publisher) -> str:
    context = {
        "name": publisher.name,
        "host_organisation": publisher.host_organisation,
        "address_lines": publisher.address_lines,
        "contact_name": publisher.contact_name,
        "email": publisher.email,
        "phone": publisher.phone,
        "responsible": publisher.contact_name or publisher.name,
        "statement_date": publisher.statement_date or timezone.localdate(),
        "state_key": publisher.state_key,
    }
    return render_to_string(f"legal/default_{LegalKind(kind).value}.txt", context).strip() + "\n"


def legal_text(kind: str, stored, publisher: Publisher) -> LegalText:
    """``stored`` is the saved page of ``kind`` (a LegalPageBase row) or None."""
    kind = LegalKind(kind)
    if stored is not None and stored.text.strip():
        return LegalText(kind, stored.text, False, getattr(stored, "updated_at", None))
    return LegalText(kind, default_text(kind, publisher), True)
