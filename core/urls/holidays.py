"""The holiday programme and the family guide: workspace pages and the public pages.

Mounted at the root of the alliance host, so the public addresses stay short
(/holidays/, /holidays.ics, /holidays/plan.pdf, /guide/).
"""

from django.urls import path

from core.views import holidays as views
from kernel.crud.urls import object_urls

urlpatterns = [
    # workspace
    *object_urls(views.HolidayPages),
    path(
        "workspace/holidays/<int:pk>/publish/",
        views.HolidayPublishView.as_view(),
        name="holiday-publish",
    ),
    *object_urls(views.GuidePages),
    # public (no login)
    path("holidays/", views.public_calendar, name="public-holidays"),
    path("holidays.ics", views.public_calendar_ics, name="public-holidays-ics"),
    path("holidays/plan.pdf", views.public_plan_pdf, name="public-holidays-pdf"),
    path("guide/", views.public_guide, name="public-guide"),
]
