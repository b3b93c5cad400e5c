"""The state office's documents under /documents/ (state area)."""

from django.urls import path

from regional.views import library as views

urlpatterns = [
    path("", views.state_library, name="state-library-list"),
    *views.STATE_PAGES.urls(views.STATE_VIEWS),
]
