"""The new-alliance pipeline, mounted at /setups/ on the state area's host."""

from django.urls import path

from kernel.crud.urls import object_urls
from regional.views import setups as views

urlpatterns = [
    path("", views.setup_board_view, name="setup-board"),
    path("list/", views.SetupListView.as_view(), name="setup-list"),
    *object_urls("", "setup", views, "Setup", routes=("create", "detail", "edit", "delete")),
    path("<int:pk>/move/", views.setup_move, name="setup-move"),
    path("<int:pk>/retry/", views.SetupRetryView.as_view(), name="setup-retry"),
    path("<int:pk>/checklist/new/", views.TaskEditView.as_view(), name="setup-task-create"),
    path(
        "<int:pk>/checklist/<int:task_pk>/edit/",
        views.TaskEditView.as_view(),
        name="setup-task-edit",
    ),
    path(
        "<int:pk>/checklist/<int:task_pk>/delete/",
        views.TaskDeleteView.as_view(),
        name="setup-task-delete",
    ),
    path("<int:pk>/checklist/<int:task_pk>/tick/", views.task_tick, name="setup-task-tick"),
]
