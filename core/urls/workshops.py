"""Workshops and working group tasks (/workspace/), and the public registration."""

from django.urls import path

from core.views import workshops as views
from kernel.crud.urls import object_urls

_ON = "workshops/<int:pk>/"

urlpatterns = [
    *object_urls(views.WorkshopPages),
    *object_urls(views.TopicPages),
    *object_urls(views.RegistrationPages),
    path(
        _ON + "registrations/<int:registration_pk>/cancel/",
        views.GUARDED["registration_cancel"],
        name="workshop-registration-cancel",
    ),
    path(
        _ON + "registrations/<int:registration_pk>/seats/",
        views.GUARDED["seats"],
        name="workshop-seats",
    ),
    path(_ON + "assign/", views.GUARDED["assign_by_wishes"], name="workshop-assign"),
    path(_ON + "attendance/", views.GUARDED["attendance"], name="workshop-attendance"),
    path(_ON + "attendance.pdf", views.GUARDED["attendance_pdf"], name="workshop-attendance-pdf"),
    path(_ON + "topics/<int:topic_pk>/task/", views.task_from_result, name="workshop-topic-task"),
    *object_urls(views.TaskPages),
]

#: Open to everyone on the alliance's host (below /workshops/).
public_urlpatterns = [
    path("<int:pk>/register/", views.register, name="workshop-register"),
    path("cancel/<str:token>/", views.cancel, name="workshop-cancel"),
]
