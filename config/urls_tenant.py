"""URLs of an alliance's host (its own schema)."""

from django.urls import include, path

from config.urls_common import urlpatterns as common_patterns

urlpatterns = [
    path("", include("core.urls")),
    *common_patterns,
]
