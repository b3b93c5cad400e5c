"""Abstract models of a library: the document and its versions.

A document has at least one version; versions are numbered 1..n per document in the
order they were uploaded and never renumbered; the latest is the one shown by default.
"""

from __future__ import annotations

import os

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kernel.models import Titled, account_link

__all__ = ["DocumentBase", "VersionBase", "audience_field", "safe_file_name", "tags_field"]

TAG_MAX_LENGTH = 40
TAGS_MAX = 12


def tags_field() -> ArrayField:
    """A document's tags ("Leitfaden", "Vorlage"): short words, each once."""
    return ArrayField(
        models.CharField(max_length=TAG_MAX_LENGTH),
        verbose_name=_("tags"),
        blank=True,
        default=list,
        size=TAGS_MAX,
    )


def audience_field(choices, help_text) -> ArrayField:
    """The roles a document is shown to besides those who manage the library."""
    return ArrayField(
        models.CharField(max_length=30, choices=choices),
        verbose_name=_("visible to"),
        blank=True,
        default=list,
        help_text=help_text,
    )


def safe_file_name(name: str) -> str:
    """A stored file's name made of letters, digits and hyphens only, keeping its
    extension: "Leitfaden Öffentlichkeitsarbeit (2026).pdf" ->
    "leitfaden-offentlichkeitsarbeit-2026.pdf"."""
    stem, extension = os.path.splitext(os.path.basename(name or ""))
    stem = slugify(stem)[:80].strip("-") or "dokument"
    extension = slugify(extension.lstrip("."))[:8]
    return f"{stem}.{extension}" if extension else stem


def version_path(instance: VersionBase, filename: str) -> str:
    # The tenant storage puts this under MEDIA_ROOT/<schema>/.
    return f"library/{instance.document_id}/v{instance.number}-{safe_file_name(filename)}"


class DocumentBase(Titled):
    """A document of a library: a guide, a template, a report, in one or more versions."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    tags = tags_field()

    class Meta:
        abstract = True
        ordering = ["-updated_at", "pk"]


def numbered_once(name: str) -> models.UniqueConstraint:
    """Each version number once per document (``name``: the room's, as migrated)."""
    return models.UniqueConstraint(fields=["document", "number"], name=name)


class VersionBase(models.Model):
    """One uploaded file of a document; the subclass adds the link to its document."""

    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_path, max_length=255)
    note = models.CharField(_("note"), max_length=300, blank=True)
    uploaded_by = account_link(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["document", "-number"]
        verbose_name, verbose_name_plural = _("version"), _("versions")

    def __str__(self) -> str:
        return f"{self.document} ({_('version')} {self.number})"

    @property
    def file_name(self) -> str:
        return os.path.basename(self.file.name or "")
