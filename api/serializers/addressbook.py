"""The address book and the mailings of the state office in the API (the state
coordination office only: personal data)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.base import ModelSerializer
from api.serializers.fields import DistrictField, district_name
from regional.models import Mailing
from regional.selectors.addressbook import Group
from regional.selectors.mailings import delivery_state
from tenants.models import Alliance, AllianceStatus


class ContactSerializer(serializers.Serializer):
    """One row of the address book: a person of one alliance."""

    name = serializers.CharField(help_text=_("Name of the person."))
    email = serializers.EmailField(help_text=_("E-mail address."))
    phone = serializers.CharField(help_text=_("Phone number, where the public site shows one."))
    groups = serializers.ListField(
        child=serializers.ChoiceField(choices=Group.choices),
        help_text=_("The person's groups: roles of their account, public contact."),
    )
    alliance = serializers.IntegerField(
        source="alliance_id", help_text=_("Identifier of the alliance.")
    )
    alliance_name = serializers.CharField(help_text=_("Name of the alliance."))
    district = serializers.CharField(
        help_text=_("Official key (AGS, five digits) of the alliance's district.")
    )
    district_name = district_name("district_label")


class MailingSerializer(ModelSerializer):
    """A mailing: a draft (``status`` "draft") or sent, with its counts from the outbox."""

    groups = serializers.ListField(
        child=serializers.ChoiceField(choices=Group.choices), allow_empty=False
    )
    districts = serializers.ListField(child=DistrictField(), required=False)
    alliances = serializers.PrimaryKeyRelatedField(
        many=True,
        required=False,
        queryset=Alliance.objects.exclude(status=AllianceStatus.DISSOLVED),
    )
    created_by = serializers.StringRelatedField(read_only=True)
    sent_by = serializers.StringRelatedField(read_only=True)
    recipient_count = serializers.IntegerField(read_only=True, default=0)
    excluded_count = serializers.IntegerField(read_only=True, default=0)
    delivered_count = serializers.IntegerField(read_only=True, default=0)
    pending_count = serializers.IntegerField(read_only=True, default=0)
    failed_count = serializers.IntegerField(read_only=True, default=0)
    delivery = serializers.SerializerMethodField(help_text=_("The delivery state in German."))

    class Meta:
        model = Mailing
        fields = [
            "id", "subject", "body", "groups", "districts", "alliances", "status",
            "created_by", "created_at", "sent_by", "sent_at", "recipient_count",
            "excluded_count", "delivered_count", "pending_count", "failed_count", "delivery",
        ]  # fmt: skip
        read_only_fields = ["status", "created_at", "sent_at"]

    def get_delivery(self, mailing) -> str:
        from django.utils import translation

        with translation.override("de"):
            return delivery_state(mailing)


class RecipientSerializer(serializers.Serializer):
    email = serializers.EmailField()
    name = serializers.CharField()
    alliances = serializers.ListField(child=serializers.CharField())
    groups = serializers.ListField(child=serializers.ChoiceField(choices=Group.choices))


class SentRecipientSerializer(serializers.Serializer):
    email = serializers.EmailField()
    name = serializers.CharField()
    alliances = serializers.CharField()
    excluded = serializers.BooleanField()
    state = serializers.CharField(help_text=_("The delivery state in German."))


class MailingRecipientsSerializer(serializers.Serializer):
    """A draft: who it goes to now (``recipients``, ``excluded``) and the list's
    ``fingerprint`` (the send needs it). A sent mailing: who it went to (``sent``)."""

    recipients = RecipientSerializer(many=True)
    excluded = RecipientSerializer(many=True, help_text=_("Left out: they unsubscribed."))
    fingerprint = serializers.CharField(allow_blank=True)
    sent = SentRecipientSerializer(many=True)


class MailingSendSerializer(serializers.Serializer):
    confirm = serializers.BooleanField(
        help_text=_("Must be true: the recipients were checked (see the recipients action).")
    )
    fingerprint = serializers.CharField(
        max_length=64, help_text=_("The fingerprint of the checked list of recipients.")
    )

    def validate_confirm(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError(_("Confirm the recipients before sending."))
        return value
