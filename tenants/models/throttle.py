from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import plausible_datetime


class RateCounter(models.Model):
    """How often one client, address or person did one rate-limited thing (asking for a
    password reset, calling the API) in one time window.

    The counters live in Redis; this table holds them while Redis cannot be reached, so
    the limits keep holding during an outage (tenants.throttling). It is in the public
    schema: a person's count is the same on every alliance's host. Rows past
    ``expires_at`` are deleted as new ones are written.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    expires_at = plausible_datetime(_("expires at"), db_index=True)

    class Meta:
        verbose_name, verbose_name_plural = _("rate counter"), _("rate counters")

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
