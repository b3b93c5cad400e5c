"""The childcare pool: carers, placements and the matching of a request."""

from django.urls import path

from core.views import carers as views
from kernel.crud.urls import object_urls

urlpatterns = [
    path("workspace/carers/match/", views.carer_match, name="carer-match"),
    *object_urls(views.CarerPages),
    *object_urls(views.PlacementPages),
]
