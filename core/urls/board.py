"""The board: members, meeting templates, meetings, agendas, minutes, attachments
(/workspace/board/)."""

from django.urls import path

from core.views import board as views
from core.views import board_members as members
from kernel.meetings.urls import meeting_page_paths

urlpatterns = [
    path("", views.meeting_list_view, name="meeting-list"),
    path("meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/", views.meeting_detail_view, name="meeting-detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/delete/", views.meeting_delete, name="meeting-delete"),
    path("meetings/<int:pk>/minutes/approve/", views.minutes_approve, name="minutes-approve"),
    *meeting_page_paths(
        prefix="meetings/<int:pk>/",
        views=views.PAGE_VIEWS,
        agenda="agendaitem",
    ),
    path("members/", members.board_member_list_view, name="boardmember-list"),
    path("members/new/", members.board_member_create, name="boardmember-create"),
    path("members/<int:pk>/", members.board_member_detail, name="boardmember-detail"),
    path("members/<int:pk>/edit/", members.board_member_edit, name="boardmember-edit"),
    path("members/<int:pk>/delete/", members.board_member_delete, name="boardmember-delete"),
    path("templates/", members.meeting_template_list_view, name="meetingtemplate-list"),
    path("templates/new/", members.meeting_template_create, name="meetingtemplate-create"),
    path(
        "templates/<int:pk>/", members.meeting_template_detail_view, name="meetingtemplate-detail"
    ),
    path("templates/<int:pk>/edit/", members.meeting_template_edit, name="meetingtemplate-edit"),
    path(
        "templates/<int:pk>/delete/", members.meeting_template_delete, name="meetingtemplate-delete"
    ),
    path("templates/<int:pk>/series/", members.meeting_series, name="meeting-series"),
]
