"""What a person may import, and how each list's columns read (upload page and API)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.imports import KINDS, ImportKind


def importable_kinds(access) -> list[ImportKind]:
    """The kinds of list this person may import: those whose records they may change."""
    return [kind for kind in KINDS.values() if access.can(kind.permission)]


def column_help(kind: ImportKind) -> list[dict]:
    """Each column of ``kind``: German header, English alias, whether it is required and
    what it takes (the choices' labels first, then the hint)."""
    columns = []
    for column in kind.columns:
        parts = [str(column.hint)] if column.hint else []
        if column.choices is not None:
            labels = ", ".join(str(label) for label in column.choices.labels)
            parts.insert(0, _("one of: %(values)s") % {"values": labels})
        columns.append(
            {
                "header": column.header,
                "english": column.english,
                "required": column.required,
                "values": "; ".join(parts),
            }
        )
    return columns
