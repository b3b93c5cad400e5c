"""A meeting's agenda, whatever the kind of meeting: positions 1..n without gaps, and
every change to the agenda of a meeting that has taken place needs a reason, which an
audit entry on the meeting records (``kernel.meetings.rules``).

The unique (meeting, position) constraint is checked row by row, so renumbering first
parks the items on high numbers, then sets the final ones. Each write locks the meeting
row against parallel edits of the same agenda.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from kernel.audit.services import audit_log
from kernel.crud.records import declared
from kernel.meetings.rules import agenda_correction_reason, audit_agenda_correction

_PARKING_OFFSET = 10000


def audit_label(model: type[models.Model]) -> str:
    """The prefix of a model's audit actions; a renamed model keeps its old codes."""
    return getattr(model, "AUDIT_LABEL", model._meta.label_lower)


@dataclass(frozen=True)
class Agenda:
    """How one kind of meeting keeps its agenda.

    ``records`` is the module with ``record_create``/``record_update``/``record_delete``
    (validation, guarded fields and the audit entry); the kernel cannot import the room
    that defines it, so each kind of meeting passes it in. The write methods are the
    room's services (``agenda_item_create = AGENDA.create``): keyword-only, the item's
    fields declared by ``fields_type``."""

    meeting_model: type[models.Model]
    item_model: type[models.Model]
    records: Any
    #: The TypedDict of an item's keywords (besides ``position`` and ``reason``).
    fields_type: type
    #: Fills in fields of an item added without a position, from the locked meeting
    #: (a start time, say).
    prepare_new: Callable[[models.Model, dict[str, Any]], dict[str, Any]] | None = None

    # ------------------------------------------------------------ positions

    def _renumber(self, items: list, wanted: dict[int, int]) -> None:
        if not items:
            return
        for offset, item in enumerate(items, start=1):
            item.position = _PARKING_OFFSET + offset
        self.item_model.objects.bulk_update(items, ["position"])
        for item in items:
            item.position = wanted[item.pk]
        self.item_model.objects.bulk_update(items, ["position"])

    def locked_meeting(self, meeting_id: int, reason: str) -> tuple[models.Model, str]:
        """The meeting, locked against parallel edits, and the reason a change to its
        agenda needs ("" for a meeting yet to take place)."""
        meeting = self.meeting_model.objects.select_for_update().get(pk=meeting_id)
        return meeting, agenda_correction_reason(meeting, reason)

    def locked_items(self, meeting_id: int, exclude_pk: int | None = None) -> list:
        """The meeting's items in order, with the meeting locked against parallel edits."""
        self.meeting_model.objects.select_for_update().filter(pk=meeting_id).first()
        queryset = self.item_model.objects.select_for_update().filter(meeting_id=meeting_id)
        if exclude_pk is not None:
            queryset = queryset.exclude(pk=exclude_pk)
        return list(queryset.order_by("position", "pk"))

    def place(self, items: list, free: int | None = None) -> None:
        """Number ``items`` 1..n in their order, leaving ``free`` unused if given."""
        wanted = {}
        for index, item in enumerate(items, start=1):
            wanted[item.pk] = index if free is None or index < free else index + 1
        self._renumber([item for item in items if item.position != wanted[item.pk]], wanted)

    @staticmethod
    def clamp(position: int | None, highest: int) -> int:
        if position is None or position > highest:
            return highest
        return max(position, 1)

    def _move(self, *, actor, item, others: list, old: int, new: int) -> None:
        self.item_model.objects.filter(pk=item.pk).update(position=0)
        self.place(others, free=new)
        self.item_model.objects.filter(pk=item.pk).update(position=new)
        item.position = new
        audit_log(
            actor=actor,
            action=f"{audit_label(self.item_model)}.moved",
            target=item,
            changes={"position": [str(old), str(new)]},
        )

    def _stored_position(self, item) -> int:
        return self.item_model.objects.values_list("position", flat=True).get(pk=item.pk)

    def _lock_for_moving(self, item, reason: str):
        """(meeting, reason, the other items, the item's stored position), all locked."""
        meeting, reason = self.locked_meeting(item.meeting_id, reason)
        others = self.locked_items(item.meeting_id, exclude_pk=item.pk)
        return meeting, reason, others, self._stored_position(item)

    # ------------------------------------------------------------ writes

    @transaction.atomic
    def create(
        self, *, actor, meeting, position: int | None = None, reason: str = "", **fields: Any
    ):
        """Add an item; without a position (or beyond the end) it goes last, otherwise
        the items from that position on move down one place."""
        fields = declared(self.fields_type, fields)
        meeting, reason = self.locked_meeting(meeting.pk, reason)
        if self.prepare_new is not None and position is None:
            fields = self.prepare_new(meeting, fields)
        items = self.locked_items(meeting.pk)
        position = self.clamp(position, len(items) + 1)
        self.place(items, free=position)
        label = audit_label(self.item_model)
        item = self.records.record_create(
            actor=actor,
            model=self.item_model,
            data={**fields, "meeting": meeting, "position": position},
            action=f"{label}.created",
        )
        audit_agenda_correction(
            actor=actor, meeting=meeting, reason=reason, change="created", item=item
        )
        return item

    @transaction.atomic
    def update(self, *, actor, item, position: int | None = None, reason: str = "", **fields: Any):
        """Change the fields given; a new position moves the item and closes the gap it
        leaves."""
        fields = declared(self.fields_type, fields)
        meeting, reason, others, old = self._lock_for_moving(item, reason)
        new = old if position is None else self.clamp(position, len(others) + 1)
        item.position = old
        item = self.records.record_update(
            actor=actor,
            instance=item,
            data=fields,
            action=f"{audit_label(self.item_model)}.updated",
        )
        if new != old:
            self._move(actor=actor, item=item, others=others, old=old, new=new)
        audit_agenda_correction(
            actor=actor, meeting=meeting, reason=reason, change="updated", item=item
        )
        return item

    @transaction.atomic
    def move(self, *, actor, item, direction: str, reason: str = ""):
        """Move an item one place up or down (at the ends nothing changes)."""
        if direction not in ("up", "down"):
            raise ValidationError(_("Unknown direction."))
        meeting, reason, others, old = self._lock_for_moving(item, reason)
        new = self.clamp(old - 1 if direction == "up" else old + 1, len(others) + 1)
        if new == old:
            return item  # at the end already: nothing moves, nothing to record
        self._move(actor=actor, item=item, others=others, old=old, new=new)
        audit_agenda_correction(
            actor=actor, meeting=meeting, reason=reason, change="moved", item=item
        )
        return item

    @transaction.atomic
    def delete(self, *, actor, item, reason: str = "") -> None:
        meeting_id = item.meeting_id
        meeting, reason = self.locked_meeting(meeting_id, reason)
        self.locked_items(meeting_id)
        audit_agenda_correction(
            actor=actor, meeting=meeting, reason=reason, change="deleted", item=item
        )
        self.records.record_delete(
            actor=actor, instance=item, action=f"{audit_label(self.item_model)}.deleted"
        )
        self.place(self.locked_items(meeting_id))
