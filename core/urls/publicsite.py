"""The public site's pages (at the host's root) and the coordinator's pages for it."""

from django.urls import path

from core.views import publicsite, site_admin
from kernel.crud.urls import object_urls
from kernel.legal.urls import legal_urls

public_urlpatterns = [
    path("partner-werden/", publicsite.partner_apply, name="public-apply"),
    path("partner-werden/danke/", publicsite.partner_apply_done, name="public-apply-done"),
    path("site/logo/", publicsite.site_logo, name="site-logo"),
    path("site/theme.css", publicsite.site_theme, name="site-theme"),
    *legal_urls(publicsite.legal_page),
]

workspace_urlpatterns = [
    path("", site_admin.site_settings, name="site-settings"),
    path("identity/", site_admin.identity_edit, name="site-identity-edit"),
    path("legal/<slug:kind>/", site_admin.legal_page_edit, name="site-legal-edit"),
    *object_urls(site_admin.AwardPages),
]
