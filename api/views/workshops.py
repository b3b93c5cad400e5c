"""The alliance's workshops, their registrations and topics, and the working groups'
tasks: declarations over the same selectors and services as the HTML pages."""

from __future__ import annotations

from api.serializers.workshops import (
    RegionalRegistrationSerializer,
    RegionalTableSerializer,
    RegionalWorkshopSerializer,
    WorkingGroupTaskSerializer,
    WorkshopRegistrationSerializer,
    WorkshopSerializer,
    WorkshopTopicSerializer,
)
from api.viewsets import ServiceModelViewSet, crud_permissions
from core.filters.workshops import RegistrationFilter, TaskFilter, TopicFilter, WorkshopFilter
from core.selectors.workshops import registration_list, task_list, topic_list, workshop_list
from core.services import workshops as services
from kernel.workshops.services import WorkshopWrites
from regional.models import RegionalRegistration, RegionalTable
from regional.selectors.workshops import workshop_list as regional_workshop_list
from regional.services import workshops as regional_services

WORKSHOPS = crud_permissions("alliance.workshops.view", "alliance.workshops.manage")


class _Fixed(ServiceModelViewSet):
    """A record whose parent (``fixed``) is chosen when it is created, never moved."""

    fixed: tuple[str, ...] = ()

    def service_kwargs(self, serializer):
        kwargs = super().service_kwargs(serializer)
        if serializer.instance is not None:
            for name in self.fixed:
                kwargs.pop(name, None)
        return kwargs


class _Room(_Fixed):
    """A room's workshops, topics or registrations (``instance_arg``: which): the
    services are the room's ``writes`` (``kernel.workshops.services.WorkshopWrites``)."""

    writes: WorkshopWrites | None = None
    fixed = ("workshop",)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.writes is not None:
            crud = cls.writes.crud(cls.instance_arg)
            _, cls.create_service, cls.update_service, cls.delete_service = crud


class _Workshops(_Room):
    ordering_fields = ["capacity", "format", "created_at"]
    instance_arg = "workshop"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        occasion = cls.writes.workshop_model.OCCASION_FIELD
        cls.fixed, cls.order = (occasion,), (f"-{occasion}__date",)


class _Topics(_Room):
    instance_arg, ordering_fields, ordering = "topic", ["title", "created_at"], ["title"]


class _Registrations(_Room):
    instance_arg, ordering = "registration", ["created_at"]
    ordering_fields = ["name", "status", "created_at"]


class WorkshopViewSet(_Workshops):
    """Events of the alliance run as participatory workshops."""

    serializer_class, filterset_class = WorkshopSerializer, WorkshopFilter
    required_permissions, selector, writes = WORKSHOPS, workshop_list, services.WRITES


class WorkshopTopicViewSet(_Topics):
    """Topics (open space) or tables (world café) of the workshops, with their results."""

    serializer_class, filterset_class = WorkshopTopicSerializer, TopicFilter
    required_permissions, selector, writes = WORKSHOPS, topic_list, services.WRITES


class WorkshopRegistrationViewSet(_Registrations):
    """Registrations for the workshops; a new one gets a place or the waiting list and
    a confirmation e-mail, as on the public form."""

    serializer_class, filterset_class = WorkshopRegistrationSerializer, RegistrationFilter
    required_permissions, selector, writes = WORKSHOPS, registration_list, services.WRITES


class WorkingGroupTaskViewSet(ServiceModelViewSet):
    """Tasks of the working groups, e.g. from a workshop topic's result."""

    serializer_class = WorkingGroupTaskSerializer
    filterset_class = TaskFilter
    required_permissions = crud_permissions("alliance.work.view", "alliance.work.change")
    ordering_fields = ["title", "due", "status", "created_at"]
    ordering = ["due", "title"]
    selector = task_list
    create_service, update_service = services.task_create, services.task_update
    delete_service, instance_arg = services.task_delete, "task"


def register(router) -> None:
    router.register("workshops", WorkshopViewSet, basename="api-workshops")
    router.register("workshop-topics", WorkshopTopicViewSet, basename="api-workshop-topics")
    router.register(
        "workshop-registrations", WorkshopRegistrationViewSet, basename="api-workshop-registrations"
    )
    router.register(
        "working-group-tasks", WorkingGroupTaskViewSet, basename="api-working-group-tasks"
    )


# ---------------------------------------------------------------- the state's workshops

STATE = {"*": "state.meetings.manage"}


class RegionalWorkshopViewSet(_Workshops):
    """Regional meetings run as workshops, e.g. the strategy meeting's world café."""

    serializer_class, selector = RegionalWorkshopSerializer, regional_workshop_list
    required_permissions, writes = STATE, regional_services.WRITES


class RegionalTableViewSet(_Topics):
    """Tables (or topics) of the state's workshops, with their results."""

    serializer_class, selector = RegionalTableSerializer, RegionalTable.objects.all
    required_permissions, writes = STATE, regional_services.WRITES


class RegionalRegistrationViewSet(_Registrations):
    """Registrations for the state's workshops (with the e-mail, as the invitee's form)."""

    serializer_class = RegionalRegistrationSerializer
    selector = RegionalRegistration.objects.prefetch_related("wishes").all
    required_permissions, writes = STATE, regional_services.WRITES


def register_state(router) -> None:
    router.register(
        "regional-workshops", RegionalWorkshopViewSet, basename="api-regional-workshops"
    )
    router.register(
        "regional-workshop-tables", RegionalTableViewSet, basename="api-regional-workshop-tables"
    )
    router.register(
        "regional-workshop-registrations",
        RegionalRegistrationViewSet,
        basename="api-regional-workshop-registrations",
    )
