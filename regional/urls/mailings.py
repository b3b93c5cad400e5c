"""The state office's address book and mailings (mounted at /address-book/ and /mailings/)."""

from django.urls import path

from regional.views import addressbook, mailings

address_book_patterns = [
    path("", addressbook.AddressBookView.as_view(), name="state-address-book"),
]

urlpatterns = [
    path("", mailings.MailingListView.as_view(), name="state-mailing-list"),
    path("new/", mailings.mailing_create, name="state-mailing-create"),
    path("<int:pk>/", mailings.mailing_detail, name="state-mailing-detail"),
    path("<int:pk>/delete/", mailings.mailing_delete, name="state-mailing-delete"),
    path("unsubscribe/<str:token>/", mailings.unsubscribe, name="mailing-unsubscribe"),
]
