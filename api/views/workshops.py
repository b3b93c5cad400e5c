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


class WorkshopViewSet(_Fixed):
    """Events of the alliance run as participatory workshops."""

    serializer_class = WorkshopSerializer
    filterset_class = WorkshopFilter
    required_permissions = WORKSHOPS
    ordering_fields = ["capacity", "format", "created_at"]
    selector, order = workshop_list, ("-event__date",)
    create_service, update_service = services.workshop_create, services.workshop_update
    delete_service, instance_arg = services.workshop_delete, "workshop"
    fixed = ("event",)
    fresh_after_write = True


class WorkshopTopicViewSet(_Fixed):
    """Topics (open space) or tables (world café) of the workshops, with their results."""

    serializer_class = WorkshopTopicSerializer
    filterset_class = TopicFilter
    required_permissions = WORKSHOPS
    ordering_fields = ["title", "created_at"]
    ordering = ["title"]
    selector = topic_list
    create_service, update_service = services.topic_create, services.topic_update
    delete_service, instance_arg = services.topic_delete, "topic"
    fixed = ("workshop",)


class WorkshopRegistrationViewSet(_Fixed):
    """Registrations for the workshops; a new one gets a place or the waiting list and
    a confirmation e-mail, as on the public form."""

    serializer_class = WorkshopRegistrationSerializer
    filterset_class = RegistrationFilter
    required_permissions = WORKSHOPS
    ordering_fields = ["name", "status", "created_at"]
    ordering = ["created_at"]
    selector = registration_list
    create_service = services.registration_create
    update_service = services.registration_update
    delete_service, instance_arg = services.registration_delete, "registration"
    fixed = ("workshop",)


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


class RegionalWorkshopViewSet(_Fixed):
    """Regional meetings run as workshops, e.g. the strategy meeting's world café."""

    serializer_class = RegionalWorkshopSerializer
    required_permissions = STATE
    ordering_fields = ["capacity", "format", "created_at"]
    selector, order = regional_workshop_list, ("-meeting__date",)
    create_service = regional_services.workshop_create
    update_service = regional_services.workshop_update
    delete_service, instance_arg = regional_services.workshop_delete, "workshop"
    fixed = ("meeting",)
    fresh_after_write = True


class RegionalTableViewSet(_Fixed):
    """Tables (or topics) of the state's workshops, with their results."""

    serializer_class = RegionalTableSerializer
    required_permissions = STATE
    ordering_fields = ["title", "created_at"]
    ordering = ["title"]
    selector = RegionalTable.objects.all
    create_service = regional_services.table_create
    update_service = regional_services.table_update
    delete_service, instance_arg = regional_services.table_delete, "table"
    fixed = ("workshop",)


class RegionalRegistrationViewSet(_Fixed):
    """Registrations for the state's workshops (with the e-mail, as the invitee's form)."""

    serializer_class = RegionalRegistrationSerializer
    required_permissions = STATE
    ordering_fields = ["name", "status", "created_at"]
    ordering = ["created_at"]
    selector = RegionalRegistration.objects.prefetch_related("wishes").all
    create_service = regional_services.registration_create
    update_service = regional_services.registration_update
    delete_service, instance_arg = regional_services.registration_delete, "registration"
    fixed = ("workshop",)


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
