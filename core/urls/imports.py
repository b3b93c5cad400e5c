"""Import of partners and projects from CSV or XLSX files (under /workspace/import/)."""

from django.urls import path

from core.views import imports as views

urlpatterns = [
    path("", views.import_upload, name="import-upload"),
    path("partners/template/", views.partner_import_template, name="partner-import-template"),
    path("partners/<uuid:upload_id>/", views.partner_import_preview, name="partner-import-preview"),
    path(
        "partners/<uuid:upload_id>/cancel/",
        views.partner_import_cancel,
        name="partner-import-cancel",
    ),
    path("projects/template/", views.project_import_template, name="project-import-template"),
    path("projects/<uuid:upload_id>/", views.project_import_preview, name="project-import-preview"),
    path(
        "projects/<uuid:upload_id>/cancel/",
        views.project_import_cancel,
        name="project-import-cancel",
    ),
]
