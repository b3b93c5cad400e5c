"""Partners, their contact persons and the measures catalogue (/workspace/partners/)."""

from django.urls import path

from core.views import partners as views

urlpatterns = [
    path("", views.PartnerListView.as_view(), name="partner-list"),
    path("new/", views.PartnerCreateView.as_view(), name="partner-create"),
    path("<int:pk>/", views.PartnerDetailView.as_view(), name="partner-detail"),
    path("<int:pk>/edit/", views.PartnerEditView.as_view(), name="partner-edit"),
    path("<int:pk>/leave/", views.PartnerLeaveView.as_view(), name="partner-leave"),
    path("<int:pk>/delete/", views.PartnerDeleteView.as_view(), name="partner-delete"),
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
    path("measures/", views.MeasureListView.as_view(), name="measure-list"),
    path("measures/new/", views.MeasureEditView.as_view(), name="measure-create"),
    path("measures/<int:pk>/edit/", views.MeasureEditView.as_view(), name="measure-edit"),
]
