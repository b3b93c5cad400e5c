"""URLs of the state area (public schema). Each area has its module here."""

from django.urls import include, path

from regional.urls import mailings as mailing_urls
from regional.views import home

urlpatterns = [
    path("", home.home, name="state-home"),
    path("dashboard/", include("regional.urls.statistics")),
    # states
    path("state/", include("regional.urls.state")),
    path("meetings/", include("regional.urls.meetings")),
    path("setups/", include("regional.urls.setups")),
    path("reports/", include("regional.urls.reports")),
    # onboarding
    path("starter-templates/", include("regional.urls.starter")),
    # workshops
    path("meetings/", include("regional.urls.workshops")),
    # publicsite
    path("", include("regional.urls.legal")),
    # certification
    path("certification/", include("regional.urls.certification")),
    # addressbook
    path("address-book/", include(mailing_urls.address_book_patterns)),
    path("mailings/", include("regional.urls.mailings")),
    # library
    path("documents/", include("regional.urls.library")),
]
