from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """One alliance's own work, inside its schema."""

    name = "core"
    verbose_name = _("Alliance workspace")

    def ready(self) -> None:
        # onboarding: the first-run checklist's items and the starter catalogues
        from core import onboarding, starter

        onboarding.register()
        starter.register()
