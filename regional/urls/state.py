"""The state and its coordination office (/state/)."""

from django.urls import path

from regional.views.state import StateLogoView, StateOfficeEditView, StateOfficeView

urlpatterns = [
    path("", StateOfficeView.as_view(), name="state-office"),
    path("edit/", StateOfficeEditView.as_view(), name="state-office-edit"),
    path("<str:state_key>/logo/", StateLogoView.as_view(), name="state-logo"),
]
