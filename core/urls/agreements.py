"""Cooperation agreements, under /workspace/agreements/ (careguides)."""

from django.urls import path

from core.views import agreements as views
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls(views.AgreementPages),
    path("<int:pk>/document/", views.agreement_document, name="agreement-document"),
]
