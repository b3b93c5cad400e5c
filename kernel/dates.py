"""Plausible dates: the one range every stored date of the platform must fall in.

A typo such as year 1 or 9999 is accepted by the date parsers of forms, the API and
the import alike; it then breaks date arithmetic (``date.max + 1 day`` raises
OverflowError) and calendar files (``%Y`` writes year 1 as "1"). Every model
``DateField``/``DateTimeField`` of ``tenants``, ``core`` and ``regional`` carries
:func:`validate_plausible_date`, so ``full_clean()`` (which every write service calls),
model forms and model serializers all refuse such a date with the same message, and so
does every other date input (the import's text dates, date filters of lists and the API,
service arguments) through the same function. The system check below fails if a new date
field lacks it.

It lives in ``tenants``, the lowest room with models, so that ``tenants`` (which may not
import ``core``) can use it too; ``kernel.dates`` re-exports it for the rooms above.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.core import checks
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from kernel import formats

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2100, 12, 31)
# The apps whose models this rule covers (their migrations carry the validator).
CHECKED_APPS = ("tenants", "core", "regional", "federal")


def is_plausible_date(value: datetime.date | datetime.datetime | None) -> bool:
    if value is None:
        return True
    day = value.date() if isinstance(value, datetime.datetime) else value
    return EARLIEST <= day <= LATEST


def validate_plausible_date(value: datetime.date | datetime.datetime | None) -> None:
    """Refuse a date outside ``EARLIEST``..``LATEST`` (a model field validator)."""
    if not is_plausible_date(value):
        raise ValidationError(
            _("Please enter a date between %(earliest)s and %(latest)s.")
            % {
                "earliest": formats.date(EARLIEST),
                "latest": formats.date(LATEST),
            },
            code="implausible_date",
        )


def ensure_date_order(
    earlier: datetime.date | None, later: datetime.date | None, *, message: str
) -> None:
    """Raise ``message`` if both dates are given and ``later`` is before ``earlier``; for
    a model's ``clean()``. The error names no field: a model form that shows only one of
    the two (or neither) must still display it, and Django refuses field errors for
    fields a form lacks."""
    if earlier is not None and later is not None and later < earlier:
        raise ValidationError(message, code="date_order")


def date_fields(app_labels: tuple[str, ...] = CHECKED_APPS):
    """(model, field) for every date or datetime field a user or a service sets."""
    for model in apps.get_models():
        if model._meta.app_label not in app_labels:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.DateField):  # DateTimeField is a DateField
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                continue
            yield model, field


@checks.register(checks.Tags.models)
def check_date_fields_are_plausible(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every date field of the covered apps carries the plausibility validator."""
    errors = []
    for model, field in date_fields():
        if validate_plausible_date not in field.validators:
            errors.append(
                checks.Error(
                    f"{model._meta.label}.{field.name} lacks validate_plausible_date.",
                    hint="Add validators=[validate_plausible_date] to the field.",
                    obj=field,
                    id="core.E101",
                )
            )
    return errors
