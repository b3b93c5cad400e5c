"""The first-run checklist (alliance host) and the starter templates (state host)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.serializers.onboarding import (
    ChecklistItemSerializer,
    ChecklistMarkSerializer,
    StarterTemplateSerializer,
)
from api.views.base import Pagination
from api.viewsets import ServiceModelViewSet, through_service
from core.models import ChecklistMark
from core.selectors.onboarding import checklist
from core.services.onboarding import checklist_mark
from regional.filters.starter import StarterTemplateFilter
from regional.selectors.starter import starter_template_list
from regional.services import starter as starter_services

CHECKLIST = "alliance.onboarding.manage"


class ChecklistViewSet(viewsets.GenericViewSet):
    """The first-run checklist of a new alliance: every item with its state
    (the local coordinator). ``POST .../mark/`` marks an item done, skipped or open."""

    serializer_class, pagination_class = ChecklistItemSerializer, Pagination
    # The items are declarations, not rows; the schema generator still asks for a model.
    queryset = ChecklistMark.objects.none()
    # Every action (and every method not offered: 401/404 first, then 405).
    required_permissions = {"*": CHECKLIST}
    required_permission = CHECKLIST

    def list(self, request):
        """Every item in order (paged like every list of the API)."""
        page = self.paginate_queryset(checklist())
        return self.get_paginated_response(ChecklistItemSerializer(page, many=True).data)

    @extend_schema(request=ChecklistMarkSerializer, responses=ChecklistItemSerializer)
    @action(detail=False, methods=["post"])
    def mark(self, request):
        """Mark one item; answers the item as it is now."""
        mark = ChecklistMarkSerializer(data=request.data)
        mark.is_valid(raise_exception=True)
        through_service(checklist_mark, actor=request.user, **mark.validated_data)
        row = next(row for row in checklist() if row.key == mark.validated_data["key"])
        return Response(ChecklistItemSerializer(row).data)


class StarterTemplateViewSet(ServiceModelViewSet):
    """Templates the state coordination office maintains; each new alliance's workspace
    starts with copies of the active ones."""

    serializer_class = StarterTemplateSerializer
    filterset_class = StarterTemplateFilter
    ordering_fields = ["kind", "name", "is_active", "created_at"]
    ordering = ["kind", "name"]
    required_permissions = {"*": "state.starter.manage"}
    selector = starter_template_list
    record_services = starter_services, "starter_template", "template"
