"""Reports to the ministry (state host, /reports/)."""

from django.urls import path

from kernel.crud.urls import object_urls
from regional.views import reports as views

urlpatterns = [
    path("", views.report_list_view, name="report-list"),
    *object_urls(views.ReportPages),
    path("<int:pk>/", views.report_detail_view, name="report-detail"),
    path("<int:pk>/generate/", views.ReportGenerateView.as_view(), name="report-generate"),
    path("<int:pk>/release/", views.ReportReleaseView.as_view(), name="report-release"),
    path("<int:pk>/files/<str:fmt>/", views.report_download, name="report-download"),
]
