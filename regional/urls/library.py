"""The state office's documents under /documents/ (state area)."""

from django.urls import path

from regional.views import library as views

V = views.STATE_VIEWS

urlpatterns = [
    path("", views.state_library, name="state-library-list"),
    path("new/", V["state-library-create"], name="state-library-create"),
    path("<int:pk>/", V["state-library-detail"], name="state-library-detail"),
    path("<int:pk>/edit/", V["state-library-edit"], name="state-library-edit"),
    path("<int:pk>/delete/", V["state-library-delete"], name="state-library-delete"),
    path("<int:pk>/versions/new/", V["state-library-version"], name="state-library-version"),
    path(
        "<int:pk>/versions/<int:number>/",
        V["state-library-download"],
        name="state-library-download",
    ),
]
