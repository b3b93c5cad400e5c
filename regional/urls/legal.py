"""The state area's legal pages (at the root: /impressum/, ...) and the awards overview."""

from django.urls import path, re_path

from kernel.legal.models import LegalKind
from regional.views import legal

LEGAL_PATH = rf"^(?P<kind>{'|'.join(LegalKind.values)})/$"

urlpatterns = [
    re_path(LEGAL_PATH, legal.legal_page, name="legal-page"),
    path("legal/", legal.legal_list, name="state-legal-list"),
    path("legal/<slug:kind>/", legal.legal_edit, name="state-legal-edit"),
    path("dashboard/awards/", legal.award_overview, name="state-award-list"),
]
