"""The alliance host's own URLs. Each area of the workspace has its module here."""

from django.urls import include, path

from core.views import workspace

urlpatterns = [
    path("", workspace.home, name="alliance-home"),
    path("workspace/", workspace.workspace, name="workspace"),
    path("workspace/audit/", workspace.audit_trail, name="audit-trail"),
    path("workspace/partners/", include("core.urls.partners")),
    path("media/<path:path>", workspace.media, name="media"),
]
