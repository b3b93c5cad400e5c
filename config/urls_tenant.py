"""URLs of an alliance's host (its own schema)."""

from django.urls import path

from config.urls_common import urlpatterns as common_patterns
from core import views as core_views

urlpatterns = [
    path("", core_views.home, name="alliance-home"),
    *common_patterns,
]
