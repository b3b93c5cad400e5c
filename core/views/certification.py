"""Certification programmes: programmes and their criterion groups, the employer's
self-assessment (also by the partner contact, for the own organisation) and renewals.

Applications, the review checklist and the jury decision are the seal's pages
(``core/views/seal.py``): every programme shares them.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.filters.seal import CriterionGroupFilter, ProgrammeFilter
from core.forms.certification import (
    AdoptTemplateForm,
    CriterionGroupForm,
    IncludeGroupForm,
    ProgrammeForm,
    SelfAssessmentForm,
)
from core.models import CertificationProgramme, CriterionGroup, SealApplication
from core.selectors.certification import (
    group_list,
    programme_detail,
    programme_list,
    state_template_groups,
    state_templates,
)
from core.selectors.seal import seal_application_detail
from core.services import certification as services
from core.views.seal import SELF_ASSESS, SealPages, checks_page
from core.views.work import CHANGE, VIEW, WorkPages
from kernel.crud.facts import Fact, yes_no
from kernel.crud.pages import detail_link
from kernel.crud.tables import Column
from kernel.crud.views import ObjectActionView
from tenants.permissions import access_for, deny, requires


def _criteria(programme: CertificationProgramme) -> list:
    """The programme's criteria in their order, with their groups."""
    return list(programme.criteria.select_related("group").order_by("position", "text"))


class ProgrammePages(WorkPages):
    model, prefix, name = CertificationProgramme, "programmes", "certification-programme"
    instance_arg = "programme"
    routes = ("list", "create", "detail", "edit")
    queryset, filterset, default_order = programme_list, ProgrammeFilter, "name"
    table = [
        Column("name", order_by=True, link=True),
        Column("kind", order_by=True),
        Column("validity", value="validity_years", order_by=True),
        Column("threshold", _("Pass threshold in percent"), "pass_threshold", order_by=True),
        Column("criteria", _("Criteria in use"), "criterion_count", order_by=True),
        Column("valid", _("Valid certificates"), "valid_count", order_by=True),
        Column("active", value="is_active", order_by=True),
        Column("renewal", value="renewal_rules", export_only=True),
    ]
    extra_links = [
        (_("Criterion groups"), reverse_lazy("certification-group-list"), CHANGE),
        (
            _("Templates of the state office"),
            reverse_lazy("certification-programme-templates"),
            CHANGE,
        ),
        (_("Certification applications"), reverse_lazy("seal-list"), VIEW),
    ]
    selector, template_name = programme_detail, "core/certification/programme_detail.html"
    heading = "name"
    facts = [
        Fact(_("Kind"), "kind"),
        Fact(_("Validity in years"), "validity_years"),
        Fact(_("Pass threshold in percent"), "pass_threshold"),
        Fact(_("In use"), "is_active", yes_no),
        Fact(_("Valid certificates"), "valid_count"),
        Fact(_("Adopted from state template"), "template_key", optional=True),
    ]
    detail_context = {"criteria": _criteria}
    form_class, service_module = ProgrammeForm, services
    create_title = _("New certification programme")


class GroupPages(WorkPages):
    model, prefix, name, instance_arg = CriterionGroup, "groups", "certification-group", "group"
    routes, back_to = ("list", "create", "edit", "delete"), "list"
    view_permission = change_permission = CHANGE
    queryset, filterset = group_list, CriterionGroupFilter
    default_order, row_link = "name", detail_link("certification-group-edit")
    table = [
        Column("name", order_by=True, link=True),
        Column("programme", value="programme.name", order_by=True),
        Column("weight", order_by=True),
        Column("position", order_by=True),
        Column("criteria", _("Criteria"), "criterion_count", order_by=True),
    ]
    extra_links = [
        (_("Certification programmes"), reverse_lazy("certification-programme-list"), VIEW)
    ]
    form_class, service_module = CriterionGroupForm, services
    create_title = _("New criterion group")
    delete_question = _("Delete the criterion group “%(name)s”?")
    deleted_message = _("The criterion group has been deleted.")


class RenewalView(SealPages.Record, ObjectActionView):
    """Start the renewal of an awarded certificate: a new application, linked."""

    required_permission = CHANGE
    service = services.renewal_start
    title = _("Start renewal")
    question = _(
        "Start the renewal of this certificate? A new application is recorded "
        "with the answers of this one."
    )
    success_message = _("The renewal has been started; it is linked on this page.")
    button = _("Start renewal")


@requires(SELF_ASSESS)
def self_assessment(request, pk: int):
    """The employer's self-assessment: the coordinator, or the partner contact of that
    employer (its own organisation only; anyone else gets 404)."""
    try:
        application = seal_application_detail(pk)
    except SealApplication.DoesNotExist as exc:
        raise Http404 from exc
    access = access_for(request)
    if not access.can(SELF_ASSESS, application):
        return deny(request)
    if access.can(VIEW):
        back_url = reverse("seal-detail", args=[pk])
    else:
        back_url = reverse("partner-detail", args=[application.partner_id])
    return checks_page(
        request,
        application,
        back_url=back_url,
        form_class=SelfAssessmentForm,
        save=lambda form: services.self_assessment_update(
            actor=request.user, application=application, answers=form.answers()
        ),
        success_message=_("The self-assessment has been saved."),
        title=_("Self-assessment: %(partner)s, %(programme)s")
        % {"partner": application.partner.name, "programme": application.programme.name},
        template="core/certification/self_assessment.html",
    )


# ---------------------------------------------------------------- state templates


@requires(CHANGE)
def programme_templates(request):
    """The state office's templates: adopt a programme, or include a group (such as the
    diversity indicator) in a programme of the alliance."""
    templates, groups = state_templates(), state_template_groups()
    list_url = reverse("certification-programme-templates")
    adopt = AdoptTemplateForm(templates=templates, prefix="adopt")
    include = IncludeGroupForm(groups=groups, prefix="include")
    status = 200
    if request.method == "POST":
        if "adopt-template" in request.POST:
            adopt = AdoptTemplateForm(request.POST, templates=templates, prefix="adopt")
            form, save = (
                adopt,
                lambda f: services.programme_adopt_template(
                    actor=request.user, template=f.cleaned_data["template"]
                ),
            )
        else:
            include = IncludeGroupForm(request.POST, groups=groups, prefix="include")
            form, save = (
                include,
                lambda f: services.programme_include_group(
                    actor=request.user,
                    programme=f.cleaned_data["programme"],
                    group=f.cleaned_data["group"],
                    position=f.cleaned_data["programme"].criterion_groups.count() + 1,
                ),
            )
        if form.is_valid():
            try:
                programme = save(form)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The template has been copied into the workspace."))
                target = getattr(programme, "programme_id", None) or programme.pk
                return redirect("certification-programme-detail", pk=target)
        status = 400
    return render(
        request,
        "core/certification/templates.html",
        {
            "title": _("Templates of the state office"),
            "templates": templates,
            "groups": groups,
            "adopt": adopt,
            "include": include,
            "list_url": list_url,
        },
        status=status,
    )
