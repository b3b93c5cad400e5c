"""Workshops at regional meetings (state host, below /meetings/)."""

from django.urls import path

from kernel.workshops.pages import workshop_urls
from regional.views import workshops as views
from tenants.permissions import requires

urlpatterns = [
    *workshop_urls(
        views.RegionalWorkshopPages, views.TablePages, views.RegistrationPages, guard=requires
    ),
    path("workshop/<str:token>/", views.register, name="regional-workshop-register"),
    path("workshops/cancel/<str:token>/", views.cancel, name="regional-workshop-cancel"),
]
