from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionalConfig(AppConfig):
    """The state layer in the public schema."""

    name = "regional"
    verbose_name = _("State coordination")
