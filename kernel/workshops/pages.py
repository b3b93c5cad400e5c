"""A workshop's pages declared once over ``kernel.crud.pages.ObjectPages``: the workshop
(list, new, page, edit, delete), its topics or tables and its registrations (new, edit
and delete on the workshop's page), the same for an alliance's workshop and the state's.

A room declares what is its own once, in a :class:`RoomPages` subclass: its
``WorkshopViews`` (``room``: the writes, the workshop selector, the URL names' prefix)
and its permissions. Each page declaration then names the room's form (and the
workshop's template and list); its model, URL names, URL prefix and services follow from
the room::

    class _Room(RoomPages):
        room, view_permission, change_permission = PAGES, VIEW, MANAGE

    class TopicPages(workshop_pages.TopicPages, _Room):
        form_class = TopicForm

``workshop_urls`` names them, and the shared pages of ``kernel.workshops.views``, in
the room's URL conf.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy

from kernel.crud.pages import ObjectPages
from kernel.crud.urls import object_urls

from .selectors import registrations, seat_plan
from .views import WorkshopViews


class RoomPages(ObjectPages):
    """The values a room's workshop pages share (``room``: its ``WorkshopViews``)."""

    room: ClassVar[WorkshopViews | None] = None
    #: What the pages are of: "workshop", "topic" or "registration" (``WorkshopWrites.crud``).
    kind: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs):
        if cls.room is not None and cls.kind and getattr(cls, "model", None) is None:
            cls._bind()
        super().__init_subclass__(**kwargs)

    @classmethod
    def _bind(cls) -> None:
        """A page declaration's model, names and services from its room."""
        crud = cls.room.writes.crud(cls.kind)
        cls.model, cls.create_service, cls.update_service, cls.delete_service = crud
        cls.stem = cls.model.__name__


class WorkshopPages(RoomPages):
    """The room's workshops; the room names its list (title, queryset, table, ...) or
    leaves it out (``routes``), and the template and form of its workshops."""

    kind, prefix, instance_arg = "workshop", "workshops", "workshop"
    create_title, edit_title = gettext_lazy("New workshop"), gettext_lazy("Edit workshop")
    delete_title = gettext_lazy("Delete workshop")
    delete_question = gettext_lazy(
        "Delete the workshop %(title)s with its registrations and topics? The event stays."
    )
    deleted_message = gettext_lazy("The workshop has been deleted.")

    @classmethod
    def _bind(cls) -> None:
        super()._bind()
        cls.name, cls.selector = f"{cls.room.url_prefix}workshop", cls.room.workshop_selector

    class Create:
        def get_form_kwargs(self):
            # "Run as a workshop" on an occasion's page comes with ?<occasion>=<id>.
            field = self.model.OCCASION_FIELD
            occasion = self.request.GET.get(field, "")
            return {"initial": {field: int(occasion)}} if occasion.isdigit() else {}

    class Detail:
        def get_context_data(self, obj):
            return {
                **super().get_context_data(obj),
                "registrations": registrations(obj),
                "topics": obj.topics.order_by("title", "pk"),
                "plan": seat_plan(obj),
            }

    class Delete:
        def question_args(self, obj):
            return {"title": str(obj)}


class _OnWorkshop(RoomPages):
    """Records on a workshop's page (``pk``: the workshop)."""

    routes = ("create", "edit", "delete")
    parent_arg = "workshop"

    @classmethod
    def _bind(cls) -> None:
        super()._bind()
        prefix = cls.room.url_prefix
        cls.prefix = f"workshops/<int:pk>/{cls.kind}s"
        cls.name, cls.parent_url = f"{prefix}workshop-{cls.kind}", f"{prefix}workshop-detail"
        cls.parent_selector = cls.room.workshop_selector


class TopicPages(_OnWorkshop):
    kind, instance_arg, pk_kwarg = "topic", "topic", "topic_pk"
    create_title = gettext_lazy("New topic for %(title)s")
    edit_title = gettext_lazy("Edit topic")
    delete_title = gettext_lazy("Delete topic")
    delete_question = gettext_lazy("Delete the topic %(title)s with its seats?")
    deleted_message = gettext_lazy("The topic has been deleted.")


class RegistrationPages(_OnWorkshop):
    kind, instance_arg, pk_kwarg = "registration", "registration", "registration_pk"
    create_title = gettext_lazy("New registration for %(title)s")
    edit_title = gettext_lazy("Edit registration")
    delete_title = gettext_lazy("Delete registration")
    delete_question = gettext_lazy(
        "Delete the registration of %(name)s for good? To keep it on record, cancel it instead."
    )
    deleted_message = gettext_lazy("The registration has been deleted.")

    class Edit:
        def get_form_kwargs(self):
            return {"workshop": self.parent}


def workshop_urls(
    *pages: type[RoomPages], guard: Callable[[str], Callable[[Callable], Callable]]
) -> list[URLPattern]:
    """A room's workshop URLs: its page declarations (``pages``: the workshop, topic and
    registration pages) and the shared pages of its ``WorkshopViews``, each behind
    ``guard(permission)`` with the declarations' permissions."""
    first = pages[0]
    room, name, on = first.room, f"{first.room.url_prefix}workshop", "workshops/<int:pk>/"
    manage, view = guard(first.change_permission), guard(first.view_permission)
    registration = on + "registrations/<int:registration_pk>/"
    return [
        *(pattern for declaration in pages for pattern in object_urls(declaration)),
        path(
            registration + "cancel/",
            manage(room.registration_cancel),
            name=f"{name}-registration-cancel",
        ),
        path(registration + "seats/", manage(room.seats), name=f"{name}-seats"),
        path(on + "assign/", manage(room.assign_by_wishes), name=f"{name}-assign"),
        path(on + "attendance/", view(room.attendance_page), name=f"{name}-attendance"),
        path(on + "attendance.pdf", view(room.attendance_pdf), name=f"{name}-attendance-pdf"),
    ]
