"""The public site's records in the API: awards and legal pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.records import RecordSerializer
from core.forms.publicsite import AwardForm, SiteIdentityForm
from core.models import LegalPage, SiteIdentity
from kernel.legal.models import LEGAL_TEXT_MAX_LENGTH, LegalKind


class AwardSerializer(RecordSerializer):
    class Meta:
        form = AwardForm
        help = {
            "title": _("Title of the award, e.g. Bündnis des Monats August 2025."),
            "awarded_by": _("Who gave the award."),
            "awarded_on": _("Date of the award."),
            "link": _("Web address about the award, if any."),
            "note": _("The coordinator's note (not public)."),
            "is_public": _("Whether the award is shown on the public page."),
        }


class LegalPageSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=LegalKind.choices, read_only=True, help_text=_("Which legal page.")
    )
    title = serializers.CharField(read_only=True, help_text=_("Title of the page."))
    text = serializers.CharField(
        allow_blank=True,
        max_length=LEGAL_TEXT_MAX_LENGTH,
        help_text=_("Text with limited markdown; empty shows the default text."),
    )
    is_default = serializers.BooleanField(
        read_only=True, help_text=_("Whether the page shows the default text.")
    )

    class Meta:
        # Not a ModelSerializer (a page may be its default text, with no row): the model
        # it writes, for those who ask a serializer which records it changes.
        model = LegalPage


class SiteIdentitySerializer(RecordSerializer):
    has_logo = serializers.SerializerMethodField(
        help_text=_("Whether a logo is uploaded (shown at /site/logo/; uploaded in the workspace).")
    )

    class Meta:
        model = SiteIdentity
        fields = [*SiteIdentityForm.Meta.fields, "has_logo"]  # no id: the one record
        help = {
            "id": None,
            "created_at": None,
            "updated_at": None,
            "primary_colour": _("Main colour of the public site, as #rrggbb."),
            "accent_colour": _("Accent colour of the public site, as #rrggbb."),
            "description": _("Short description shown under the alliance's name."),
            "street": _("Street and number of the alliance's address."),
            "postcode": _("Postcode."),
            "town": _("Town."),
            "contact_name": _("Contact person named on the public site."),
            "contact_email": _("Public e-mail address."),
            "contact_phone": _("Public phone number."),
        }

    def get_has_logo(self, identity) -> bool:
        return bool(identity.logo)
