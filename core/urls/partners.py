"""Partners, their contact persons and the measures catalogue (/workspace/partners/)."""

from django.urls import path

from core.views import partners as views
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls("", "partner", views, "Partner"),
    path("<int:pk>/leave/", views.PartnerLeaveView.as_view(), name="partner-leave"),
    path("<int:pk>/contacts/new/", views.ContactEditView.as_view(), name="contact-create"),
    path(
        "<int:pk>/contacts/<int:contact_pk>/edit/",
        views.ContactEditView.as_view(),
        name="contact-edit",
    ),
    path(
        "<int:pk>/contacts/<int:contact_pk>/delete/",
        views.ContactDeleteView.as_view(),
        name="contact-delete",
    ),
    *object_urls("measures", "measure", views, "Measure", routes=("list", "create", "edit")),
]
