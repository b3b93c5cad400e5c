"""Templates the state coordination office maintains for new alliances' workspaces."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.models import Named
from kernel.starter import starter_category_choices, starter_kind_choices
from tenants.models.base import TimeStampedModel
from tenants.scope import StateScoped, state_owner


class StarterTemplate(StateScoped, Named, TimeStampedModel):
    """A record a new alliance's workspace starts with (a working group, a measure of the
    partners' catalogue, the board meetings' standing agenda, ...): copied into its
    schema when the state puts it on the platform (``regional.services.starter``).

    The kinds are the registered starter catalogues (``kernel.starter``)."""

    state = state_owner()

    kind = models.CharField(_("kind"), max_length=40, choices=starter_kind_choices)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=30, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(
        _("copied into new alliances"),
        default=True,
        help_text=_("Only active templates are copied into a new alliance."),
    )

    class Meta:
        verbose_name, verbose_name_plural = _("starter template"), _("starter templates")
        ordering = ["kind", by_name()]
        constraints = [
            models.UniqueConstraint(
                "state", "kind", Lower("name"), name="starter_template_kind_name_unique_ci",
                violation_error_message=_("A template of this kind with this name exists already."),
            ),
        ]  # fmt: skip

    def clean(self) -> None:
        super().clean()
        categories = dict(starter_category_choices(self.kind))
        if self.category and self.category not in categories:
            raise ValidationError({"category": _("This category does not fit the kind.")})
