"""Cooperation agreements: list, record, change, and the signed document."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.filters.careguides import AgreementFilter
from core.forms.careguides import AgreementForm
from core.models import CooperationAgreement
from core.selectors.agreements import agreement_detail, agreement_list
from core.services import agreements as services
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from kernel.uploads import stored_file_response
from tenants.permissions import requires

VIEW = "alliance.agreements.view"
CHANGE = "alliance.agreements.change"


class AgreementPages(ObjectPages):
    model, prefix, name = CooperationAgreement, "", "agreement"
    view_permission, change_permission = VIEW, CHANGE
    queryset, filterset, default_order = agreement_list, AgreementFilter, "-signed_on"
    table = [
        Column("party", _("Partner organisation"), "other_party", "organisation", link=True),
        Column("subject", _("Subject"), order_by=True),
        Column("status", _("Status"), lambda a: a.get_current_status_display(), "status"),
        Column("signed", value="signed_on", order_by=True),
        Column("from", value="valid_from", order_by=True),
        Column("until", value="valid_until", order_by=True),
        Column("renewal", order_by=True, export_only=True),
        Column("public", value="is_public", order_by=True),
        Column("signed_by_alliance", export_only=True),
        Column("signed_by_other", export_only=True),
        Column("notice", value="notice_weeks", export_only=True),
    ]
    selector, template_name = agreement_detail, "core/agreements/detail.html"
    form_class, service_module = AgreementForm, services
    create_title = _("New cooperation agreement")
    delete_question = _("Delete the agreement “%(name)s” for good?")
    deleted_message = _("The agreement has been deleted.")

    class Delete:
        def question_args(self, obj):
            return {"name": obj.subject}


@requires(VIEW)
def agreement_document(request, pk: int):
    """The signed document of an agreement, to those who see the agreement."""
    try:
        agreement = agreement_detail(pk)
    except CooperationAgreement.DoesNotExist as exc:
        raise Http404 from exc
    if not agreement.document:
        raise Http404
    return stored_file_response(default_storage, agreement.document.name)
