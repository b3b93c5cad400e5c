"""URLs of the state area (public schema), served on the parent domain."""

from django.urls import include, path

from config.urls_common import urlpatterns as common_patterns

urlpatterns = [
    path("", include("regional.urls")),
    *common_patterns,
]
