"""Check constraints decided from a record's own values, without asking the database.

Django validates a ``CheckConstraint`` in ``full_clean`` by sending its condition to the
database (a savepoint, a SELECT and its release: three statements per constraint and
record). Most conditions here are simple: a value among the choices, a number not
below zero, one date not before another, a field empty or not. Those the values decide
just as PostgreSQL would (NULL makes a comparison unknown, and an unknown condition
passes, as Django's ``Coalesce(condition, True)`` does) are decided in Python; anything
else (text order and patterns, arithmetic, other lookups or types) still goes to the
database. tests/kernel/test_checks.py compares both ways for every constraint.

Models opt in with ``PythonDecidedChecks`` (the base of every record, through
``tenants.models.plain_text.PlainTextModel``).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import F, Q
from django.db.models.constants import LOOKUP_SEP


class Undecided(Exception):
    """The values alone do not decide the condition: the database must."""


class Unresolved(Exception):
    """The condition names a field the record does not offer (an excluded field, one
    that failed its own validation): Django's check passes then (a FieldError)."""


COMPARISONS = {
    "gt": lambda a, b: a > b,
    "gte": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "lte": lambda a, b: a <= b,
}


def _kind(value: Any) -> str | None:
    """Which values PostgreSQL compares as Python does: numbers with numbers, dates with
    dates, times of day with times, points in time of one kind; text and booleans only
    for equality."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | Decimal):
        return "number"
    if isinstance(value, datetime.datetime):
        return "aware" if value.tzinfo is not None else "naive"
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, datetime.time) and value.tzinfo is None:
        return "time"
    if isinstance(value, str):
        return "text"
    return None


def _operand(value: Any, values: dict[str, Any]) -> Any:
    if isinstance(value, F):
        if value.name not in values:
            raise Unresolved(value.name)
        return values[value.name]
    if hasattr(value, "resolve_expression"):
        raise Undecided(value)
    return value


def _equal(left: Any, right: Any) -> bool | None:
    if left is None:
        return None
    kinds = {_kind(left), _kind(right)}
    if None in kinds or len(kinds) != 1:
        raise Undecided((left, right))
    return left == right


def _lookup(path: str, value: Any, values: dict[str, Any]) -> bool | None:
    """One ``field__lookup=value`` of a condition: True, False or None (unknown)."""
    name, _, lookup = path.partition(LOOKUP_SEP)
    lookup = lookup or "exact"
    if LOOKUP_SEP in lookup:
        raise Undecided(path)
    if name not in values:
        raise Unresolved(name)
    left = values[name]
    if lookup == "isnull":
        if not isinstance(value, bool):
            raise Undecided(path)
        return (left is None) == value
    right = _operand(value, values)
    if lookup == "exact":
        if right is None:
            raise Undecided(path)  # Django turns this into isnull
        return _equal(left, right)
    if lookup == "in":
        choices = list(right) if isinstance(right, list | tuple | set | frozenset) else None
        if not choices or any(choice is None for choice in choices):
            raise Undecided(path)
        answers = [_equal(left, choice) for choice in choices]
        return None if left is None else any(answers)
    if lookup in COMPARISONS:
        if left is None or right is None:
            return None
        kinds = {_kind(left), _kind(right)}
        if len(kinds) != 1 or kinds & {None, "text", "bool"}:
            raise Undecided(path)
        return COMPARISONS[lookup](left, right)
    raise Undecided(path)


def decide(condition: Q, values: dict[str, Any]) -> bool | None:
    """``condition`` over ``values`` (field name -> value) in SQL's three-valued logic.

    Raises ``Undecided`` when only the database can tell, ``Unresolved`` when the
    condition names a field missing from ``values``."""
    answers = []
    for child in condition.children:
        if isinstance(child, Q):
            answers.append(decide(child, values))
        elif isinstance(child, tuple) and len(child) == 2:
            answers.append(_lookup(child[0], child[1], values))
        else:
            raise Undecided(child)
    if condition.connector == Q.AND:
        answer = False if False in answers else (None if None in answers else True)
    elif condition.connector == Q.OR:
        answer = True if True in answers else (None if None in answers else False)
    else:
        raise Undecided(condition.connector)
    if condition.negated:
        return None if answer is None else not answer
    return answer


def record_values(model: type[models.Model], instance: models.Model, exclude) -> dict[str, Any]:
    """What Django's check offers the condition: each concrete field by name (a
    relation's value is its id), and ``pk``; fields in ``exclude`` are left out."""
    exclude = exclude or set()
    values = {
        field.name: getattr(instance, field.attname)
        for field in model._meta.local_concrete_fields
        if field.name not in exclude and not field.generated
    }
    if "pk" not in exclude:
        values["pk"] = instance.pk
    return values


class _DecidedCheck:
    """A ``CheckConstraint`` whose ``validate`` decides from the values when it can."""

    def __init__(self, constraint: models.CheckConstraint):
        self.constraint = constraint

    def __getattr__(self, name: str) -> Any:
        return getattr(self.constraint, name)

    def validate(self, model, instance, exclude=None, using=None, **kwargs) -> None:
        constraint = self.constraint
        generated = any(f.generated for f in model._meta.local_concrete_fields)
        if not isinstance(constraint.condition, Q) or generated:
            constraint.validate(model, instance, exclude=exclude, using=using, **kwargs)
            return
        try:
            answer = decide(constraint.condition, record_values(model, instance, exclude))
        except Unresolved:
            return
        except Undecided:
            constraint.validate(model, instance, exclude=exclude, using=using, **kwargs)
            return
        if answer is False:
            raise ValidationError(
                constraint.get_violation_error_message(), code=constraint.violation_error_code
            )


class _DecidedUnique(_DecidedCheck):
    """A partial ``UniqueConstraint`` over fields: whether the record falls under its
    condition is decided from the values when it can be; only a record it covers is
    looked for among the others (one query, as without a condition). Django sends the
    condition and the search to the database together, in a savepoint: three
    statements for every record, covered or not."""

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
        constraint = self.constraint
        generated = any(f.generated for f in model._meta.local_concrete_fields)
        plain = constraint.fields and constraint.nulls_distinct is not False
        if not isinstance(constraint.condition, Q) or not plain or generated:
            constraint.validate(model, instance, exclude=exclude, using=using, **kwargs)
            return
        if exclude and set(constraint.fields) & set(exclude):
            return  # as Django: a constraint over an excluded field is not checked
        try:
            covered = decide(constraint.condition, record_values(model, instance, exclude))
        except (Undecided, Unresolved):
            covered = None
        if covered is None:  # unknown (NULL) or undecided: Django's own reading of it
            constraint.validate(model, instance, exclude=exclude, using=using, **kwargs)
            return
        if not covered:
            return  # the record is not in the partial index: nothing to collide with
        lookup = {}
        for name in constraint.fields:
            field = model._meta.get_field(name)
            value = getattr(instance, field.attname)
            if value is None:
                return  # NULL never equals NULL in a unique index
            lookup[field.name] = value
        others = model._default_manager.using(using).filter(constraint.condition, **lookup)
        if not instance._state.adding and instance._is_pk_set(model._meta):
            others = others.exclude(pk=instance._get_pk_val(model._meta))
        if others.exists():
            raise ValidationError(
                constraint.get_violation_error_message(), code=constraint.violation_error_code
            )


def _decided(constraint):
    if isinstance(constraint, models.CheckConstraint):
        return _DecidedCheck(constraint)
    if isinstance(constraint, models.UniqueConstraint) and constraint.condition is not None:
        return _DecidedUnique(constraint)
    return constraint


class PythonDecidedChecks(models.Model):
    """``full_clean`` decides the model's simple check constraints, and whether a record
    falls under a partial unique constraint, without the database."""

    class Meta:
        abstract = True

    def get_constraints(self):
        return [
            (model, [_decided(c) for c in constraints])
            for model, constraints in super().get_constraints()
        ]
