"""The state office's address book and mailings in the API: the same selectors,
FilterSets, services and permissions as the pages."""

from __future__ import annotations

from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.filtering import FilterBackend
from api.serializers.addressbook import (
    ContactSerializer,
    MailingRecipientsSerializer,
    MailingSendSerializer,
    MailingSerializer,
)
from api.views.base import Pagination
from api.viewsets import ServiceViewSetMixin
from regional.filters.addressbook import AddressBookFilter
from regional.filters.mailings import MailingFilter
from regional.models import MailingStatus
from regional.selectors import mailings as mailing_selectors
from regional.selectors.addressbook import Rows, address_rows
from regional.services import mailings as mailing_services


class AddressBookViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Everyone the platform knows in the alliances (not dissolved): the people with an
    account as local coordinator, board member or partner contact, and each alliance's
    public contact. ``?alliance=``, ``?district=``, ``?group=`` filter, ``?q=`` searches."""

    serializer_class = ContactSerializer
    filter_backends = [FilterBackend]
    filterset_class = AddressBookFilter
    pagination_class = Pagination
    required_permissions = {"*": "state.addressbook.view"}
    required_permission = "state.addressbook.view"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Rows([])
        return address_rows()


class MailingViewSet(
    ServiceViewSetMixin,  # first: its perform_* call the services
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Mailings to groups of the address book. ``POST`` writes a draft; ``GET
    .../recipients/`` lists who it goes to (and its ``fingerprint``); ``POST .../send/``
    with ``confirm`` and that fingerprint sends it, once. ``DELETE`` deletes a draft."""

    serializer_class = MailingSerializer
    filterset_class = MailingFilter
    ordering_fields = ["subject", "sent_at", "created_at", "recipient_count"]
    ordering = ["-created_at"]
    required_permissions = {"*": "state.mailings.send"}
    selector = mailing_selectors.mailing_list
    create_service = staticmethod(mailing_services.mailing_create)
    delete_service = staticmethod(mailing_services.mailing_delete)
    instance_arg = "mailing"
    fresh_after_write = True

    @extend_schema(request=None, responses=MailingRecipientsSerializer)
    @action(detail=True, methods=["get"], serializer_class=MailingRecipientsSerializer)
    def recipients(self, request, pk=None):
        """A draft: who it goes to now, who is left out (unsubscribed), and the list's
        fingerprint. A sent mailing: who it went to, each with the delivery state."""
        mailing = self.get_object()
        answer = {"recipients": [], "excluded": [], "fingerprint": "", "sent": []}
        if mailing.status == MailingStatus.SENT:
            with translation.override("de"):
                answer["sent"] = [
                    {
                        "email": r.email, "name": r.name, "alliances": r.alliances,
                        "excluded": r.excluded, "state": mailing_selectors.recipient_state(r),
                    }
                    for r in mailing_selectors.mailing_recipients(mailing)
                ]  # fmt: skip
        else:
            preview = mailing_selectors.mailing_preview(mailing)
            answer.update(
                recipients=preview.recipients,
                excluded=preview.excluded,
                fingerprint=preview.fingerprint,
            )
        return Response(MailingRecipientsSerializer(answer).data)

    @extend_schema(request=MailingSendSerializer, responses=MailingSerializer)
    @action(detail=True, methods=["post"], serializer_class=MailingSendSerializer)
    def send(self, request, pk=None):
        """Send the draft to the checked recipients (``confirm``: true, ``fingerprint``
        from the recipients action); a sent mailing is refused."""
        return self.record_step(
            request, mailing_services.mailing_send, MailingSendSerializer, "fingerprint"
        )
