"""Reports to the ministry (state host, /reports/)."""

from django.urls import path

from regional.views import reports as views

urlpatterns = [
    path("", views.report_list_view, name="report-list"),
    path("new/", views.report_create, name="report-create"),
    path("<int:pk>/", views.report_detail_view, name="report-detail"),
    path("<int:pk>/edit/", views.report_edit, name="report-edit"),
    path("<int:pk>/generate/", views.report_generate, name="report-generate"),
    path("<int:pk>/release/", views.report_release, name="report-release"),
    path("<int:pk>/delete/", views.report_delete, name="report-delete"),
    path("<int:pk>/files/<str:fmt>/", views.report_download, name="report-download"),
]
