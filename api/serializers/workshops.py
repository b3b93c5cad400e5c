"""The alliance's workshops, their registrations and topics, and working group tasks."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from api.serializers.fields import counted, related_text
from api.serializers.records import RecordSerializer
from core.models import WorkingGroupTask, Workshop, WorkshopRegistration, WorkshopTopic
from kernel.workshops.forms import TopicForm
from kernel.workshops.models import SETTINGS
from regional.models import RegionalRegistration, RegionalTable, RegionalWorkshop

# The counts of a workshop's list (``kernel.workshops.selectors.with_counts``).
COUNTS = ["confirmed_count", "waiting_count", "topic_count"]
# A working group task's own fields, as the API lists them.
TASK = ["title", "description", "due", "responsible", "status"]
# The help of the field that names a topic's or registration's workshop.
ON_WORKSHOP = {"workshop": _("Identifier of the workshop (set when it is created).")}


def _fields(*names: str) -> list[str]:
    """A record in the API: its id, ``names``, its timestamps."""
    return ["id", *names, "created_at", "updated_at"]


def _workshop_fields(occasion: str) -> list[str]:
    """A workshop: its occasion's id and title, its settings and counts."""
    return _fields(occasion, "title", *SETTINGS, *COUNTS)


def _registration_fields(*own: str) -> list[str]:
    """A registration: the person (and the room's ``own`` fields), wishes and status."""
    person = ("name", "email", "organisation", *own)
    return _fields("workshop", *person, "wishes", "status", "cancelled_at")


class WorkshopSerializer(RecordSerializer):
    title = related_text("event.title", _("Title of the event."), optional=False)
    confirmed_count = counted(_("Confirmed places."))
    waiting_count = counted(_("People waiting."))
    topic_count = counted(_("Topics or tables."))

    class Meta:
        model, fields, read_only = Workshop, _workshop_fields("event"), COUNTS
        help = {
            "event": _("Identifier of the event run as a workshop (set when it is created)."),
            "format": _("Open space, world café or workshop."),
            "capacity": _("Number of places."),
            "rounds": _("How often the participants change tables or topics."),
            "registration_open": _("Whether the public form takes registrations."),
            "waiting_list": _("Whether a full workshop keeps a waiting list."),
            "privacy_notice": _("Privacy notice above the form; empty: the standard text."),
        }


class WorkshopTopicSerializer(RecordSerializer):
    class Meta:
        model, fields = WorkshopTopic, _fields("workshop", *TopicForm.Meta.fields)
        help = {
            **ON_WORKSHOP,
            "title": _("Title of the topic or table."),
            "host": _("Who hosts the topic."),
            "moderator": _("Who moderates it."),
            "result": _("What came out of it."),
        }


class WorkshopRegistrationSerializer(RecordSerializer):
    class Meta:
        model, fields = WorkshopRegistration, _registration_fields()
        read_only = ["status", "cancelled_at"]
        help = {
            **ON_WORKSHOP,
            "name": _("Name of the person."),
            "email": _("E-mail address for the confirmation."),
            "organisation": _("Organisation of the person."),
            "wishes": _("Identifiers of the topics the person wishes."),
            "status": _("Confirmed, on the waiting list or cancelled."),
            "cancelled_at": _("When the registration was cancelled."),
        }


class WorkingGroupTaskSerializer(RecordSerializer):
    working_group_name = related_text(
        "working_group.name", _("Name of the working group."), optional=False
    )

    class Meta:
        model = WorkingGroupTask
        fields = _fields("working_group", "working_group_name", *TASK, "origin_topic")
        help = {
            "working_group": _("Identifier of the working group."),
            "title": _("Title of the task."),
            "description": _("Description."),
            "due": _("When the task is due."),
            "responsible": _("Who is responsible."),
            "status": _("Open, in progress or done."),
            "origin_topic": _("Identifier of the workshop topic the task came from, if any."),
        }


# ---------------------------------------------------------------- the state's workshops


# The alliance's serializers with the state's models and occasion; the same fields and
# texts otherwise.


class RegionalWorkshopSerializer(WorkshopSerializer):
    title = related_text("meeting.title", _("Title of the meeting."), optional=False)

    class Meta(WorkshopSerializer.Meta):
        model, fields = RegionalWorkshop, _workshop_fields("meeting")
        help = {
            **WorkshopSerializer.Meta.help,
            "meeting": _("Identifier of the regional meeting (set when it is created)."),
        }


class RegionalTableSerializer(WorkshopTopicSerializer):
    class Meta(WorkshopTopicSerializer.Meta):
        model = RegionalTable


class RegionalRegistrationSerializer(WorkshopRegistrationSerializer):
    class Meta(WorkshopRegistrationSerializer.Meta):
        model = RegionalRegistration
        fields = _registration_fields("alliance")
        help = {
            **WorkshopRegistrationSerializer.Meta.help,
            "alliance": _("Identifier of the alliance the person comes for, if any."),
        }
