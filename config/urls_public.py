"""URLs of the state area (public schema), served on the parent domain."""

from django.urls import path

from config.urls_common import urlpatterns as common_patterns
from regional import views as regional_views

urlpatterns = [
    path("", regional_views.home, name="state-home"),
    *common_patterns,
]
