"""The new-alliance pipeline, mounted at /setups/ on the state area's host."""

from django.urls import path

from kernel.crud.urls import object_urls
from regional.views import setups as views

urlpatterns = [
    path("", views.setup_board_view, name="setup-board"),
    path("list/", views.SetupListView.as_view(), name="setup-list"),
    *object_urls(views.SetupPages),
    path("<int:pk>/move/", views.setup_move, name="setup-move"),
    path("<int:pk>/retry/", views.SetupRetryView.as_view(), name="setup-retry"),
    *object_urls(views.TaskPages),
    path("<int:pk>/checklist/<int:task_pk>/tick/", views.task_tick, name="setup-task-tick"),
]
