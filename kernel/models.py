"""Model fields that mean the same wherever they stand, declared once.

Each returns a plain Django field with exactly the arguments the models spelled out
before, so that the migrations see no change:

- ``plausible_date()`` and ``plausible_datetime()``: a date the platform stores, always
  within the plausible range (``kernel.dates``); ``optional=True`` leaves it empty
  until it is known (joined on, awarded on, sent at, anonymised at, ...).
- ``optional_link()``: a reference that may be empty and is emptied when what it names
  is deleted (a lead partner, who requested a run, the host alliance, ...): the record
  itself stays.
- ``in_order()``: the database check that one field does not come before another (an
  end before its start, leaving before joining, an upper age below the lower one).
"""

from __future__ import annotations

import operator
from functools import reduce
from typing import Any

from django.db import models

from kernel.dates import validate_plausible_date

__all__ = ["in_order", "optional_link", "plausible_date", "plausible_datetime"]


def _optional(optional: bool) -> dict[str, Any]:
    return {"null": True, "blank": True} if optional else {}


def plausible_date(verbose_name: Any, *, optional: bool = False, **kwargs: Any) -> models.DateField:
    """A date within the plausible range; with ``optional`` it may be left empty."""
    return models.DateField(
        verbose_name, **_optional(optional), validators=[validate_plausible_date], **kwargs
    )


def plausible_datetime(
    verbose_name: Any, *, optional: bool = False, **kwargs: Any
) -> models.DateTimeField:
    """A point in time within the plausible range; with ``optional`` it may be empty."""
    return models.DateTimeField(
        verbose_name, **_optional(optional), validators=[validate_plausible_date], **kwargs
    )


def optional_link(to: Any, verbose_name: Any, *, related_name: str) -> models.ForeignKey:
    """A reference to ``to`` that may be empty and is emptied (``SET_NULL``) when the
    record it names is deleted."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
    )


def in_order(
    first: str,
    then: str,
    *,
    name: str,
    message: Any,
    strict: bool = False,
    optional: tuple[str, ...] = (),
) -> models.CheckConstraint:
    """The check that ``then`` is not below ``first`` (with ``strict``: above it); a row
    where one of the fields ``optional`` is empty passes (an open end, an unknown start)."""
    compare = "gt" if strict else "gte"
    conditions = [models.Q(**{f"{field}__isnull": True}) for field in optional]
    conditions.append(models.Q(**{f"{then}__{compare}": models.F(first)}))
    return models.CheckConstraint(
        condition=reduce(operator.or_, conditions), name=name, violation_error_message=message
    )
