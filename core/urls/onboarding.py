"""The first-run checklist, under /workspace/onboarding/."""

from django.urls import path

from core.views import onboarding as views

urlpatterns = [
    path("", views.checklist_view, name="onboarding-checklist"),
    path("mark/", views.checklist_mark_view, name="onboarding-mark"),
]
