"""Writes of the state area's legal pages."""

from __future__ import annotations

from kernel.legal.services import legal_page_write
from regional.models import StateLegalPage


def state_legal_page_save(*, actor, kind: str, text: str) -> StateLegalPage:
    """Write the state area's page of ``kind``; an empty text brings back the default."""
    return legal_page_write(actor=actor, model=StateLegalPage, kind=kind, text=text)
