"""Certification programme templates the state office maintains for the alliances.

An alliance adopts a template into its own workspace (a copy: the alliance may change
it afterwards), or includes one template group, such as the diversity indicator, in a
programme of its own. The copy is made by ``core.services.certification``; this module
only holds the templates, in the public schema.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.certification import ProgrammeTerms, threshold_is_percent, weight_field
from kernel.collation import by_name
from kernel.models import Named, part_of
from tenants.models.base import TimeStampedModel
from tenants.scope import StateScoped, once_per_state, state_owner


class TemplateGroup(StateScoped, Named, TimeStampedModel):
    """A group of criteria the alliances can include in a programme (diversity indicator)."""

    state = state_owner()

    key = models.SlugField(_("short name"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = weight_field(_("weight"))

    class Meta:
        verbose_name = _("template criterion group")
        verbose_name_plural = _("template criterion groups")
        ordering = [by_name()]
        # Unique within the state whose office offers them.
        constraints = [
            once_per_state("key", name="template_group_key_per_state"),
            once_per_state("name", name="template_group_name_per_state"),
        ]

    def criteria_list(self):
        return self.criteria.order_by("position", "text")


class TemplateCriterion(StateScoped, TimeStampedModel):
    """One criterion of a template group."""

    _state_path = "group__state"

    group = part_of(TemplateGroup, _("group"), related_name="criteria")
    text = models.CharField(_("criterion"), max_length=300)
    weight = weight_field(_("weight"))
    is_required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name, verbose_name_plural = _("template criterion"), _("template criteria")
        ordering = ["group", "position", "text"]

    def __str__(self) -> str:
        return self.text


class CertificationTemplate(StateScoped, Named, ProgrammeTerms, TimeStampedModel):
    """A programme template: what an adopted programme starts with."""

    state = state_owner()

    key = models.SlugField(_("short name"), max_length=60)
    groups = models.ManyToManyField(
        TemplateGroup, verbose_name=_("criterion groups"), related_name="templates", blank=True
    )
    is_published = models.BooleanField(_("offered to the alliances"), default=True)

    class Meta:
        verbose_name = _("certification programme template")
        verbose_name_plural = _("certification programme templates")
        ordering = [by_name()]
        constraints = [
            threshold_is_percent("template_threshold_percent"),
            once_per_state("key", name="template_key_per_state"),
        ]

    def group_list(self):
        return self.groups.order_by(by_name())
