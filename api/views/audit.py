"""The alliance's audit trail, read only: the same selector, FilterSet and permission
as the trail's page, each entry with its sentence (``kernel.audit.presenter``)."""

from __future__ import annotations

from rest_framework import viewsets
from rest_framework.response import Response

from api.serializers.audit import AuditEntrySerializer
from api.viewsets import ServiceViewSetMixin, crud_permissions
from core.filters.audit import AuditEntryFilter
from kernel.audit.presenter import describe, describe_entries
from kernel.audit.selectors import audit_entry_list


class AuditEntryViewSet(ServiceViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Every recorded write in this alliance, newest first (coordinator only)."""

    serializer_class = AuditEntrySerializer
    filterset_class = AuditEntryFilter
    selector = audit_entry_list
    required_permissions = crud_permissions("alliance.audit.view")
    ordering_fields = ["created_at", "actor_label"]
    ordering = ["-created_at"]

    def paginate_queryset(self, queryset):
        # A page's entries are described together: the records their changes name are
        # looked up once per page, not once per entry.
        page = super().paginate_queryset(queryset)
        return None if page is None else describe_entries(page)

    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_serializer(describe(self.get_object())).data)
