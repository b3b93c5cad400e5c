"""The alliance host's own URLs. Each area of the workspace has its module here."""

from django.urls import include, path

from core.views import public, workspace

urlpatterns = [
    path("", public.home, name="alliance-home"),
    path("workspace/", workspace.workspace, name="workspace"),
    path("workspace/audit/", workspace.audit_trail, name="audit-trail"),
    path("workspace/partners/", include("core.urls.partners")),
    path("workspace/applications/", include("core.urls.admissions")),
    path("workspace/board/", include("core.urls.board")),
    path("workspace/", include("core.urls.work")),
    path("workspace/seal/", include("core.urls.seal")),
    path("", include("core.urls.holidays")),
    path("workspace/import/", include("core.urls.imports")),
    path("media/<path:path>", workspace.media, name="media"),
]
