"""The family seal, under /workspace/seal/."""

from django.urls import path

from core.views import seal as views

urlpatterns = [
    path("", views.SealListView.as_view(), name="seal-list"),
    path("new/", views.SealEditView.as_view(), name="seal-create"),
    path("<int:pk>/", views.SealDetailView.as_view(), name="seal-detail"),
    path("<int:pk>/edit/", views.SealEditView.as_view(), name="seal-edit"),
    path("<int:pk>/checklist/", views.seal_checklist, name="seal-checklist"),
    path("<int:pk>/award/", views.SealAwardView.as_view(), name="seal-award"),
    path("<int:pk>/reject/", views.SealRejectView.as_view(), name="seal-reject"),
    path("criteria/", views.CriterionListView.as_view(), name="seal-criterion-list"),
    path("criteria/new/", views.CriterionEditView.as_view(), name="seal-criterion-create"),
    path("criteria/<int:pk>/edit/", views.CriterionEditView.as_view(), name="seal-criterion-edit"),
    path(
        "criteria/<int:pk>/delete/",
        views.CriterionDeleteView.as_view(),
        name="seal-criterion-delete",
    ),
]
