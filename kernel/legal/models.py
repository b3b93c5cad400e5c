"""The abstract legal page: an alliance (core) and the state area (regional) each store
their own in their schema, one row per kind; a kind without a row shows its default text."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["LEGAL_TEXT_MAX_LENGTH", "LegalKind", "LegalPageBase"]

LEGAL_TEXT_MAX_LENGTH = 30_000


class LegalKind(models.TextChoices):
    # The values are the pages' addresses (/impressum/, ...): German, as the law names them.
    IMPRINT = "impressum", _("Legal notice")
    PRIVACY = "datenschutz", _("Privacy policy")
    ACCESSIBILITY = "barrierefreiheit", _("Accessibility statement")


class LegalPageBase(models.Model):
    """One legal page of a host, written by its coordinator (plain text with a little
    markdown: headings, lists, bold, links; never HTML)."""

    kind = models.CharField(_("page"), max_length=20, choices=LegalKind.choices, unique=True)
    text = models.TextField(_("text"), max_length=LEGAL_TEXT_MAX_LENGTH, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(self.get_kind_display())
