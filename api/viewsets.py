"""The one base of the API's model endpoints: reads from a selector, writes by services.

A resource is a declaration (NetBox's ``NetBoxModelViewSet``, pretix's API views):

    class ProjectViewSet(ServiceModelViewSet):
        serializer_class = ProjectSerializer
        filterset_class = ProjectFilter
        selector = project_list
        record_services = services, "project"   # project_create(actor=, **validated_data),
                                                # project_update(actor=, project=, ...),
                                                # project_delete(actor=, project=)

or, where the model's HTML pages are declared (``kernel.crud.pages.ObjectPages``), the
same declaration served as JSON: ``pages = ProjectPages`` gives the selector, FilterSet,
permissions, services and their keyword.

A Django ValidationError raised by a service becomes the API's 400 answer, in the
same JSON shape as a serializer's own errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from api.filtering import FilterBackend
from api.ordering import StableOrderingFilter
from api.serializers.fields import shows_counts
from api.views.base import Pagination


def as_drf_error(error: DjangoValidationError) -> ValidationError:
    """A service's refusal as DRF's 400: messages per field, or ``non_field_errors``."""
    if hasattr(error, "error_dict"):
        return ValidationError({k: [str(m) for e in v for m in e.messages]
                                for k, v in error.error_dict.items()})  # fmt: skip
    return ValidationError({"non_field_errors": error.messages})


def through_service(call: Callable[..., Any], *args, **kwargs) -> Any:
    """Run a service; its validation errors become the API's 400 answer."""
    try:
        return call(*args, **kwargs)
    except DjangoValidationError as error:
        raise as_drf_error(error) from error


WRITE_ACTIONS = ("create", "update", "partial_update", "destroy")
# Each service of ``record_services`` (``<name>_<step>``) by the action that calls it.
SERVICE_ACTIONS = {"create": "create", "update": "update", "delete": "destroy"}


def crud_permissions(
    view: str, change: str | None = None, *, writes: tuple[str, ...] = WRITE_ACTIONS
) -> dict[str, str]:
    """The permission key per action: reading needs ``view``, each of the ``writes`` a
    resource offers ``change`` (no ``change``: the resource is read only)."""
    codes = {"list": view, "retrieve": view}
    if change is not None:
        codes.update(dict.fromkeys(writes, change))
    return codes


class ServiceViewSetMixin:
    """List and read from ``selector()``; create, update and destroy by the services.

    Mixed into a GenericViewSet with the actions a resource offers;
    :class:`ServiceModelViewSet` offers them all.

    ``order`` is the selector's fixed order (then ``pk``), so pages are stable; without
    it, the ``ordering`` the list is sorted by when the request names none.
    ``required_permission``, the mark the route checks read
    (``tenants.permissions.view_protection``), is the code of reading (``list`` or ``*``).
    ``fresh_after_write`` answers a write with the row as the list shows it (the
    selector's annotations, such as counts), read again; by default, where the serializer
    shows counts (``counted``).

    ``pages``: the model's page declaration; its list's ``queryset``, ``filterset`` and
    ``default_order`` (the ``ordering``), its ``view_permission`` and ``change_permission``
    (for the writes the viewset offers), its services and ``instance_arg`` are the
    viewset's, unless the viewset declares its own.

    ``record_services = module, "project"`` declares the services by their names:
    ``module.project_create``, ``project_update`` and ``project_delete`` (those of the
    actions the viewset offers), which take the record as ``project=`` (a third entry names
    that keyword when it differs: ``module, "care_guide", "guide"``). Or declare each
    service and ``instance_arg`` by itself.
    """

    filter_backends = [FilterBackend, StableOrderingFilter]
    pagination_class = Pagination
    selector: Callable[[], Any]
    order: tuple[str, ...] | None = None
    create_service: Callable[..., Any]
    update_service: Callable[..., Any]
    delete_service: Callable[..., Any]
    # The services' keyword for the record they change: ``project=``.
    instance_arg: str = "instance"
    record_services: tuple[Any, ...]
    pages: Any = None
    fresh_after_write: bool | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "pages" in vars(cls):
            cls._declare_from_pages(vars(cls).copy())
        if "record_services" in vars(cls):
            module, name, *keyword = cls.record_services
            for step, action in SERVICE_ACTIONS.items():
                if hasattr(cls, action):
                    setattr(cls, f"{step}_service", getattr(module, f"{name}_{step}"))
            cls.instance_arg = keyword[0] if keyword else name
        codes = getattr(cls, "required_permissions", {})
        if "required_permission" not in vars(cls):
            cls.required_permission = codes.get("list") or codes.get("*")

    @classmethod
    def _declare_from_pages(cls, declared: dict[str, Any]) -> None:
        pages = cls.pages
        writes = tuple(action for action in WRITE_ACTIONS if hasattr(cls, action))
        found = {
            "selector": pages.queryset,
            "filterset_class": pages.filterset,
            "required_permissions": crud_permissions(
                pages.view_permission, pages.change_permission or None, writes=writes
            ),
            "instance_arg": pages.instance_arg,
            "ordering": [pages.default_order],
            **{
                f"{step}_service": getattr(pages, f"{step}_service")
                for step, action in SERVICE_ACTIONS.items()
                if hasattr(cls, action)
            },
        }
        for name, value in found.items():
            if name not in declared:
                setattr(cls, name, value)

    def get_queryset(self):
        order = self.order if self.order is not None else getattr(self, "ordering", None)
        return type(self).selector().order_by(*(order or ()), "pk")

    def service_kwargs(self, serializer) -> dict[str, Any]:
        """The keyword arguments for the services: the validated fields, by name."""
        return dict(serializer.validated_data)

    def answer(self, instance):
        fresh = self.fresh_after_write
        if fresh is None:  # the resource's serializer, not an action's (``move``'s input)
            fresh = shows_counts(type(self).serializer_class or self.get_serializer_class())
        return self.get_queryset().get(pk=instance.pk) if fresh else instance

    def record_step(self, request, service: Callable[..., Any], form: type, *names: str):
        """A detail action that takes one step with the record by its service (a setup's
        ``move``, a mailing's ``send``): ``form`` checks the request, ``names`` are its
        fields the service takes; the answer is the record as the resource shows it."""
        instance = self.get_object()
        data = form(data=request.data)
        data.is_valid(raise_exception=True)
        through_service(
            service,
            actor=request.user,
            **{self.instance_arg: instance},
            **{name: data.validated_data[name] for name in names},
        )
        return Response(type(self).serializer_class(self.answer(instance)).data)

    def perform_create(self, serializer):
        instance = through_service(
            type(self).create_service, actor=self.request.user, **self.service_kwargs(serializer)
        )
        serializer.instance = self.answer(instance)

    def perform_update(self, serializer):
        instance = through_service(
            type(self).update_service,
            actor=self.request.user,
            **{self.instance_arg: serializer.instance},
            **self.service_kwargs(serializer),
        )
        serializer.instance = self.answer(instance)

    def perform_destroy(self, instance):
        through_service(
            type(self).delete_service, actor=self.request.user, **{self.instance_arg: instance}
        )


class ActionRouteMixin:
    """A ViewSet whose extra action ``route_action`` has a route of its own: a method
    that route does not offer is asked like the action, so the caller gets 401 or 404
    first (nothing is revealed), then 405."""

    route_action = ""

    def initialize_request(self, request, *args, **kwargs):
        request = super().initialize_request(request, *args, **kwargs)
        if self.action is None and self.route_action in (self.action_map or {}).values():
            self.action = self.route_action
        return request


class ServiceModelViewSet(ServiceViewSetMixin, viewsets.ModelViewSet):
    """Every action: list, retrieve, create, update, partial update, destroy."""


class PublicListViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """A list anyone may read without logging in, from ``selector()``; it must hold
    nothing personal. Declare ``serializer_class`` and ``selector``."""

    pagination_class = Pagination
    public_view = True
    required_permissions = {"list": "public"}
    authentication_classes: list = []
    selector: Callable[[], QuerySet]

    def get_queryset(self):
        return type(self).selector()
