"""FROZEN: the workshop tables' fields and options as the squashed migrations created them.

Both rooms create their workshop tables from the same abstract models
(``kernel.workshops.models``), so their squashed migrations (``core`` 0002-0005,
``regional`` 0006-0012) would otherwise spell out the same fields twice. Those
migrations build their ``CreateModel`` operations from the functions below; the room
passes what is its own (its app label, its table names, the name of its occasion and of
its constraints).

Never edit this module: it is part of migration history, like the migrations that use
it. Every value is written out here (or, for the key and the time stamps, in the frozen
``kernel.migration_fields``) on purpose and is not taken from the models, whose later
changes must not alter what old migrations did. A change to the workshop models goes into
a new migration of each room, which declares its fields itself.
"""

from __future__ import annotations

from typing import Any

import django.core.validators
import django.db.models.deletion
from django.db import models

import kernel.dates
from kernel.migration_fields import stamped

__all__ = [
    "assignment_fields",
    "assignment_options",
    "on_workshop",
    "registration_fields",
    "registration_options",
    "topic_fields",
    "topic_options",
    "wishes_among",
    "workshop_fields",
    "workshop_options",
]


def _rounds_validators() -> list:
    return [
        django.core.validators.MinValueValidator(1),
        django.core.validators.MaxValueValidator(6),
    ]


def _choice(verbose_name: str, *choices: tuple[str, str]) -> models.CharField:
    """A choice of ``choices``, the first one by default."""
    return models.CharField(
        choices=list(choices), default=choices[0][0], max_length=20, verbose_name=verbose_name
    )


def _optional_moment(verbose_name: str) -> models.DateTimeField:
    """A point in time within the plausible range, empty until it is known."""
    return models.DateTimeField(
        blank=True,
        null=True,
        validators=[kernel.dates.validate_plausible_date],
        verbose_name=verbose_name,
    )


def _cascade(to: str, verbose_name: str, related_name: str) -> models.ForeignKey:
    """A link to a row of the same room, which the row goes with."""
    return models.ForeignKey(
        on_delete=django.db.models.deletion.CASCADE,
        related_name=related_name,
        to=to,
        verbose_name=verbose_name,
    )


def workshop_fields(occasion: str, occasion_to: str) -> list[tuple[str, models.Field]]:
    """A workshop's settings and its occasion (e.g. ``event`` to ``core.event``), whose
    verbose name was its field name in both rooms."""
    return [
        *stamped(),
        (
            "format",
            _choice(
                "format",
                ("open_space", "Open space"),
                ("world_cafe", "World café"),
                ("workshop", "Workshop"),
            ),
        ),
        (
            "capacity",
            models.PositiveIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(5000),
                ],
                verbose_name="places",
            ),
        ),
        (
            "rounds",
            models.PositiveSmallIntegerField(
                default=1,
                help_text="How often the participants change tables or topics.",
                validators=_rounds_validators(),
                verbose_name="rounds",
            ),
        ),
        ("registration_open", models.BooleanField(default=True, verbose_name="registration open")),
        (
            "waiting_list",
            models.BooleanField(default=True, verbose_name="waiting list when fully booked"),
        ),
        (
            "privacy_notice",
            models.TextField(
                blank=True,
                help_text="Shown above the registration form; empty: the standard text.",
                verbose_name="privacy notice",
            ),
        ),
        (
            occasion,
            models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="workshop",
                to=occasion_to,
                verbose_name=occasion,
            ),
        ),
    ]


def _options(
    verbose_name: str, plural: str, ordering: list[str], constraint: Any = None
) -> dict[str, Any]:
    """A table's options; one with a ``constraint`` took its ``Meta`` from the abstract
    model's, hence ``abstract: False``."""
    options: dict[str, Any] = {
        "verbose_name": verbose_name,
        "verbose_name_plural": plural,
        "ordering": ordering,
    }
    if constraint is not None:
        options.update(abstract=False, constraints=[constraint])
    return options


def workshop_options(occasion: str) -> dict[str, Any]:
    return _options("workshop", "workshops", [f"-{occasion}__date"])


def topic_fields(workshop_to: str) -> list[tuple[str, models.Field]]:
    """A topic or table with its host, moderator and result."""
    return [
        *stamped(),
        ("title", models.CharField(max_length=200, verbose_name="title")),
        ("host", models.CharField(blank=True, max_length=200, verbose_name="host")),
        ("moderator", models.CharField(blank=True, max_length=200, verbose_name="moderator")),
        ("result", models.TextField(blank=True, verbose_name="result")),
        ("workshop", on_workshop(workshop_to, "topics")),
    ]


def topic_options(constraint: str) -> dict[str, Any]:
    return _options(
        "topic or table",
        "topics and tables",
        ["workshop", "title"],
        models.UniqueConstraint(
            fields=("workshop", "title"),
            name=constraint,
            violation_error_message="The workshop already has a topic of this title.",
        ),
    )


def on_workshop(workshop_to: str, related_name: str) -> models.ForeignKey:
    """The workshop of a topic or a registration, which goes with it."""
    return _cascade(workshop_to, "workshop", related_name)


def wishes_among(topic_to: str) -> models.ManyToManyField:
    """A registration's wishes: topics of its workshop."""
    return models.ManyToManyField(
        blank=True, related_name="wished_by", to=topic_to, verbose_name="topic wishes"
    )


def registration_fields(*links: tuple[str, models.Field]) -> list[tuple[str, models.Field]]:
    """A registration's own fields, then its links (``on_workshop``, ``wishes_among``
    and the room's own) in the order the room's migration created them."""
    return [
        *stamped(),
        ("name", models.CharField(max_length=200, verbose_name="name")),
        ("email", models.EmailField(max_length=254, verbose_name="e-mail address")),
        ("organisation", models.CharField(blank=True, max_length=200, verbose_name="organisation")),
        (
            "status",
            _choice(
                "status",
                ("confirmed", "Confirmed"),
                ("waiting", "On the waiting list"),
                ("cancelled", "Cancelled"),
            ),
        ),
        ("cancelled_at", _optional_moment("cancelled at")),
        ("anonymised_at", _optional_moment("anonymised at")),
        *links,
    ]


def registration_options(constraint: str) -> dict[str, Any]:
    return _options(
        "registration",
        "registrations",
        ["workshop", "created_at", "pk"],
        models.UniqueConstraint(
            condition=models.Q(("status", "cancelled"), _negated=True),
            fields=("workshop", "email"),
            name=constraint,
            violation_error_message="This e-mail address is already registered.",
        ),
    )


def assignment_fields(
    registration_to: str, topic_to: str, topic_verbose_name: str
) -> list[tuple[str, models.Field]]:
    """A registered person's seat at a topic or table in one round."""
    return [
        *stamped(),
        (
            "round",
            models.PositiveSmallIntegerField(validators=_rounds_validators(), verbose_name="round"),
        ),
        ("registration", _cascade(registration_to, "registration", "seats")),
        ("topic", _cascade(topic_to, topic_verbose_name, "seats")),
    ]


def assignment_options(constraint: str) -> dict[str, Any]:
    return _options(
        "assignment",
        "assignments",
        ["round", "topic__title", "registration__name"],
        models.UniqueConstraint(fields=("registration", "round"), name=constraint),
    )
