"""URLs of the state area (public schema), served on the parent domain."""

from django.urls import include, path

from api.urls import state_patterns as api_patterns
from config.urls_common import urlpatterns as common_patterns

urlpatterns = [
    path("", include("regional.urls")),
    # federal: the federal service office
    path("bund/", include("federal.urls")),
    *api_patterns,
    *common_patterns,
]
