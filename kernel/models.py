"""Model fields that mean the same wherever they stand, declared once.

Each returns a plain Django field with exactly the arguments the models spelled out
before, so that the migrations see no change:

- ``plausible_date()`` and ``plausible_datetime()``: a date the platform stores, always
  within the plausible range (``kernel.dates``); ``optional=True`` leaves it empty
  until it is known (joined on, awarded on, sent at, anonymised at, ...).
- ``anonymisation_stamp()``: when a record's personal data was erased (GDPR); empty
  until then.
- ``optional_link()``: a reference that may be empty and is emptied when what it names
  is deleted (a lead partner, who requested a run, the host alliance, ...): the record
  itself stays.
- ``part_of()`` and ``protected_link()``, each a ``reference()`` that says what deleting
  does: the record is deleted with what it belongs to (a contact's partner, a check's
  application), or keeps what it names from being deleted (a placement's carer).
- ``choice_field()``: a text field holding one value of a choices class.
- ``euro_amount()``: an amount of money in euros and cents.
- ``postal_address()``: street and number, postcode and town, each of which may be
  left empty.
- ``in_order()``: the database check that one field does not come before another (an
  end before its start, leaving before joining, an upper age below the lower one).
- ``choice_check()``, ``not_negative()``, ``positive_amount()``, ``ends_after_start()``,
  ``matches()``: the database checks that a field holds one of its choices, that amounts
  are not below zero, that an amount is above it, that an end date is not before the
  start, that a text has the form of a pattern.
- ``at_most_one()``: the constraint that one row at the most has a flag set (the
  default programme, an alliance's primary domain).

And the abstract models of field groups that are one concept wherever they stand:
``PersonName`` (first and last name) and ``ContactDetails`` (e-mail address and phone);
``Named`` and ``Titled``, a record that shows as its name or its title.
All checks built here are decided in Python by ``kernel.crud.checks``.
"""

from __future__ import annotations

import operator
from functools import partial, reduce
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.dates import validate_plausible_date

__all__ = [
    "ContactDetails",
    "Named",
    "PersonName",
    "Titled",
    "account_link",
    "anonymisation_stamp",
    "at_most_one",
    "choice_check",
    "choice_field",
    "ends_after_start",
    "euro_amount",
    "in_order",
    "matches",
    "not_negative",
    "optional_link",
    "part_of",
    "plausible_date",
    "plausible_datetime",
    "positive_amount",
    "postal_address",
    "protected_link",
    "reference",
]


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


def anonymisation_stamp(**kwargs: Any) -> models.DateTimeField:
    """When the record's personal data was erased on request or after its retention
    (``anonymised_at``); empty until then."""
    return plausible_datetime(_("anonymised at"), optional=True, **kwargs)


def reference(
    to: Any,
    verbose_name: Any,
    *,
    on_delete: Any,
    related_name: str,
    optional: bool = False,
    **kwargs: Any,
) -> models.ForeignKey:
    """A reference to ``to``; with ``optional`` it may be left empty."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        on_delete=on_delete,
        related_name=related_name,
        **_optional(optional),
        **kwargs,
    )


def optional_link(to: Any, verbose_name: Any, *, related_name: str) -> models.ForeignKey:
    """A reference to ``to`` that may be empty and is emptied (``SET_NULL``) when the
    record it names is deleted."""
    return reference(
        to, verbose_name, on_delete=models.SET_NULL, related_name=related_name, optional=True
    )


def account_link(verbose_name: Any) -> models.ForeignKey:
    """A reference to an account that may be empty, without a database constraint: the
    accounts live in the public schema and may be erased (GDPR) while the records that
    name them, in every alliance schema, stay."""
    return reference(
        settings.AUTH_USER_MODEL,
        verbose_name,
        on_delete=models.DO_NOTHING,
        related_name="+",
        optional=True,
        db_constraint=False,
    )


#: A reference to the record this one belongs to: deleting that record deletes this one.
part_of = partial(reference, on_delete=models.CASCADE)
#: A reference that keeps the record it names: it cannot be deleted while this one exists.
protected_link = partial(reference, on_delete=models.PROTECT)


def postal_address(town: Any = None) -> tuple[models.Field, models.Field, models.Field]:
    """The fields of a postal address, street and number, postcode and town (``town``
    names the last one as the forms show it), each of which may be left empty."""
    return (
        models.CharField(_("street and number"), max_length=200, blank=True),
        models.CharField(_("postcode"), max_length=10, blank=True),
        models.CharField(town or _("town"), max_length=100, blank=True),
    )


def choice_field(
    verbose_name: Any, choices: type[models.Choices], *, max_length: int = 20, **kwargs: Any
) -> models.CharField:
    """A text field that holds one value of ``choices``."""
    return models.CharField(verbose_name, max_length=max_length, choices=choices.choices, **kwargs)


def euro_amount(
    verbose_name: Any, *, max_digits: int = 12, optional: bool = False, **kwargs: Any
) -> models.DecimalField:
    """An amount of money in euros and cents."""
    return models.DecimalField(
        verbose_name, max_digits=max_digits, decimal_places=2, **_optional(optional), **kwargs
    )


def choice_check(
    field: str, choices: Any, *, name: str, message: Any = None
) -> models.CheckConstraint:
    """The check that ``field`` holds one of ``choices`` (a choices class, or some of its
    members); an empty field passes."""
    values = choices.values if isinstance(choices, type) else [c.value for c in choices]
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": values}),
        name=name,
        violation_error_message=message,
    )


def not_negative(
    *fields: str, name: str, message: Any = None, optional: bool = False
) -> models.CheckConstraint:
    """The check that none of ``fields`` is below zero; with ``optional`` (one field) an
    empty value passes."""
    condition = models.Q(**{f"{field}__gte": 0 for field in fields})
    if optional:
        (field,) = fields
        condition = models.Q(**{f"{field}__isnull": True}) | condition
    return models.CheckConstraint(condition=condition, name=name, violation_error_message=message)


def matches(field: str, pattern: str, *, name: str) -> models.CheckConstraint:
    """The check that the text in ``field`` matches the regular expression ``pattern``."""
    return models.CheckConstraint(condition=models.Q(**{f"{field}__regex": pattern}), name=name)


def at_most_one(
    flag: str, *, name: str, per: str | None = None, message: Any = None
) -> models.UniqueConstraint:
    """The constraint that at most one row (with ``per``: per value of that field) has
    the boolean ``flag`` set."""
    return models.UniqueConstraint(
        fields=[per or flag],
        condition=models.Q(**{flag: True}),
        name=name,
        violation_error_message=message,
    )


def ends_after_start(name: str, *, optional: tuple[str, ...] = ()) -> models.CheckConstraint:
    """The check that a record's ``end_date`` is not before its ``start_date``."""
    return in_order(
        "start_date",
        "end_date",
        optional=optional,
        name=name,
        message=_("The end cannot be before the start."),
    )


def positive_amount(name: str) -> models.CheckConstraint:
    """The check that a record's ``amount`` of money is above zero."""
    return models.CheckConstraint(
        condition=models.Q(amount__gt=0),
        name=name,
        violation_error_message=_("The amount must be greater than zero."),
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


class PersonName(models.Model):
    """A person's first and last name, which the record shows as."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class ContactDetails(models.Model):
    """How a person or a service is reached; either may be left empty."""

    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    class Meta:
        abstract = True


class Named(models.Model):
    """A record that shows as its name (in lists, choice fields, the admin)."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class Titled(models.Model):
    """A record that shows as its title (in lists, choice fields, the admin)."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title
