"""URLs of an alliance's host (its own schema)."""

from django.urls import include, path

from api.urls import alliance_patterns as api_patterns
from config.urls_common import urlpatterns as common_patterns

urlpatterns = [
    path("", include("core.urls")),
    # Regional meetings an alliance is invited to: state-layer data shown on its host.
    path("workspace/regional/", include("regional.urls.invited")),
    # The document library's list: the alliance's documents and the state office's.
    path("workspace/documents/", include("regional.urls.library_shared")),
    *api_patterns,
    *common_patterns,
]
