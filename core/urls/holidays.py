"""The holiday programme and the family guide: workspace pages and the public pages.

Mounted at the root of the alliance host, so the public addresses stay short
(/holidays/, /holidays.ics, /holidays/plan.pdf, /guide/).
"""

from django.urls import path

from core.views import holidays as views

urlpatterns = [
    # workspace
    path("workspace/holidays/", views.HolidayListView.as_view(), name="holiday-list"),
    path("workspace/holidays/new/", views.HolidayEditView.as_view(), name="holiday-create"),
    path("workspace/holidays/<int:pk>/", views.HolidayDetailView.as_view(), name="holiday-detail"),
    path("workspace/holidays/<int:pk>/edit/", views.HolidayEditView.as_view(), name="holiday-edit"),
    path(
        "workspace/holidays/<int:pk>/publish/",
        views.HolidayPublishView.as_view(),
        name="holiday-publish",
    ),
    path(
        "workspace/holidays/<int:pk>/delete/",
        views.HolidayDeleteView.as_view(),
        name="holiday-delete",
    ),
    path("workspace/guide/", views.GuideListView.as_view(), name="guide-list"),
    path("workspace/guide/new/", views.GuideEditView.as_view(), name="guide-create"),
    path("workspace/guide/<int:pk>/", views.GuideDetailView.as_view(), name="guide-detail"),
    path("workspace/guide/<int:pk>/edit/", views.GuideEditView.as_view(), name="guide-edit"),
    path("workspace/guide/<int:pk>/delete/", views.GuideDeleteView.as_view(), name="guide-delete"),
    # public (no login)
    path("holidays/", views.public_calendar, name="public-holidays"),
    path("holidays.ics", views.public_calendar_ics, name="public-holidays-ics"),
    path("holidays/plan.pdf", views.public_plan_pdf, name="public-holidays-pdf"),
    path("guide/", views.public_guide, name="public-guide"),
]
