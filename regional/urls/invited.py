"""Regional meetings as an invited alliance sees them on its own host
(mounted at /workspace/regional/ by config/urls_tenant.py)."""

from django.urls import path

from regional.views import calendar_feed
from regional.views import invited as views

urlpatterns = [
    path("", views.invited_list, name="regional-invited-list"),
    path("calendar/", calendar_feed.alliance_feed_page, name="regional-invited-calendar"),
    path("<int:pk>/", views.invited_detail, name="regional-invited-detail"),
    path("<int:pk>/reply/", views.invited_reply, name="regional-invited-reply"),
    path("<int:pk>/agenda.pdf", views.invited_agenda_pdf, name="regional-invited-agenda-pdf"),
    path("<int:pk>/minutes.pdf", views.invited_minutes_pdf, name="regional-invited-minutes-pdf"),
    path(
        "<int:pk>/files/<int:attachment_pk>/",
        views.invited_attachment,
        name="regional-invited-attachment",
    ),
]
