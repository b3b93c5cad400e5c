"""Import of partners and projects from CSV or XLSX files (under /workspace/import/)."""

from django.urls import path

from core.views import imports as views


def _kind_urls(kind: str, pages) -> list:
    """A kind of import's template, preview and cancel pages (``views._kind_pages``)."""
    name = views.URL_PREFIX[kind]
    preview, cancel, template = pages
    return [
        path(f"{kind}/template/", template, name=f"{name}-import-template"),
        path(f"{kind}/<uuid:upload_id>/", preview, name=f"{name}-import-preview"),
        path(f"{kind}/<uuid:upload_id>/cancel/", cancel, name=f"{name}-import-cancel"),
    ]


urlpatterns = [
    path("", views.import_upload, name="import-upload"),
    *_kind_urls(
        "partners",
        (views.partner_import_preview, views.partner_import_cancel, views.partner_import_template),
    ),
    *_kind_urls(
        "projects",
        (views.project_import_preview, views.project_import_cancel, views.project_import_template),
    ),
    # carers
    *_kind_urls(
        "carers",
        (views.carer_import_preview, views.carer_import_cancel, views.carer_import_template),
    ),
]
