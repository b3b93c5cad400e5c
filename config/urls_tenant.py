"""URLs of an alliance's host (its own schema)."""

from django.urls import path

from config.urls_common import urlpatterns as common_patterns
from core import views as core_views

urlpatterns = [
    path("", core_views.home, name="alliance-home"),
    path("workspace/", core_views.workspace, name="workspace"),
    path("workspace/audit/", core_views.audit_trail, name="audit-trail"),
    path("media/<path:path>", core_views.media, name="media"),
    *common_patterns,
]
