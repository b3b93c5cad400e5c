"""The library on an alliance's host (mounted at /workspace/documents/ by
config/urls_tenant.py): its list and the state documents shared with the alliance."""

from django.urls import path

from regional.views import library as views

V = views.SHARED_VIEWS

urlpatterns = [
    path("", views.alliance_library, name="library-list"),
    path("state/<int:pk>/", V["library-state-detail"], name="library-state-detail"),
    path(
        "state/<int:pk>/versions/<int:number>/",
        V["library-state-download"],
        name="library-state-download",
    ),
]
