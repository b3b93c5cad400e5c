"""The state area's legal pages (at the root: /impressum/, ...) and the awards overview."""

from django.urls import path

from kernel.legal.urls import legal_urls
from regional.views import legal

urlpatterns = [
    *legal_urls(legal.legal_page),
    path("legal/", legal.legal_list, name="state-legal-list"),
    path("legal/<slug:kind>/", legal.legal_edit, name="state-legal-edit"),
    path("dashboard/awards/", legal.award_overview, name="state-award-list"),
]
