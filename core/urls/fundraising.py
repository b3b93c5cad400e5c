"""The fundraising circle (/workspace/fundraising/): overview, members and donors,
actions, grants to projects, donation receipts and their settings."""

from django.urls import path

from core.views import fundraising as views
from core.views import fundraising_receipts as receipts
from kernel.crud.urls import object_urls

urlpatterns = [
    path("", views.fundraising_overview_page, name="fundraising-overview"),
    path("settings/", receipts.fundraising_settings, name="fundraising-settings"),
    *object_urls(views.SupporterPages),
    path(
        "supporters/<int:pk>/receipt/", receipts.receipt_issue_collective, name="supporter-receipt"
    ),
    *object_urls(views.FundraisingActionPages),
    *object_urls(views.ProjectGrantPages),
    *object_urls(receipts.DonationReceiptPages),
    path("receipts/<int:pk>/pdf/", receipts.receipt_download, name="donation-receipt-pdf"),
]
