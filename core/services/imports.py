"""Import of partners and projects from a file: checked against the current data, then
written in one transaction through the area services, one audit entry per record.

The file is checked again inside the transaction that writes it, so whatever changed
since the preview (a partner created meanwhile, a measure taken out of the catalogue)
stops the import before anything is saved.
"""

from __future__ import annotations

import datetime
import zlib
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.imports import (
    KINDS,
    ImportKind,
    ImportPreview,
    Lookups,
    ParsedRow,
    name_key,
    parse_import,
)
from core.models import Measure, Partner, Project, Supporter
from core.services.careguides import care_guide_create
from core.services.carers import carer_create
from core.services.funding import funding_entry_create
from core.services.fundraising import supporter_create
from core.services.partners import partner_create
from kernel.crud.records import record_create


class ImportRefused(ValidationError):
    """The file has problems (now); ``preview`` lists them. Nothing was written."""

    def __init__(self, preview: ImportPreview):
        super().__init__(
            _("Nothing has been imported: the file has problems. Please correct them first.")
        )
        self.preview = preview


def _names(queryset, field: str = "name") -> dict[str, int]:
    return {name_key(name): pk for pk, name in queryset.values_list("pk", field)}


def import_lookups(kind: ImportKind) -> Lookups:
    """What the rows of ``kind`` are checked against, as it is in the database now."""
    return Lookups(
        partners=_names(Partner.objects.all()),
        projects=frozenset(_names(Project.objects.all(), "title")),
        measures=_names(Measure.objects.filter(is_active=True)),
        supporters=_names(Supporter.objects.filter(anonymised_at__isnull=True)),
    )


def import_preview(*, kind: str, content: bytes, ext: str) -> ImportPreview:
    """Every row of the file with its problems; writes nothing."""
    import_kind = KINDS[kind]
    return parse_import(import_kind, content, ext, import_lookups(import_kind))


def _partner(actor, *, measures=(), **data):
    return partner_create(actor=actor, **data, measures=Measure.objects.filter(pk__in=measures))


def _project(actor, *, partners=(), **data):
    many = {"partners": Partner.objects.filter(pk__in=partners)}
    return record_create(actor=actor, model=Project, data=data, many=many)


def _care_guide(actor, *, partner_id: int, **data):
    return care_guide_create(actor=actor, partner=Partner.objects.get(pk=partner_id), **data)


# kind -> how one checked row is written: its data and its lists of primary keys
WRITERS: dict[str, Callable[..., Any]] = {
    "partners": _partner,
    "projects": _project,
    "carers": lambda actor, **data: carer_create(actor=actor, **data),
    "care-guides": _care_guide,
    "supporters": lambda actor, **data: supporter_create(actor=actor, **data),
    "funding": lambda actor, **data: funding_entry_create(actor=actor, **data),
}


def _write_row(*, actor, kind: ImportKind, row: ParsedRow):
    return WRITERS[kind.code](actor, **row.data, **row.many)


def _lock_imports() -> None:
    """One import at a time per alliance, so two imports cannot both pass the checks."""
    key = zlib.crc32(f"core.imports:{connection.schema_name}".encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def import_run(*, actor, kind: str, content: bytes, ext: str) -> int:
    """Check the file again and write all its rows, or none; returns the number written.

    Raises ``ImportRefused`` (with the fresh preview) if any row has a problem now, and
    ``ValidationError`` naming the row if saving one fails; either way nothing is saved.
    """
    import_kind = KINDS[kind]
    row_number = None
    try:
        with transaction.atomic():
            _lock_imports()
            preview = parse_import(import_kind, content, ext, import_lookups(import_kind))
            if not preview.can_import:
                raise ImportRefused(preview)
            for row in preview.rows:
                row_number = row.number
                try:
                    _write_row(actor=actor, kind=import_kind, row=row)
                except ValidationError as error:
                    raise ValidationError(
                        _("Row %(row)s could not be saved: %(errors)s Nothing has been imported.")
                        % {"row": row.number, "errors": " ".join(error.messages)}
                    ) from error
    except IntegrityError as error:
        raise ValidationError(
            _(
                "Row %(row)s could not be saved because it conflicts with existing data. "
                "Nothing has been imported."
            )
            % {"row": row_number}
        ) from error
    return len(preview.rows)


def import_files_purge(*, older_than: datetime.timedelta = datetime.timedelta(days=1)) -> int:
    """Delete files of the current alliance that were uploaded for an import but never
    confirmed or cancelled (the session ended); returns how many were deleted."""
    cutoff = timezone.now() - older_than
    deleted = 0
    for name in default_storage.listdir("imports")[1]:
        path = f"imports/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
            deleted += 1
    return deleted
