"""The alliance's documents, under /workspace/documents/ (the list: regional.urls.library)."""

from django.urls import path

from core.views.library import VIEWS

urlpatterns = [
    path("new/", VIEWS["library-create"], name="library-create"),
    path("<int:pk>/", VIEWS["library-detail"], name="library-detail"),
    path("<int:pk>/edit/", VIEWS["library-edit"], name="library-edit"),
    path("<int:pk>/delete/", VIEWS["library-delete"], name="library-delete"),
    path("<int:pk>/versions/new/", VIEWS["library-version"], name="library-version"),
    path(
        "<int:pk>/versions/<int:number>/",
        VIEWS["library-download"],
        name="library-download",
    ),
]
