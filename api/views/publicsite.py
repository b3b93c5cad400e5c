"""The public site's records on an alliance's host: awards and legal pages."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.response import Response

from api.serializers.publicsite import (
    AwardSerializer,
    LegalPageSerializer,
    SiteIdentitySerializer,
)
from api.views.base import Pagination
from api.viewsets import ServiceModelViewSet, crud_permissions, through_service
from core.models import SiteIdentity
from core.selectors.publicsite import alliance_legal_text, site_identity
from core.services import publicsite as services
from core.views.site_admin import AwardPages
from kernel.legal.models import LegalKind

SITE_PERMISSIONS = crud_permissions("alliance.work.view", "alliance.site.change")


class AwardViewSet(ServiceModelViewSet):
    """Awards the alliance received, such as the federal ministry's "Bündnis des Monats"."""

    pages, serializer_class = AwardPages, AwardSerializer
    ordering_fields = ["awarded_on", "title"]


_KIND = OpenApiParameter(
    "kind", OpenApiTypes.STR, OpenApiParameter.PATH, enum=LegalKind.values,
    description="Which legal page.",
)  # fmt: skip


@extend_schema_view(
    retrieve=extend_schema(parameters=[_KIND]),
    update=extend_schema(parameters=[_KIND]),
    partial_update=extend_schema(parameters=[_KIND]),
)
class LegalPageViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    """The alliance's Impressum, Datenschutzerklärung and Barrierefreiheitserklärung
    (the default text while none is written)."""

    serializer_class = LegalPageSerializer
    required_permissions = SITE_PERMISSIONS
    required_permission = SITE_PERMISSIONS["list"]
    lookup_field = "kind"
    pagination_class = Pagination
    filter_backends: list = []

    def get_queryset(self):  # the schema generator asks; the pages are no queryset
        return []

    def list(self, request, *args, **kwargs):
        pages = self.paginate_queryset([alliance_legal_text(kind) for kind in LegalKind.values])
        return self.get_paginated_response(self.get_serializer(pages, many=True).data)

    def get_object(self):
        kind = self.kwargs.get("kind")
        if kind not in LegalKind.values:
            raise Http404
        return alliance_legal_text(kind)

    def perform_update(self, serializer):
        kind = serializer.instance.kind.value
        through_service(
            services.legal_page_save,
            actor=self.request.user,
            kind=kind,
            text=serializer.validated_data.get("text", serializer.instance.text),
        )
        serializer.instance = alliance_legal_text(kind)

    def update(self, request, *args, **kwargs):
        kwargs["partial"] = kwargs.get("partial", False)
        page = self.get_object()
        serializer = self.get_serializer(page, data=request.data, partial=kwargs["partial"])
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return Response(serializer.data)


class SiteIdentityViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    """The alliance's public identity: one record (``current``), its defaults until saved.
    The logo is uploaded in the workspace."""

    serializer_class = SiteIdentitySerializer
    required_permissions = SITE_PERMISSIONS
    required_permission = SITE_PERMISSIONS["list"]
    pagination_class = Pagination
    filter_backends: list = []

    def get_queryset(self):  # the schema generator asks; the identity is one record
        return SiteIdentity.objects.none()

    def list(self, request, *args, **kwargs):
        rows = self.paginate_queryset([site_identity()])
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)

    def get_object(self):
        if self.kwargs.get(self.lookup_url_kwarg or self.lookup_field) != "current":
            raise Http404
        return site_identity()

    def perform_update(self, serializer):
        serializer.instance = through_service(
            services.site_identity_save, actor=self.request.user, **serializer.validated_data
        )
