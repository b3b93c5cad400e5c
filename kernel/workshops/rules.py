"""Rules every kind of workshop shares: who gets a place, the spam checks of the public
form, the signed cancel link and the balanced assignment of people to topics."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kernel.human import HumanCheck

from .models import RegistrationStatus

# The public registration form's spam protection (kernel.human).
REGISTRATION_CHECK = HumanCheck(
    salt="kernel.workshops.form-started",
    max_age=6 * 60 * 60,
    refused=gettext_lazy("Your registration could not be accepted. Please fill in the form again."),
)


# ---------------------------------------------------------------- places


def ensure_open(workshop, today=None) -> None:
    """Registration is possible while it is open and the occasion's day has not passed."""
    today = today or timezone.localdate()
    if not workshop.registration_open or workshop.date < today:
        raise ValidationError(_("Registration for this workshop is closed."))


def place_for(workshop, confirmed: int) -> str:
    """The status of a new registration, given how many places are taken."""
    if confirmed < workshop.capacity:
        return RegistrationStatus.CONFIRMED
    if workshop.waiting_list:
        return RegistrationStatus.WAITING
    raise ValidationError(_("The workshop is fully booked."))


# ---------------------------------------------------------------- spam protection


def form_started_token(now=None) -> str:
    """The signed moment a registration form was shown (a hidden field)."""
    return REGISTRATION_CHECK.token(now)


def ensure_human(*, honeypot: str, started: str, now=None) -> None:
    """Refuse a form whose hidden field was filled, or that came back too fast (or with
    a start token that is forged or stale): both are what spam robots do."""
    REGISTRATION_CHECK.ensure(honeypot=honeypot, started=started, now=now)


# ---------------------------------------------------------------- the cancel link


def _area() -> str:
    """The schema the registration lives in: a token of one alliance's registration
    must not cancel the registration with the same id in another alliance."""
    return getattr(connection, "schema_name", "")


def cancel_token(registration) -> str:
    """The signed token of a registration's cancel link (no login needed)."""
    label = registration._meta.label_lower
    # No timestamp: the link stays the same however often it is sent.
    return signing.Signer(salt=f"{label}.cancel").sign_object([label, _area(), registration.pk])


def registration_pk(token: str, label: str) -> int | None:
    """The registration a cancel token names, or None for a forged token or one of
    another model or another alliance."""
    try:
        value = signing.Signer(salt=f"{label}.cancel").unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(value, list) or len(value) != 3 or value[:2] != [label, _area()]:
        return None
    return value[2] if isinstance(value[2], int) else None


# ---------------------------------------------------------------- assignment


def balanced_assignment(
    wishes: Mapping[int, Sequence[int]], topics: Sequence[int], rounds: int
) -> dict[tuple[int, int], int]:
    """(person, round) -> topic: each person at one topic per round, as far as possible
    one they wished and not the same twice, no topic fuller than ``ceil(people/topics)``.

    People are seated in the order given (the order of registration), each round anew;
    wishes are in order of preference. Deterministic, so assigning twice gives the same.
    """
    if not topics or not wishes:
        return {}
    seats = math.ceil(len(wishes) / len(topics))
    result: dict[tuple[int, int], int] = {}
    visited: dict[int, set[int]] = {person: set() for person in wishes}
    for round_number in range(1, rounds + 1):
        filled = dict.fromkeys(topics, 0)
        # Those with the fewest wishes choose first: they have the least room to move.
        order = sorted(wishes, key=lambda person: len(wishes[person]) or len(topics) + 1)
        for person in order:
            free = [t for t in topics if filled[t] < seats]
            fresh = [t for t in free if t not in visited[person]] or free
            wished = [t for t in wishes[person] if t in fresh]
            topic = wished[0] if wished else min(fresh, key=lambda t: (filled[t], topics.index(t)))
            filled[topic] += 1
            visited[person].add(topic)
            result[(person, round_number)] = topic
    return result


# ---------------------------------------------------------------- retention

#: Registrations are deleted this many months after their workshop (the privacy notice
#: of the registration form promises it).
RETENTION_MONTHS = 12


def retention_start(today=None):
    """Workshops before this day have had their registrations kept long enough."""
    today = today or timezone.localdate()
    year, month = divmod(today.month - 1 - RETENTION_MONTHS, 12)
    return today.replace(year=today.year + year, month=month + 1, day=min(today.day, 28))
