"""The family seal, under /workspace/seal/."""

from django.urls import path

from core.views import seal as views

urlpatterns = [
    path("", views.seal_list_view, name="seal-list"),
    path("new/", views.seal_create, name="seal-create"),
    path("<int:pk>/", views.seal_detail_view, name="seal-detail"),
    path("<int:pk>/edit/", views.seal_edit, name="seal-edit"),
    path("<int:pk>/checklist/", views.seal_checklist, name="seal-checklist"),
    path("<int:pk>/award/", views.seal_award, name="seal-award"),
    path("<int:pk>/reject/", views.seal_reject, name="seal-reject"),
    path("criteria/", views.criterion_list_view, name="seal-criterion-list"),
    path("criteria/new/", views.criterion_create, name="seal-criterion-create"),
    path("criteria/<int:pk>/edit/", views.criterion_edit, name="seal-criterion-edit"),
    path("criteria/<int:pk>/delete/", views.criterion_delete, name="seal-criterion-delete"),
]
