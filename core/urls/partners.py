"""Partners, their contact persons and the measures catalogue (/workspace/partners/)."""

from django.urls import path

from core.views import partners as views
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls(views.PartnerPages),
    path("<int:pk>/leave/", views.PartnerLeaveView.as_view(), name="partner-leave"),
    *object_urls(views.ContactPages),
    *object_urls(views.MeasurePages),
]
