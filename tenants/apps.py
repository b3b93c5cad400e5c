from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Alliances and accounts")

    def ready(self) -> None:
        # The signals keep the domain cache fresh; ``kernel.dates`` registers the system
        # check that every date field carries the range validator.
        from kernel import dates  # noqa: F401

        from . import signals  # noqa: F401
