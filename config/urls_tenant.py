"""URLs of an alliance's host (its own schema)."""

from django.urls import include, path

from api.urls import alliance_patterns as api_patterns
from config.urls_common import urlpatterns as common_patterns

urlpatterns = [
    path("", include("core.urls")),
    # Regional meetings an alliance is invited to: state-layer data shown on its host.
    path("workspace/regional/", include("regional.urls.invited")),
    *api_patterns,
    *common_patterns,
]
