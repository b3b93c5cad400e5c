"""Reports to the ministry (state host, /reports/)."""

from django.urls import path

from regional.views import reports as views

urlpatterns = [
    path("", views.report_list_view, name="report-list"),
    path("new/", views.ReportEditView.as_view(), name="report-create"),
    path("<int:pk>/", views.report_detail_view, name="report-detail"),
    path("<int:pk>/edit/", views.ReportEditView.as_view(), name="report-edit"),
    path("<int:pk>/generate/", views.ReportGenerateView.as_view(), name="report-generate"),
    path("<int:pk>/release/", views.ReportReleaseView.as_view(), name="report-release"),
    path("<int:pk>/delete/", views.ReportDeleteView.as_view(), name="report-delete"),
    path("<int:pk>/files/<str:fmt>/", views.report_download, name="report-download"),
]
