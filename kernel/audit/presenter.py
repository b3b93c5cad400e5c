"""The audit trail as people read it: one German sentence per entry and its changes
as a readable before and after.

Every caller (the alliance's trail page and its exports, the workspace's recent changes,
the API) shows entries through ``describe_entries``, so an entry reads the same
everywhere::

    Anna Schulz hat den Partner „Zeiss“ aufgenommen.
    Status: in Prüfung → abgelehnt

A change names its field by the model's verbose name and shows choice labels, yes/no,
German dates and the related record's name (``#67`` once that record is gone); long
texts are shortened. Values the GDPR erasure replaced stay as they were replaced.
"""

from __future__ import annotations

import ast
import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.formats import date_format, time_format
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext

from kernel.audit.models import AuditEntry
from kernel.audit.verbs import DETAIL_LABELS, NOMINATIVE, article, object_case, sentence_for

# Longer texts are cut to this many characters (with an ellipsis).
TEXT_LIMIT = 80
# audit_log's label of writes without a person (tasks, the system itself).
SYSTEM_LABELS = ("", "System")
# Details that hold a list of values, never a [before, after] pair (nor does any detail
# named in DETAIL_LABELS: only fields of the model change from one value to another).
LIST_DETAILS = frozenset({"keys", "ids"})


@dataclass(frozen=True)
class Change:
    """One changed field: its label, the value before (None: a plain value, not a
    change) and after."""

    label: str
    after: str
    before: str | None = None

    @property
    def is_change(self) -> bool:
        return self.before is not None

    def __str__(self) -> str:
        if self.is_change:
            return f"{self.label}: {self.before} → {self.after}"
        return f"{self.label}: {self.after}"


@dataclass(frozen=True)
class Description:
    """An entry as it reads: who, the sentence, the object's type and the changes."""

    entry: AuditEntry
    actor: str
    sentence: str
    object_type: str
    changes: list[Change] = field(default_factory=list)

    def changes_text(self) -> str:
        """The changes on one line each (exports)."""
        return "\n".join(str(change) for change in self.changes)


# ---------------------------------------------------------------- object types


@cache
def _models_by_label() -> dict[str, type[models.Model]]:
    """Every model by the type its entries carry (``AUDIT_LABEL`` or ``app.model``)."""
    found = {}
    for model in apps.get_models():
        found[model._meta.label_lower] = model
        label = getattr(model, "AUDIT_LABEL", None)
        if isinstance(label, str):
            found[label] = model
    return found


def model_for(object_type: str) -> type[models.Model] | None:
    return _models_by_label().get(object_type)


def type_label(object_type: str) -> str:
    """The German name of an entry's object type (the model's verbose name)."""
    model = model_for(object_type)
    if model is not None:
        return capfirst(str(model._meta.verbose_name))
    return gettext("Record")


def _subject_model(entry: AuditEntry) -> type[models.Model] | None:
    """The model the entry is about: its object's, or else the one its action names
    (``core.checklist.started`` without a target: the checklist)."""
    if entry.object_type:
        return model_for(entry.object_type)
    app_label, name = entry.action.split(".")[:2]
    return model_for(f"{app_label}.{name.replace('_', '')}")


def _object_phrase(entry: AuditEntry, model: type[models.Model] | None, case: str) -> str:
    """The object as the sentence names it: its type with the article of ``case``
    ("den Partner „Zeiss“"), its name, or "data" without either."""
    kind = capfirst(str(model._meta.verbose_name)) if model is not None else ""
    if kind:
        the = article(model._meta.label_lower, case)
        kind = f"{the} {kind}" if the else kind
    if entry.object_repr:
        quoted = f"„{entry.object_repr}“"
        return f"{kind} {quoted}" if kind else quoted
    return kind or gettext("data")


def actor_label(entry: AuditEntry) -> str:
    if entry.actor_label in SYSTEM_LABELS:
        return gettext("The system")
    return entry.actor_label


def sentence(entry: AuditEntry) -> str:
    """The entry as one German sentence (no changes)."""
    verb = entry.action.rsplit(".", 1)[-1]
    pattern = sentence_for(verb)
    case = object_case(verb)
    phrase = _object_phrase(entry, _subject_model(entry), case)
    # The object in the nominative is the subject of the sentence (or of the part
    # after the colon): "Der Partner „Zeiss“ ist ausgetreten".
    text = str(pattern) % {
        "actor": actor_label(entry),
        "object": capfirst(phrase) if case == NOMINATIVE else phrase,
    }
    return text if text.endswith((".", "!", "?")) else f"{text}."


# ---------------------------------------------------------------- values


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        found = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return found if isinstance(found, models.Field) else None


def _label(model_field: models.Field | None, name: str) -> str:
    if model_field is not None:
        return capfirst(str(model_field.verbose_name))
    if name in DETAIL_LABELS:
        return str(DETAIL_LABELS[name])
    return capfirst(name.replace("_", " "))


def _pairs(model: type[models.Model] | None, changes: Any) -> list[tuple[str, Any, Any, bool]]:
    """(name, before, after, is_change) of every recorded change."""
    if not isinstance(changes, dict):
        return [("", None, changes, False)] if changes not in (None, "", [], {}) else []
    pairs = []
    for name, value in changes.items():
        is_pair = (
            isinstance(value, list)
            and len(value) == 2
            and (_field(model, name) is not None or name not in LIST_DETAILS | DETAIL_LABELS.keys())
        )
        if is_pair:
            pairs.append((name, value[0], value[1], True))
        else:
            pairs.append((name, None, value, False))
    return pairs


def _literal_list(value: Any) -> list | None:
    """A list value, or the list a snapshot wrote as text (``"['weekdays', 'evenings']"``)."""
    if isinstance(value, str) and value.startswith("["):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
    return list(value) if isinstance(value, list | tuple) else None


def _many_ids(model_field: models.Field | None, value: Any) -> list | None:
    """The primary keys a many-to-many value names (a list, or its text ``[2, 32]``)."""
    if not isinstance(model_field, models.ManyToManyField):
        return None
    value = _literal_list(value)
    if value is None:
        return None
    pks = [_key(model_field, item) for item in value]
    return None if None in pks else pks


def _related_ids(model_field: models.Field | None, value: Any) -> Any:
    """The related record's primary key a value names, or None."""
    if not isinstance(model_field, models.ForeignKey) or value in (None, ""):
        return None
    return _key(model_field, value)


# The range of a primary key column: a larger number names no record (and the database
# would refuse to compare with it).
KEY_RANGE = range(-(2**63), 2**63)


def _key(model_field: models.Field, value: Any) -> Any:
    """``value`` as a primary key of the field's related model, or None."""
    try:
        pk = model_field.target_field.to_python(value)
    except (ValidationError, TypeError, ValueError):
        return None
    if isinstance(pk, int) and pk not in KEY_RANGE:
        return None
    return pk


def _text(value: Any, model_field: models.Field | None, related: dict) -> str:
    """One value as people read it."""
    if value is None or value == "":
        return "–"
    if isinstance(value, list | tuple) and not isinstance(model_field, models.ManyToManyField):
        return ", ".join(_text(item, None, related) for item in value) or "–"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v, None, related)}" for k, v in value.items()) or "–"
    if model_field is not None:
        shown = _field_text(value, model_field, related)
        if shown is not None:
            return shown
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    return _short(value)


def _short(value: Any) -> str:
    """A text on one line, cut to ``TEXT_LIMIT`` characters."""
    return Truncator(" ".join(str(value).split())).chars(TEXT_LIMIT)


def _parsed(parse, value: Any) -> Any:
    """``parse(value)``, or None where the text is no date or time that exists."""
    try:
        return parse(str(value))
    except ValueError:
        return None


def _field_text(value: Any, model_field: models.Field, related: dict) -> str | None:
    """A value by what its field is: a choice's label, yes/no, a German date, the name
    of the related record; None when the value is not one the field could hold (an
    erased one, for instance): it is shown as recorded."""
    if isinstance(model_field, models.JSONField):  # a list of values
        items = _literal_list(value)
        choices = getattr(model_field.model, "AUDIT_CHOICES", {}).get(model_field.name)
        labels = {str(key): str(label) for key, label in choices.choices} if choices else {}
        if items is not None:
            return ", ".join(labels.get(str(item), _short(item)) for item in items) or "–"
    if model_field.choices:
        labels = {str(key): label for key, label in model_field.flatchoices}
        if str(value) in labels:
            return str(labels[str(value)])
    if isinstance(model_field, models.BooleanField):
        if str(value) in ("True", "true", "1"):
            return gettext("Yes")
        if str(value) in ("False", "false", "0"):
            return gettext("No")
    if isinstance(model_field, models.DateTimeField):
        moment = value if isinstance(value, datetime.datetime) else _parsed(parse_datetime, value)
        if moment is not None:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    elif isinstance(model_field, models.DateField):
        day = _parsed(parse_date, str(value)[:10])
        if day is not None:
            return date_format(day, "SHORT_DATE_FORMAT")
    if isinstance(model_field, models.ForeignKey):
        pk = _related_ids(model_field, value)
        if pk is not None:
            record = related.get((model_field.related_model, pk))
            return _short(record) if record is not None else f"#{pk}"
    if isinstance(model_field, models.TimeField):
        moment = _parsed(parse_time, value)
        if moment is not None:
            return time_format(moment, "TIME_FORMAT")
    if isinstance(model_field, models.ManyToManyField):
        pks = _many_ids(model_field, value)
        if pks is not None:
            names = (related.get((model_field.related_model, pk)) or f"#{pk}" for pk in pks)
            return ", ".join(_short(name) for name in names) or "–"
    return None


# ---------------------------------------------------------------- entries


def _resolve_related(plans: list[tuple[AuditEntry, Any, list]]) -> dict:
    """The related records every change names, one query per related model."""
    wanted: dict[type[models.Model], set] = defaultdict(set)
    for _entry, model, pairs in plans:
        for name, before, after, _is_change in pairs:
            model_field = _field(model, name)
            for value in (before, after):
                pk = _related_ids(model_field, value)
                if pk is not None:
                    wanted[model_field.related_model].add(pk)
                for pk in _many_ids(model_field, value) or ():
                    wanted[model_field.related_model].add(pk)
    found = {}
    for related_model, pks in wanted.items():
        for pk, record in related_model._default_manager.in_bulk(list(pks)).items():
            found[(related_model, pk)] = record
    return found


def describe_entries(
    entries: Iterable[AuditEntry], *, with_changes: bool = True
) -> list[Description]:
    """Each entry as it reads; the records the changes name are looked up together
    (``with_changes=False``: the sentences alone, at no cost in queries)."""
    plans = []
    for entry in entries:
        model = _subject_model(entry)
        plans.append((entry, model, _pairs(model, entry.changes) if with_changes else []))
    related = _resolve_related(plans)
    described = []
    for entry, model, pairs in plans:
        created = entry.action.endswith(".created")
        changes = []
        for name, before, after, is_change in pairs:
            model_field = _field(model, name)
            if model_field is not None and model_field.primary_key:
                continue
            if created and is_change and before in (None, "", [], "[]"):
                # A new record: its values, without the empty ones and no "before".
                if after in (None, "", []):
                    continue
                is_change = False
            changes.append(
                Change(
                    label=_label(model_field, name) if name else gettext("Details"),
                    before=_text(before, model_field, related) if is_change else None,
                    after=_text(after, model_field, related),
                )
            )
        described.append(
            Description(
                entry=entry,
                actor=actor_label(entry),
                sentence=sentence(entry),
                object_type=type_label(entry.object_type) if entry.object_type else "",
                changes=changes,
            )
        )
    return described


def describe(entry: AuditEntry) -> Description:
    """One entry as it reads."""
    return describe_entries([entry])[0]
