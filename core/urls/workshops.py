"""Workshops and working group tasks (/workspace/), and the public registration."""

from django.urls import path

from core.views import workshops as views
from kernel.crud.urls import object_urls
from kernel.workshops.pages import workshop_urls
from tenants.permissions import requires

urlpatterns = [
    *workshop_urls(views.WorkshopPages, views.TopicPages, views.RegistrationPages, guard=requires),
    path(
        "workshops/<int:pk>/topics/<int:topic_pk>/task/",
        views.task_from_result,
        name="workshop-topic-task",
    ),
    *object_urls(views.TaskPages),
]

#: Open to everyone on the alliance's host (below /workshops/).
public_urlpatterns = [
    path("<int:pk>/register/", views.register, name="workshop-register"),
    path("cancel/<str:token>/", views.cancel, name="workshop-cancel"),
]
