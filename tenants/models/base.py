from django.db import models
from django.utils.translation import gettext_lazy as _

from .plain_text import PlainTextModel


class TimeStampedModel(PlainTextModel, models.Model):
    """Every record knows when it was created and last changed.

    Its texts hold no control characters (``PlainTextModel``)."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
