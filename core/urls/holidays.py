"""The holiday programme and the family guide: workspace pages and the public pages.

Mounted at the root of the alliance host, so the public addresses stay short
(/holidays/, /holidays.ics, /holidays/plan.pdf, /guide/).
"""

from django.urls import path

from core.views import holidays as views

urlpatterns = [
    # workspace
    path("workspace/holidays/", views.holiday_list_view, name="holiday-list"),
    path("workspace/holidays/new/", views.holiday_create, name="holiday-create"),
    path("workspace/holidays/<int:pk>/", views.holiday_detail_view, name="holiday-detail"),
    path("workspace/holidays/<int:pk>/edit/", views.holiday_edit, name="holiday-edit"),
    path("workspace/holidays/<int:pk>/publish/", views.holiday_publish, name="holiday-publish"),
    path("workspace/holidays/<int:pk>/delete/", views.holiday_delete, name="holiday-delete"),
    path("workspace/guide/", views.guide_list_view, name="guide-list"),
    path("workspace/guide/new/", views.guide_create, name="guide-create"),
    path("workspace/guide/<int:pk>/", views.guide_detail_view, name="guide-detail"),
    path("workspace/guide/<int:pk>/edit/", views.guide_edit, name="guide-edit"),
    path("workspace/guide/<int:pk>/delete/", views.guide_delete, name="guide-delete"),
    # public (no login)
    path("holidays/", views.public_calendar, name="public-holidays"),
    path("holidays.ics", views.public_calendar_ics, name="public-holidays-ics"),
    path("holidays/plan.pdf", views.public_plan_pdf, name="public-holidays-pdf"),
    path("guide/", views.public_guide, name="public-guide"),
]
