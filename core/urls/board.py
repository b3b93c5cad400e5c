"""The board: members, meeting templates, meetings, agendas, minutes, attachments
(/workspace/board/)."""

from django.urls import path

from core.views import board as views
from core.views import board_members as members
from kernel.crud.urls import object_urls
from kernel.meetings.urls import meeting_page_paths

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:pk>/", views.meeting_detail_view, name="meeting-detail"),
    *object_urls(views.BoardMeetingPages),
    path("meetings/<int:pk>/minutes/approve/", views.minutes_approve, name="minutes-approve"),
    *meeting_page_paths(
        prefix="meetings/<int:pk>/",
        views=views.PAGE_VIEWS,
        agenda="agendaitem",
    ),
    *object_urls(members.BoardMemberPages),
    *object_urls(members.MeetingTemplatePages),
    path("templates/<int:pk>/series/", members.meeting_series, name="meeting-series"),
]
