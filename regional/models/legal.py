"""The state area's own legal pages (on the parent domain)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kernel.legal.models import LegalPageBase
from tenants.models.base import TimeStampedModel


class StateLegalPage(LegalPageBase, TimeStampedModel):
    """The state coordination office's Impressum, Datenschutzerklärung or
    Barrierefreiheitserklärung, written by the state coordinator."""

    class Meta(LegalPageBase.Meta):
        abstract = False
        verbose_name = _("legal page of the state area")
        verbose_name_plural = _("legal pages of the state area")
