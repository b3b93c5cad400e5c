"""The writes every kind of workshop shares, declared once per room in a
:class:`WorkshopWrites` with its concrete workshop model and its cancel link (the
registration, topic and seat models are the workshop's relations).

Registration is the one write open to anonymous visitors: ``register`` holds the
workshop's row while it counts the places, so two people can never take the last one.
Cancelling moves the first person on the waiting list up, who is told by e-mail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kernel import formats
from kernel.audit.services import audit_log
from kernel.crud.records import record_create, record_delete, record_update
from kernel.mail.services import email_queue

from .models import RegistrationStatus
from .rules import balanced_assignment, ensure_open, place_for

ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
MAIL_TEMPLATE = "workshops/emails/registration.txt"


class WorkshopFields(TypedDict, total=False):
    format: str
    capacity: int
    rounds: int
    registration_open: bool
    waiting_list: bool
    privacy_notice: str


class TopicFields(TypedDict, total=False):
    title: str
    host: str
    moderator: str
    result: str


class RegistrationFields(TypedDict, total=False):
    name: str
    email: str
    organisation: str


def _related(model: type[models.Model], name: str) -> type[models.Model]:
    return model._meta.get_field(name).related_model


@dataclass(frozen=True)
class WorkshopWrites:
    """One room's workshop writes: its workshop model and the absolute cancel link of
    a registration. Its methods are the room's services (keyword-only, audited); its
    pages and API resource find theirs by ``crud``."""

    workshop_model: type[models.Model]
    cancel_url: Callable[[models.Model], str]

    @property
    def registration_model(self) -> type[models.Model]:
        return _related(self.workshop_model, "registrations")

    @property
    def topic_model(self) -> type[models.Model]:
        return _related(self.workshop_model, "topics")

    @property
    def assignment_model(self) -> type[models.Model]:
        return _related(self.registration_model, "seats")

    def crud(self, kind: str) -> tuple[type[models.Model], Callable, Callable, Callable]:
        """The model of ``kind`` ("workshop", "topic", "registration") and the services
        that create, update and delete one: what its pages and its API resource call."""
        return {
            "workshop": (
                self.workshop_model,
                self.workshop_create,
                self.workshop_update,
                self.workshop_delete,
            ),
            "topic": (self.topic_model, self.topic_create, self.topic_update, self.topic_delete),
            "registration": (
                self.registration_model,
                self.register,
                self.registration_update,
                self.registration_delete,
            ),
        }[kind]

    # ------------------------------------------------------------ the workshop

    def workshop_create(self, *, actor, **fields: Any):
        """Run an occasion as a workshop: ``fields`` name it by the model's
        ``OCCASION_FIELD`` (``event=``, ``meeting=``) beside the settings."""
        field = self.workshop_model.OCCASION_FIELD
        if self.workshop_model.objects.filter(**{field: fields.get(field)}).exists():
            raise ValidationError(_("This occasion is already run as a workshop."))
        return record_create(actor=actor, model=self.workshop_model, data=fields)

    @transaction.atomic
    def workshop_update(self, *, actor, workshop, **fields: Unpack[WorkshopFields]):
        """Change the settings; more places move the waiting list up, fewer rounds take
        the seats of the rounds that are gone."""
        type(workshop).objects.select_for_update().filter(pk=workshop.pk).first()
        capacity = fields.get("capacity")
        if capacity is not None and capacity < self.confirmed_count(workshop):
            raise ValidationError(
                {"capacity": _("More people than that already have a confirmed place.")}
            )
        workshop = record_update(actor=actor, instance=workshop, data=fields)
        self.assignment_model.objects.filter(
            registration__workshop=workshop, round__gt=workshop.rounds
        ).delete()
        self.move_up(actor=actor, workshop=workshop)
        return workshop

    def workshop_delete(self, *, actor, workshop) -> None:
        """The occasion stays; its registrations, topics and seats go."""
        record_delete(actor=actor, instance=workshop)

    # ------------------------------------------------------------ topics and tables

    def topic_create(self, *, actor, workshop, **fields: Unpack[TopicFields]):
        return record_create(
            actor=actor, model=self.topic_model, data={"workshop": workshop, **fields}
        )

    def topic_update(self, *, actor, topic, **fields: Unpack[TopicFields]):
        return record_update(actor=actor, instance=topic, data=fields)

    def topic_delete(self, *, actor, topic) -> None:
        record_delete(actor=actor, instance=topic)

    # ------------------------------------------------------------ registrations

    def confirmed_count(self, workshop) -> int:
        return self.registration_model.objects.filter(
            workshop=workshop, status=RegistrationStatus.CONFIRMED
        ).count()

    def _check_wishes(self, workshop, wishes: Iterable[models.Model]) -> list[models.Model]:
        wishes = list(dict.fromkeys(wishes or ()))
        if any(topic.workshop_id != workshop.pk for topic in wishes):
            raise ValidationError({"wishes": _("Choose topics of this workshop only.")})
        return wishes

    @transaction.atomic
    def register(
        self,
        *,
        actor=None,
        workshop,
        name: str,
        email: str,
        organisation: str = "",
        wishes: Iterable[models.Model] = (),
        notify: bool = True,
        public: bool = False,
        **extra: Any,
    ):
        """Register a person: a confirmed place while there is one, else the waiting
        list (or, without a waiting list, a refusal). Sends the confirmation e-mail with
        the cancel link. ``public``: from the public form, which takes registrations only
        while they are open; ``extra``: the room's own fields (an invitee's alliance)."""
        # The row lock serialises registrations of one workshop (last place, waiting list).
        workshop = type(workshop).objects.select_for_update().get(pk=workshop.pk)
        if public:
            ensure_open(workshop)
        wishes = self._check_wishes(workshop, wishes)
        email = (email or "").strip()
        if self.registration_model.objects.filter(
            workshop=workshop, email__iexact=email, status__in=ACTIVE
        ).exists():
            raise ValidationError({"email": _("This e-mail address is already registered.")})
        status = place_for(workshop, self.confirmed_count(workshop))
        registration = record_create(
            actor=actor,
            model=self.registration_model,
            data={
                "workshop": workshop,
                "name": name,
                "email": email,
                "organisation": organisation,
                "status": status,
                **extra,
            },
            many={"wishes": [topic.pk for topic in wishes]},
        )
        if notify:
            self._mail(registration, "registered")
        return registration

    def registration_update(
        self, *, actor, registration, wishes=None, **fields: Unpack[RegistrationFields]
    ):
        if wishes is not None:
            wishes = [t.pk for t in self._check_wishes(registration.workshop, wishes)]
        return record_update(
            actor=actor, instance=registration, data=fields, many={"wishes": wishes}
        )

    @transaction.atomic
    def cancel(self, *, actor=None, registration):
        """Cancel a registration (twice is harmless); a freed place goes to the first
        person on the waiting list, who is told by e-mail."""
        registration = type(registration).objects.select_related("workshop").get(pk=registration.pk)
        workshop = (
            type(registration.workshop).objects.select_for_update().get(pk=registration.workshop_id)
        )
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        freed = registration.status == RegistrationStatus.CONFIRMED
        registration = record_update(
            actor=actor,
            instance=registration,
            data={"status": RegistrationStatus.CANCELLED, "cancelled_at": timezone.now()},
        )
        self.assignment_model.objects.filter(registration=registration).delete()
        if freed:
            self.move_up(actor=actor, workshop=workshop)
        return registration

    def move_up(self, *, actor, workshop) -> list[models.Model]:
        """Give free places to the waiting list, first come first served."""
        free = workshop.capacity - self.confirmed_count(workshop)
        moved = []
        waiting = self.registration_model.objects.filter(
            workshop=workshop, status=RegistrationStatus.WAITING
        ).order_by("created_at", "pk")
        for registration in waiting[: max(free, 0)]:
            record_update(
                actor=actor,
                instance=registration,
                data={"status": RegistrationStatus.CONFIRMED},
                action=f"{registration._meta.label_lower}.moved_up",
            )
            self._mail(registration, "moved_up")
            moved.append(registration)
        return moved

    def registration_delete(self, *, actor, registration) -> None:
        """Delete a registration for good (entered by mistake); a freed place moves up."""
        with transaction.atomic():
            freed = registration.status == RegistrationStatus.CONFIRMED
            workshop = registration.workshop
            record_delete(actor=actor, instance=registration)
            if freed:
                self.move_up(actor=actor, workshop=workshop)

    def _mail(self, registration, kind: str) -> None:
        workshop = registration.workshop
        with translation.override("de"):
            context = {
                "registration": registration,
                "workshop": workshop,
                "kind": kind,
                "cancel_url": self.cancel_url(registration),
                "waiting": registration.status == RegistrationStatus.WAITING,
            }
            values = {"title": workshop.title, "date": formats.date(workshop.date)}
            if kind == "moved_up":
                subject = _("You have a place: %(title)s on %(date)s") % values
            elif context["waiting"]:
                subject = _("Waiting list: %(title)s on %(date)s") % values
            else:
                subject = _("Registration confirmed: %(title)s on %(date)s") % values
            body = render_to_string(MAIL_TEMPLATE, context)
        email_queue(subject=subject, body=body, to=[registration.email])

    # ------------------------------------------------------------ assignment

    @transaction.atomic
    def assign(self, *, actor, registration, round: int, topic=None):
        """Seat a person at ``topic`` in ``round`` (None: take the seat away)."""
        workshop = registration.workshop
        if not 1 <= round <= workshop.rounds:
            raise ValidationError(
                {
                    "round": _("The workshop has rounds 1 to %(rounds)s.")
                    % {"rounds": workshop.rounds}
                }
            )
        if registration.status != RegistrationStatus.CONFIRMED:
            raise ValidationError(_("Only people with a confirmed place can be assigned."))
        if topic is not None and topic.workshop_id != workshop.pk:
            raise ValidationError({"topic": _("Choose topics of this workshop only.")})
        current = self.assignment_model.objects.filter(registration=registration, round=round)
        before = current.values_list("topic__title", flat=True).first()
        current.delete()
        seat = None
        if topic is not None:
            seat = self.assignment_model(registration=registration, round=round, topic=topic)
            seat.full_clean()
            seat.save()
        audit_log(
            actor=actor,
            action=f"{registration._meta.label_lower}.assigned",
            target=registration,
            changes={"round": round, "topic": [before, topic.title if topic else None]},
        )
        return seat

    @transaction.atomic
    def assign_by_wishes(self, *, actor, workshop) -> int:
        """Seat every confirmed person anew, by their wishes and balanced over the
        topics (``rules.balanced_assignment``); returns the number of seats."""
        topics = list(self.topic_model.objects.filter(workshop=workshop).order_by("title", "pk"))
        if not topics:
            raise ValidationError(_("Add topics or tables first."))
        people = list(
            self.registration_model.objects.filter(
                workshop=workshop, status=RegistrationStatus.CONFIRMED
            )
            .order_by("created_at", "pk")
            .prefetch_related("wishes")
        )
        wishes = {p.pk: [t.pk for t in sorted(p.wishes.all(), key=lambda t: t.pk)] for p in people}
        plan = balanced_assignment(wishes, [t.pk for t in topics], workshop.rounds)
        self.assignment_model.objects.filter(registration__workshop=workshop).delete()
        self.assignment_model.objects.bulk_create(
            self.assignment_model(registration_id=person, round=round_number, topic_id=topic)
            for (person, round_number), topic in plan.items()
        )
        audit_log(
            actor=actor,
            action=f"{workshop._meta.label_lower}.assigned_by_wishes",
            target=workshop,
            changes={"seats": len(plan), "topics": len(topics), "rounds": workshop.rounds},
        )
        return len(plan)

    # ------------------------------------------------------------ retention

    def purge(self, *, before: date) -> int:
        """Delete the registrations of workshops held before ``before``; one audit entry
        per workshop (counts only, never names). Safe to run again."""
        occasion = self.workshop_model.OCCASION_FIELD
        stale = self.registration_model.objects.filter(
            **{f"workshop__{occasion}__date__lt": before}
        )
        counts = dict(stale.values("workshop").annotate(n=Count("pk")).values_list("workshop", "n"))
        if not counts:
            return 0
        for workshop in self.workshop_model.objects.filter(pk__in=counts).select_related(occasion):
            audit_log(
                actor=None,
                action=f"{workshop._meta.label_lower}.registrations_purged",
                target=workshop,
                changes={"registrations": counts[workshop.pk], "reason": "retention"},
            )
        stale.delete()
        return sum(counts.values())
