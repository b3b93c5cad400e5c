"""Projects, working groups, events and the funding circle with a donation's receipt
(mounted at /workspace/)."""

from django.urls import path

from core.views import funding, fundraising_receipts, projects
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls(projects.ProjectPages),
    *object_urls(projects.WorkingGroupPages),
    *object_urls(projects.EventPages),
    path("funding/totals/", funding.funding_totals, name="funding-totals"),
    *object_urls(funding.FundingPages),
    path("funding/<int:pk>/receipt/", fundraising_receipts.receipt_issue, name="funding-receipt"),
]
