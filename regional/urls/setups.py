"""The new-alliance pipeline, mounted at /setups/ on the state area's host."""

from django.urls import path

from regional.views import setups as views

urlpatterns = [
    path("", views.setup_board_view, name="setup-board"),
    path("list/", views.setup_list_view, name="setup-list"),
    path("new/", views.setup_create, name="setup-create"),
    path("<int:pk>/", views.setup_detail_view, name="setup-detail"),
    path("<int:pk>/edit/", views.setup_edit, name="setup-edit"),
    path("<int:pk>/delete/", views.setup_delete, name="setup-delete"),
    path("<int:pk>/move/", views.setup_move, name="setup-move"),
    path("<int:pk>/retry/", views.setup_retry, name="setup-retry"),
    path("<int:pk>/checklist/new/", views.task_create, name="setup-task-create"),
    path("<int:pk>/checklist/<int:task_pk>/edit/", views.task_edit, name="setup-task-edit"),
    path("<int:pk>/checklist/<int:task_pk>/delete/", views.task_delete, name="setup-task-delete"),
    path("<int:pk>/checklist/<int:task_pk>/tick/", views.task_tick, name="setup-task-tick"),
]
