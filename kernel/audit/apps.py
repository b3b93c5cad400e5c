from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail. Installed in the public schema and in every alliance schema,
    so each write is recorded in the schema it changed."""

    name = "kernel.audit"
    label = "audit"
    verbose_name = _("Audit trail")
