"""The document libraries over the API, on both hosts.

On an alliance's host ``documents/`` are the alliance's own documents the caller may
see (the coordinator adds, changes and deletes them) and ``documents/state/`` the state
office's documents shared with the caller's role in this alliance (read only); on the
state host ``documents/`` are the state office's documents (the ministry: those shared
with it). A new document is a multipart upload with its first ``file``;
``POST documents/<id>/versions/`` adds a version; ``GET documents/<id>/versions/<n>/``
downloads one. Search with ``?q=`` (title or tag) and ``?tag=``; sort with ``ordering``.
"""

from __future__ import annotations

import abc
import contextlib

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from api.serializers.library import (
    AllianceDocumentSerializer,
    SharedStateDocumentSerializer,
    StateDocumentSerializer,
    VersionSerializer,
    VersionUploadSerializer,
)
from api.viewsets import (
    ActionRouteMixin,
    ServiceViewSetMixin,
    crud_permissions,
    through_service,
)
from core.selectors.library import alliance_documents_visible
from core.services import library as alliance_services
from kernel.library import selectors
from kernel.uploads import stored_file_response
from regional.selectors.library import state_documents_for_alliance, state_documents_in_state_area
from regional.services import library as state_services
from regional.views.library import public_storage
from tenants.permissions import access_for

SEARCH = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Title or tag contains"),
    OpenApiParameter("tag", OpenApiTypes.STR, description="Carries this tag"),
]


class _LibraryMixin(ServiceViewSetMixin, abc.ABC):
    """Reads the documents the caller may see (``visible(access)``), searched and
    sorted; downloads and new versions by the library's services."""

    ordering_fields = ["title", "updated_at", "created_at"]
    ordering = ["-updated_at"]
    instance_arg = "document"
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    lookup_value_regex = "[0-9]{1,9}"
    download_url = ""
    storage_context = staticmethod(contextlib.nullcontext)

    @abc.abstractmethod
    def visible(self, access):
        """The documents ``access`` may see (each library's viewset declares its own)."""

    def get_queryset(self):
        params = self.request.query_params
        documents = self.visible(access_for(self.request)).prefetch_related("versions")
        return selectors.search(documents, q=params.get("q", ""), tag=params.get("tag", ""))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "download_url": self.download_url}

    @extend_schema(parameters=SEARCH)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        parameters=[OpenApiParameter("number", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    @action(detail=True, methods=["get"], url_path=r"versions/(?P<number>[^/.]+)")
    def download(self, request, pk=None, number=None):
        """One version's file, to those who see the document."""
        document = self.get_object()
        if not (number.isascii() and number.isdigit() and len(number) <= 9):
            raise NotFound
        version = selectors.versions_of(document).filter(number=int(number)).first()
        if version is None:
            raise NotFound
        with self.storage_context():
            return stored_file_response(version.file.storage, version.file.name)


def library_permissions(view: str, manage: str | None = None) -> dict[str, str]:
    """The permission key per action of a library: reading and downloads need ``view``;
    writes and new versions ``manage`` (no ``manage``: the library is read only)."""
    codes = {**crud_permissions(view, manage), "download": view}
    if manage is not None:
        codes["versions"] = manage
    return codes


class _ManagedLibraryMixin(ActionRouteMixin, _LibraryMixin):
    """A library its keepers change: the services of ``record_services`` (``<name>_create``,
    ``_update``, ``_delete``, ``_add_version``)."""

    download_url = "api-documents-download"
    route_action = "versions"  # the upload route

    @extend_schema(request={"multipart/form-data": VersionUploadSerializer},
                   responses={201: VersionSerializer})  # fmt: skip
    @action(detail=True, methods=["post"], url_path="versions")
    def versions(self, request, pk=None):
        """Upload the document's next version (multipart: ``file``, ``note``)."""
        document = self.get_object()
        data = VersionUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        module, name = type(self).record_services[:2]
        add_version = getattr(module, f"{name}_add_version")
        version = through_service(
            add_version, actor=request.user, document=document, **data.validated_data
        )
        context = self.get_serializer_context()
        return Response(VersionSerializer(version, context=context).data, status.HTTP_201_CREATED)


class AllianceDocumentViewSet(_ManagedLibraryMixin, viewsets.ModelViewSet):
    """The alliance's documents the caller may see, with their versions."""

    serializer_class = AllianceDocumentSerializer
    required_permissions = library_permissions("alliance.library.view", "alliance.library.manage")
    record_services = alliance_services, "alliance_document", "document"

    def visible(self, access):
        return alliance_documents_visible(access.roles)


class SharedStateDocumentViewSet(
    _LibraryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The state office's documents shared with the caller's role in this alliance."""

    serializer_class = SharedStateDocumentSerializer
    required_permissions = library_permissions("alliance.library.view")
    download_url = "api-state-documents-download"
    storage_context = staticmethod(public_storage)

    def visible(self, access):
        return state_documents_for_alliance(access.alliance_id, access.roles)


class StateDocumentViewSet(_ManagedLibraryMixin, viewsets.ModelViewSet):
    """The state office's documents (the ministry: those shared with it)."""

    serializer_class = StateDocumentSerializer
    required_permissions = library_permissions("state.library.view", "state.library.manage")
    record_services = state_services, "state_document", "document"

    def visible(self, access):
        return state_documents_in_state_area(access.roles)
