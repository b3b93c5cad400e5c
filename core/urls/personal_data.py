"""Requests about personal data (GDPR): find, export, anonymise (/workspace/personal-data/)."""

from django.urls import path

from core.views import personal_data as views

urlpatterns = [
    path("", views.personal_data, name="personal-data"),
    path("export/", views.personal_data_export_view, name="personal-data-export"),
    path(
        "<str:kind>/<int:pk>/anonymise/",
        views.personal_data_anonymise,
        name="personal-data-anonymise",
    ),
]
