"""The state office's starter templates for new alliances (list, new, edit, delete)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kernel.crud.pages import ObjectPages, detail_link
from kernel.crud.tables import Column
from regional.filters.starter import StarterTemplateFilter
from regional.forms.starter import StarterTemplateForm
from regional.models import StarterTemplate
from regional.selectors.starter import starter_template_detail, starter_template_list
from regional.services import starter as services

PERMISSION = "state.starter.manage"


def _category(template: StarterTemplate) -> str:
    from kernel.starter import starter_category_choices

    return str(dict(starter_category_choices(template.kind)).get(template.category, ""))


class StarterTemplatePages(ObjectPages):
    model, name, instance_arg = StarterTemplate, "starter-template", "template"
    routes, back_to = ("list", "create", "edit", "delete"), "list"
    view_permission = change_permission = PERMISSION
    queryset, filterset = starter_template_list, StarterTemplateFilter
    default_order, export_permission = "kind", PERMISSION
    table = [
        Column("name", order_by=True, link=True),
        Column("kind", order_by=True),
        Column("category", _("Category"), _category, "category"),
        Column("description", export_only=True),
        Column("active", _("Copied into new alliances"), "is_active", order_by=True),
    ]
    row_link = detail_link("starter-template-edit")
    selector = starter_template_detail
    form_class, service_module, service_name = StarterTemplateForm, services, "starter_template"
    create_title = _("New starter template")
    delete_question = _("Delete the starter template “%(name)s”?")
    deleted_message = _("The starter template has been deleted.")
