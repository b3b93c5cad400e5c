from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederalConfig(AppConfig):
    """The federal service office in the public schema: Germany's aggregated figures,
    cross-alliance programmes and the "Bündnis des Monats" award."""

    name = "federal"
    verbose_name = _("Federal service office")
