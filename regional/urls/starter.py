"""The starter templates for new alliances, mounted at /starter-templates/ on the state host."""

from kernel.crud.urls import object_urls
from regional.views import starter as views

urlpatterns = [*object_urls(views.StarterTemplatePages)]
