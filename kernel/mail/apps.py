from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """The e-mail outbox. A shared app: one table in the public schema, which every
    alliance schema reaches through its search path, so a write in any schema can queue
    an e-mail in its own transaction and one sweep finds every pending message."""

    name = "kernel.mail"
    label = "mail"
    verbose_name = _("E-mail outbox")
