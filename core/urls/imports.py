"""Import of the lists of ``core.imports.KINDS`` from CSV or XLSX files (under
/workspace/import/)."""

from django.urls import path

from core.imports import KINDS, ImportKind
from core.views import imports as views


def _kind_urls(kind: ImportKind) -> list:
    """A kind of import's template, preview and cancel pages (``views.kind_pages``)."""
    preview, cancel, template = views.kind_pages(kind)
    code, name = kind.code, kind.url_name
    return [
        path(f"{code}/template/", template, name=f"{name}-import-template"),
        path(f"{code}/<uuid:upload_id>/", preview, name=f"{name}-import-preview"),
        path(f"{code}/<uuid:upload_id>/cancel/", cancel, name=f"{name}-import-cancel"),
    ]


urlpatterns = [
    path("", views.import_upload, name="import-upload"),
    *(url for kind in KINDS.values() for url in _kind_urls(kind)),
]
