"""Regional meetings and the yearly strategy meeting (state host, /meetings/)."""

from django.urls import path

from kernel.crud.urls import object_urls
from kernel.meetings.urls import meeting_page_paths
from regional.views import attendance, calendar_feed, invitations
from regional.views import meetings as views

urlpatterns = [
    *object_urls(views.RegionalMeetingPages),
    path(
        "archive/",
        views.RegionalMeetingPages.views["list"].as_view(spec=views.ARCHIVE),
        name="regional-meeting-archive",
    ),
    path("reply/<str:token>/", invitations.reply_view, name="regional-meeting-reply"),
    path("calendar/", calendar_feed.state_feed_page, name="regional-calendar-feed-page"),
    path("feed/<str:token>.ics", calendar_feed.feed_view, name="regional-calendar-feed"),
    path("<int:pk>/", views.meeting_detail_view, name="regional-meeting-detail"),
    path("<int:pk>/calendar.ics", views.meeting_calendar_view, name="regional-meeting-ics"),
    path("<int:pk>/agenda/bulk/", views.agenda_bulk_add, name="regional-agenda-bulk"),
    path(
        "<int:pk>/agenda/<int:item_pk>/move/",
        views.agenda_item_move,
        name="regional-agenda-move",
    ),
    path(
        "<int:pk>/invitations/", invitations.invitations_view, name="regional-meeting-invitations"
    ),
    path(
        "<int:pk>/invitations/send/",
        invitations.invitations_send,
        name="regional-meeting-invitations-send",
    ),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/remove/",
        invitations.invitation_remove,
        name="regional-invitation-remove",
    ),
    path("<int:pk>/remind/", attendance.remind_pending, name="regional-meeting-remind"),
    path("<int:pk>/attendance/", attendance.attendance_edit, name="regional-meeting-attendance"),
    path("<int:pk>/minutes/publish/", views.minutes_publish, name="regional-minutes-publish"),
    *meeting_page_paths(
        prefix="<int:pk>/",
        views=views.PAGE_VIEWS,
        name_prefix="regional-",
        agenda="agenda",
    ),
]
