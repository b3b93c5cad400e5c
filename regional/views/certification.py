"""The state office's certification programme templates and template groups (such as
the diversity indicator), with their criteria. Alliances adopt them in their workspace
(``core/views/certification.py``)."""

from __future__ import annotations

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from kernel.crud.facts import Fact
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from regional.filters.certification import TemplateFilter, TemplateGroupFilter
from regional.forms.certification import TemplateCriterionForm, TemplateForm, TemplateGroupForm
from regional.models import CertificationTemplate, TemplateCriterion, TemplateGroup
from regional.selectors.certification import (
    group_detail,
    group_list,
    template_detail,
    template_list,
)
from regional.services import certification as services

PERMISSION = "state.certification.manage"


class _TemplatePages(ObjectPages):
    """The state office's templates: seen, changed and downloaded with ``PERMISSION``."""

    view_permission = change_permission = export_permission = PERMISSION
    service_module = services


class TemplatePages(_TemplatePages):
    model, prefix, name = CertificationTemplate, "", "certification-template"
    instance_arg = "template"
    routes = ("list", "create", "detail", "edit")
    title, queryset, filterset = _("Certification templates"), template_list, TemplateFilter
    default_order = "name"
    table = [
        Column("name", order_by=True, link=True),
        Column("key", order_by=True),
        Column("kind", order_by=True),
        Column("validity", value="validity_years", order_by=True),
        Column("threshold", _("Pass threshold in percent"), "pass_threshold", order_by=True),
        Column("groups", _("Criterion groups"), "group_count", order_by=True),
        Column("published", value="is_published", order_by=True),
    ]
    extra_links = [
        (_("Template groups"), reverse_lazy("certification-template-group-list"), PERMISSION)
    ]
    selector, template_name = template_detail, "regional/certification/template_detail.html"
    form_class = TemplateForm
    create_title, edit_title = _("New certification template"), _("Edit certification template")


class GroupPages(_TemplatePages):
    model, prefix, name = TemplateGroup, "groups", "certification-template-group"
    instance_arg = "group"
    title, queryset, filterset = _("Template groups"), group_list, TemplateGroupFilter
    default_order = "name"
    table = [
        Column("name", order_by=True, link=True),
        Column("key", order_by=True),
        Column("weight", order_by=True),
        Column("criteria", _("Criteria"), "criterion_count", order_by=True),
    ]
    extra_links = [
        (_("Certification templates"), reverse_lazy("certification-template-list"), PERMISSION)
    ]
    selector, template_name = group_detail, "regional/certification/group_detail.html"
    heading, facts = "name", [Fact(_("Short name"), "key"), Fact(_("Weight"), "weight")]
    form_class = TemplateGroupForm
    create_title, edit_title = _("New template group"), _("Edit template group")
    delete_title = _("Delete template group")
    delete_question = _("Delete the template group “%(name)s”?")
    deleted_message = _("The template group has been deleted.")


class CriterionPages(_TemplatePages):
    """A template group's criteria, on its page (``pk``: the group, ``criterion_pk``)."""

    model, prefix = TemplateCriterion, "groups/<int:pk>/criteria"
    name, instance_arg = "certification-template-criterion", "criterion"
    routes, pk_kwarg, stem = ("create", "edit", "delete"), "criterion_pk", "TemplateCriterion"
    parent_arg, parent_url = "group", "certification-template-group-detail"
    form_class = TemplateCriterionForm
    create_title, edit_title = _("New criterion for %(name)s"), _("Edit template criterion")
    delete_title = _("Remove template criterion")
    delete_question = _("Remove “%(text)s” from the group?")
    deleted_message = _("The criterion has been removed.")
    delete_button = _("Remove")
