"""Admission applications and the board's decisions (/workspace/applications/)."""

from django.urls import path

from core.views import admissions as views

urlpatterns = [
    path("", views.ApplicationListView.as_view(), name="application-list"),
    path("new/", views.ApplicationEditView.as_view(), name="application-create"),
    path("<int:pk>/", views.ApplicationDetailView.as_view(), name="application-detail"),
    path("<int:pk>/edit/", views.ApplicationEditView.as_view(), name="application-edit"),
    path(
        "<int:pk>/withdraw/", views.ApplicationWithdrawView.as_view(), name="application-withdraw"
    ),
    path("<int:pk>/decide/", views.DecisionCreateView.as_view(), name="decision-create"),
]
