"""Workshops at regional meetings (state host, below /meetings/)."""

from django.urls import path

from kernel.crud.urls import object_urls
from regional.views import workshops as views

_ON = "workshops/<int:pk>/"

urlpatterns = [
    *object_urls(views.RegionalWorkshopPages),
    *object_urls(views.TablePages),
    *object_urls(views.RegistrationPages),
    path(
        _ON + "registrations/<int:registration_pk>/cancel/",
        views.GUARDED["registration_cancel"],
        name="regional-workshop-registration-cancel",
    ),
    path(
        _ON + "registrations/<int:registration_pk>/seats/",
        views.GUARDED["seats"],
        name="regional-workshop-seats",
    ),
    path(_ON + "assign/", views.GUARDED["assign_by_wishes"], name="regional-workshop-assign"),
    path(_ON + "attendance/", views.GUARDED["attendance"], name="regional-workshop-attendance"),
    path(
        _ON + "attendance.pdf",
        views.GUARDED["attendance_pdf"],
        name="regional-workshop-attendance-pdf",
    ),
    path("workshop/<str:token>/", views.register, name="regional-workshop-register"),
    path("workshops/cancel/<str:token>/", views.cancel, name="regional-workshop-cancel"),
]
