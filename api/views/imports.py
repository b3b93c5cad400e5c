"""Imports over the API: the same kinds, checks and all-or-nothing run as the upload page.

``GET imports/`` lists the kinds of list the caller may import, with their columns;
``POST imports/<kind>/check/`` checks a file and writes nothing; ``POST imports/<kind>/run/``
writes every row of the file, or none (400 with the problems). The file goes in the
multipart field ``file``. A kind the caller may not change is "not found", as on the pages.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from api.serializers.imports import (
    ImportCheckSerializer,
    ImportFileSerializer,
    ImportKindSerializer,
    ImportResultSerializer,
)
from api.views.base import Pagination
from api.viewsets import as_drf_error
from core.forms.imports import ImportUploadForm
from core.imports import KINDS
from core.models import Partner
from core.selectors.imports import column_help, importable_kinds
from core.services import imports as services
from tenants.permissions import access_for

UPLOAD = "alliance.imports.upload"


class ImportViewSet(viewsets.GenericViewSet):
    """Import partners, projects, carers, care guides, the funding circle's members and
    donors, or funding entries from a CSV or XLSX file (the upload page's kinds)."""

    serializer_class, pagination_class = ImportKindSerializer, Pagination
    # The kinds are declarations, not rows; the schema generator still asks for a model.
    queryset = Partner.objects.none()
    parser_classes = [MultiPartParser, FormParser]
    lookup_field, lookup_value_regex = "kind", "[a-z-]+"
    required_permissions = {"*": UPLOAD}
    required_permission = UPLOAD

    def list(self, request):
        """The kinds of list the caller may import, each with its columns (paged like
        every list of the API)."""
        kinds = importable_kinds(access_for(request))
        rows = [{"code": k.code, "label": k.label, "columns": column_help(k)} for k in kinds]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(ImportKindSerializer(page, many=True).data)

    def _file(self, request, kind: str) -> tuple[bytes, str]:
        """The checked upload (type and size as on the page) for a kind the caller may
        import; another kind is not found."""
        if kind not in KINDS or KINDS[kind] not in importable_kinds(access_for(request)):
            raise NotFound
        form = ImportUploadForm({"kind": kind}, request.FILES, kinds=[kind])
        if not form.is_valid():
            raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
        return form.cleaned_data["file"].read(), form.extension

    @extend_schema(request={"multipart/form-data": ImportFileSerializer},
                   responses=ImportCheckSerializer)  # fmt: skip
    @action(detail=True, methods=["post"])
    def check(self, request, kind=None):
        """Check the file against the current data: every row and its problems. Nothing
        is written."""
        content, ext = self._file(request, kind)
        preview = services.import_preview(kind=kind, content=content, ext=ext)
        return Response(ImportCheckSerializer(preview).data)

    @extend_schema(request={"multipart/form-data": ImportFileSerializer},
                   responses={201: ImportResultSerializer, 400: ImportCheckSerializer})  # fmt: skip
    @action(detail=True, methods=["post"])
    def run(self, request, kind=None):
        """Import every row of the file, or none: with any problem the answer is 400 with
        the checked file, as ``check/`` gives it."""
        content, ext = self._file(request, kind)
        try:
            count = services.import_run(actor=request.user, kind=kind, content=content, ext=ext)
        except services.ImportRefused as refused:
            data = ImportCheckSerializer(refused.preview).data
            return Response(data, status=status.HTTP_400_BAD_REQUEST)
        except DjangoValidationError as error:
            raise as_drf_error(error) from error
        return Response({"kind": kind, "imported": count}, status=status.HTTP_201_CREATED)
