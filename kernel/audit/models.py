from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import account_link, matches

ACTION_PATTERN = r"^[a-z][a-z_]*(\.[a-z][a-z_]*){2,}$"


class AuditEntry(models.Model):
    """One write: who did what to which record, and what changed.

    Lives in the schema whose data was changed (an alliance's, or the public schema
    for the state layer). Entries are only ever added, never edited.
    """

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # The account may be erased while the trail stays (``account_link``); actor_label
    # keeps a display name that erasure anonymises.
    actor = account_link(_("actor"))
    actor_label = models.CharField(_("actor"), max_length=200, blank=True)
    action = models.CharField(
        _("action"),
        max_length=100,
        db_index=True,
        validators=[RegexValidator(ACTION_PATTERN)],
        help_text=_("Dotted code such as core.partner.admitted"),
    )
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("audit entry"), _("audit entries")
        ordering = ["-created_at", "-id"]
        constraints = [
            matches("action", ACTION_PATTERN, name="audit_action_format"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"
