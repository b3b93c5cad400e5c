"""The library on an alliance's host (mounted at /workspace/documents/ by
config/urls_tenant.py): its list and the state documents shared with the alliance."""

from django.urls import path

from regional.views import library as views

urlpatterns = [
    path("", views.alliance_library, name="library-list"),
    *views.SHARED_PAGES.urls(views.SHARED_VIEWS, prefix="state/"),
]
