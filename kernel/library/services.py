"""The writes of every library, declared once per room in a :class:`LibraryWrites`.

A document is created with its first version; each further upload is the next version
(numbered under a row lock on the document, so two uploads at once never share a
number); deleting a document removes its versions and, after the commit, their files.
Every file passes ``kernel.uploads.attachment_check`` (type by name and content, size)
before anything is stored: a refused upload leaves no record and no file. Each write
leaves an audit entry (``<prefix>.created``, ``.uploaded``, ``.updated``, ``.deleted``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kernel.audit.services import audit_log
from kernel.crud.records import record_create, record_delete, record_update
from kernel.library.models import TAG_MAX_LENGTH, TAGS_MAX
from kernel.uploads import attachment_check, discard_released_files


def clean_tags(value: str | Iterable[str] | None) -> list[str]:
    """Tags from a comma-separated text or a list: trimmed, each once (whatever its
    case), at most 12 of at most 40 characters; refused in German otherwise."""
    if value is None:
        return []
    parts = value.split(",") if isinstance(value, str) else list(value)
    tags: list[str] = []
    seen: set[str] = set()
    for part in parts:
        tag = re.sub(r"\s+", " ", str(part)).strip()
        if not tag or tag.casefold() in seen:
            continue
        if len(tag) > TAG_MAX_LENGTH:
            raise ValidationError(
                {"tags": _("A tag may have at most %(max)d characters.") % {"max": TAG_MAX_LENGTH}}
            )
        seen.add(tag.casefold())
        tags.append(tag)
    if len(tags) > TAGS_MAX:
        raise ValidationError(
            {"tags": _("A document may have at most %(max)d tags.") % {"max": TAGS_MAX}}
        )
    return tags


def checked_file(file: Any) -> UploadedFile:
    """The uploaded file, if it may be stored (``kernel.uploads``); refused otherwise."""
    if not isinstance(file, UploadedFile):
        raise ValidationError({"file": _("Please choose a file to upload.")})
    attachment_check(file)
    return file


def _given(values: dict[str, Any]) -> dict[str, Any]:
    """The values given (None: keep), each collection of roles or alliances as a list."""
    return {
        key: value if isinstance(value, str) or not isinstance(value, Iterable) else list(value)
        for key, value in values.items()
        if value is not None
    }


def _no_rule(values: dict[str, Any], document: Any) -> None:
    return None


D = TypeVar("D", bound=models.Model)
V = TypeVar("V", bound=models.Model)


@dataclass(frozen=True)
class LibraryWrites(Generic[D, V]):
    """The writes of one room's library; the room's services are its methods
    (``alliance_document_create = WRITES.create``), so every room writes alike."""

    document_model: type[D]
    version_model: type[V]
    #: Checks the room's visibility fields (audience, alliances) before a save:
    #: ``check(values, document or None)`` raises ValidationError.
    check_visibility: Callable[[dict[str, Any], Any], None] = field(default=_no_rule)
    #: Settles the room's visibility values in place before the check, ``settle(values,
    #: document or None)`` (the state: a document for all alliances keeps no chosen ones).
    settle: Callable[[dict[str, Any], Any], None] = field(default=_no_rule)
    #: The document's many-to-many fields among the room's fields (the alliances).
    many_fields: tuple[str, ...] = ()

    def _split(self, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        data = {k: v for k, v in values.items() if k not in self.many_fields}
        many = {k: v for k, v in values.items() if k in self.many_fields}
        if "tags" in data:
            data["tags"] = clean_tags(data["tags"])
        return data, many

    def _version(self, *, actor, document, file, note: str):
        # The document's row lock orders concurrent uploads of the same document.
        type(document).objects.select_for_update().filter(pk=document.pk).first()
        latest = self.version_model.objects.filter(document=document).aggregate(n=Max("number"))
        version = self.version_model(
            document=document,
            number=(latest["n"] or 0) + 1,
            note=(note or "").strip(),
            uploaded_by=actor if getattr(actor, "pk", None) else None,
        )
        version.file = file
        version.full_clean(exclude=["document", "file"])
        version.save()
        return version

    @transaction.atomic
    def create(
        self,
        *,
        actor,
        title: str,
        file: UploadedFile,
        description: str = "",
        tags: str | Iterable[str] = (),
        audience: Iterable[str] = (),
        note: str = "",
        **room_values: Any,
    ) -> D:
        """A new document with ``file`` as its version 1, shown to the roles of
        ``audience`` (and whom the room's further values name)."""
        checked_file(file)
        values = _given(
            {"title": title, "description": description, "tags": tags, "audience": audience}
        )
        values.update(_given(room_values))
        self.settle(values, None)
        data, many = self._split(values)
        self.check_visibility({**data, **many}, None)
        document = record_create(actor=actor, model=self.document_model, data=data, many=many)
        self._version(actor=actor, document=document, file=file, note=note)
        return document

    @transaction.atomic
    def add_version(self, *, actor, document: D, file: UploadedFile, note: str = "") -> V:
        """``file`` as the document's next version."""
        checked_file(file)
        version = self._version(actor=actor, document=document, file=file, note=note)
        audit_log(
            actor=actor,
            action=f"{_label(document)}.uploaded",
            target=document,
            changes={"version": version.number, "file": version.file_name},
        )
        type(document).objects.filter(pk=document.pk).update(updated_at=version.uploaded_at)
        return version

    @transaction.atomic
    def update(self, *, actor, document: D, **values: Any) -> D:
        """Change the document's title, description, tags or visibility: what is given
        (None: keep)."""
        values = _given(values)
        self.settle(values, document)
        data, many = self._split(values)
        self.check_visibility({**data, **many}, document)
        return record_update(actor=actor, instance=document, data=data, many=many)

    @transaction.atomic
    def delete(self, *, actor, document: D) -> None:
        """The document with every version; their files go once the deletion commits."""
        for version in self.version_model.objects.filter(document=document):
            discard_released_files(version)
        record_delete(actor=actor, instance=document)


def _label(instance: models.Model) -> str:
    return f"{instance._meta.app_label}.{instance._meta.model_name}"
