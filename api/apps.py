from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """HTTP <-> the same services and selectors the HTML views use; nothing of its own."""

    name = "api"
    verbose_name = _("REST API")
