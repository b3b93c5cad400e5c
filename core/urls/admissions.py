"""Admission applications and the board's decisions (/workspace/applications/)."""

from django.urls import path

from core.views import admissions as views

urlpatterns = [
    path("", views.application_list_view, name="application-list"),
    path("new/", views.application_create, name="application-create"),
    path("<int:pk>/", views.application_detail_view, name="application-detail"),
    path("<int:pk>/edit/", views.application_edit, name="application-edit"),
    path("<int:pk>/withdraw/", views.application_withdraw, name="application-withdraw"),
    path("<int:pk>/decide/", views.decision_create, name="decision-create"),
]
