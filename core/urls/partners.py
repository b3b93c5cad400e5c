from django.urls import path

from core.views import partners as views

urlpatterns = [
    path("", views.partner_list_view, name="partner-list"),
    path("new/", views.partner_create, name="partner-create"),
    path("<int:pk>/", views.partner_detail_view, name="partner-detail"),
    path("<int:pk>/edit/", views.partner_edit, name="partner-edit"),
    path("<int:pk>/leave/", views.partner_leave, name="partner-leave"),
    path("<int:pk>/delete/", views.partner_delete, name="partner-delete"),
    path("<int:pk>/contacts/new/", views.contact_create, name="contact-create"),
    path("<int:pk>/contacts/<int:contact_pk>/edit/", views.contact_edit, name="contact-edit"),
    path("<int:pk>/contacts/<int:contact_pk>/delete/", views.contact_delete, name="contact-delete"),
    path("measures/", views.measure_list_view, name="measure-list"),
    path("measures/new/", views.measure_create, name="measure-create"),
    path("measures/<int:pk>/edit/", views.measure_edit, name="measure-edit"),
]
