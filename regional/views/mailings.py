"""The state office's mailings: the sent log (a ``kernel.crud.tables`` list), the draft,
the confirmation of its exact recipients before it is sent, a sent mailing's recipients
with their delivery state, and the public unsubscribe page behind every mailing's link."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kernel.crud.tables import Column, ListSpec
from kernel.crud.views import ObjectDeleteView, ObjectListView, add_validation_error
from regional.filters.mailings import MailingFilter
from regional.forms.mailings import ConfirmSendForm, MailingForm
from regional.models import Mailing, MailingStatus
from regional.selectors import mailings as selectors
from regional.selectors.addressbook import Group
from regional.services import mailings as services
from tenants import districts
from tenants.permissions import public, requires
from tenants.token_pages import token_page

PERMISSION = "state.mailings.send"

MAILINGS = ListSpec(
    name="mailings",
    title=gettext_lazy("Mailings"),
    permission=PERMISSION,
    queryset=selectors.mailing_list,
    filterset=MailingFilter,
    columns=[
        Column("subject", gettext_lazy("E-mail subject"), order_by=True),
        Column("sent_at", gettext_lazy("Sent at"), order_by=True),
        Column("sent_by", gettext_lazy("Sent by"), lambda m: m.sent_by or m.created_by),
        Column("recipient_count", gettext_lazy("Recipients"), order_by=True),
        Column("excluded_count", gettext_lazy("Left out (unsubscribed)"), order_by=True),
        Column("delivery", gettext_lazy("Delivery"), selectors.delivery_state),
    ],
    default_order="-sent_at",
    detail_url=lambda m: reverse("state-mailing-detail", args=[m.pk]),
    create_url="state-mailing-create",
    create_permission=PERMISSION,
    export_permission=PERMISSION,
    plural=gettext_lazy("mailings"),
    noun=gettext_lazy("mailing"),
    extra_links=[
        (gettext_lazy("Address book"), reverse_lazy("state-address-book"), "state.addressbook.view")
    ],
)


class MailingListView(ObjectListView):
    """The sent log: each mailing with its date, sender, subject, recipients and the
    delivery state of its e-mails."""

    required_permission, spec = PERMISSION, MAILINGS


@requires(PERMISSION)
def mailing_create(request):
    """Write a draft; the next page lists its recipients for confirmation."""
    form = MailingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mailing = services.mailing_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Draft saved. Check the recipients before sending."))
            return redirect("state-mailing-detail", pk=mailing.pk)
    return render(
        request,
        "regional/mailings/form.html",
        {"form": form, "title": _("New mailing"), "cancel_url": reverse("state-mailing-list")},
        status=400 if request.method == "POST" else 200,
    )


def _mailing(pk: int) -> Mailing:
    try:
        return selectors.mailing_detail(pk)
    except Mailing.DoesNotExist as exc:
        raise Http404 from exc


@requires(PERMISSION)
def mailing_detail(request, pk: int):
    """A draft: its exact recipients (and those left out), confirmed and sent by POST.
    A sent mailing: its recipients with the delivery state of each e-mail."""
    mailing = _mailing(pk)
    context = {
        "mailing": mailing,
        "delivery": selectors.delivery_state(mailing),
        "mailing_groups": selectors.labels(Group, mailing.groups),
        "mailing_districts": [districts.label(key) for key in mailing.districts],
    }
    if mailing.status == MailingStatus.SENT:
        if request.method == "POST":
            messages.error(request, _("This mailing has already been sent."))
            return redirect("state-mailing-detail", pk=mailing.pk)
        recipients = selectors.mailing_recipients(mailing)
        context["recipients"] = [(r, selectors.recipient_state(r)) for r in recipients]
        return render(request, "regional/mailings/detail.html", context)
    preview = selectors.mailing_preview(mailing)
    form = ConfirmSendForm(request.POST or None, initial={"fingerprint": preview.fingerprint})
    if request.method == "POST" and form.is_valid():
        try:
            services.mailing_send(
                actor=request.user, mailing=mailing, fingerprint=form.cleaned_data["fingerprint"]
            )
        except ValidationError as error:
            # Nothing was sent: the sender confirms the list as it is now.
            messages.error(request, " ".join(error.messages))
            form = ConfirmSendForm(initial={"fingerprint": preview.fingerprint})
        else:
            messages.success(request, _("The mailing is being sent."))
            return redirect("state-mailing-detail", pk=mailing.pk)
    context.update(preview=preview, form=form)
    return render(
        request,
        "regional/mailings/detail.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


class MailingDeleteView(ObjectDeleteView):
    """Delete a draft, after asking (a sent mailing is refused by the service)."""

    required_permission, model, selector = PERMISSION, Mailing, selectors.mailing_detail
    list_url, detail_url = "state-mailing-list", "state-mailing-detail"
    service, instance_arg = services.mailing_delete, "mailing"
    title = gettext_lazy("Delete draft")
    question = gettext_lazy("Delete the draft “%(subject)s”? Nothing has been sent.")
    success_message = gettext_lazy("The draft has been deleted.")


mailing_delete = MailingDeleteView.as_view()


@public
@token_page
def unsubscribe(request, token: str):
    """The page behind the link in every mailing: the address it names asks to
    receive no more mailings (POST); again changes nothing. A link that was not signed
    here is refused with a message, and nothing is recorded."""
    email = services.unsubscribe_address(token)
    if email is None:
        context = {"invalid": True}
        return render(request, "regional/mailings/unsubscribe.html", context, status=400)
    done = selectors.is_unsubscribed(email)
    if request.method == "POST":
        services.mailing_unsubscribe(token=token)
        done = True
    return render(request, "regional/mailings/unsubscribe.html", {"email": email, "done": done})
