"""The family seal, under /workspace/seal/."""

from django.urls import path

from core.views import seal as views
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls(views.SealPages),
    path("<int:pk>/checklist/", views.seal_checklist, name="seal-checklist"),
    path("<int:pk>/award/", views.SealAwardView.as_view(), name="seal-award"),
    path("<int:pk>/reject/", views.SealRejectView.as_view(), name="seal-reject"),
    *object_urls(views.CriterionPages),
]
