from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.base import ModelSerializer
from api.serializers.fields import NameRelatedField, OptionalURLField
from core.models import Measure, Partner


class PartnerSerializer(ModelSerializer):
    website = OptionalURLField(help_text=_("The partner's website."))
    measures = NameRelatedField(
        slug_field="name",
        many=True,
        annotated="measure_names",
        queryset=Measure.objects.all(),
        required=False,
        help_text=_("Names of family-friendly measures from the alliance's catalogue."),
    )
    # Every answer carries it, also a write's, whose instance comes from the service
    # without the list selector's annotation.
    contact_count = serializers.SerializerMethodField(help_text=_("Contact persons."))
    # Counted from the care guide records (/api/v1/care-guides/). A higher number records
    # guides still to be named; a lower one is refused (mark the guides who stopped).
    care_guides_count = serializers.IntegerField(
        min_value=0,
        max_value=2147483647,
        required=False,
        label=_("Trained company care guides"),
        help_text=_(
            "Active care guides, counted from the care guide records. A higher number "
            "records guides still to be named; a lower one is refused."
        ),
    )

    class Meta:
        model = Partner
        fields = [
            "id", "name", "kind", "size_class", "street", "postcode", "city", "website",
            "joined_on", "left_on", "status", "public_listing_consent", "measures",
            "care_guides_count", "description", "contact_count", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "created_at", "updated_at", "contact_count"]

    def get_contact_count(self, partner: Partner) -> int:
        annotated = getattr(partner, "contact_count", None)
        return annotated if annotated is not None else partner.contacts.count()


class PublicPartnerSerializer(ModelSerializer):
    """What anyone may read: partners that agreed to be listed, without any person."""

    website = OptionalURLField(read_only=True, help_text=_("The partner's website."))

    class Meta:
        model = Partner
        fields = ["id", "name", "kind", "city", "website"]
        read_only_fields = fields
