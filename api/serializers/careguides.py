"""Serializers of care guides and cooperation agreements."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import related_text
from api.serializers.records import RecordSerializer
from core.forms.careguides import AgreementForm, CareGuideForm
from core.models import AgreementStatus, CooperationAgreement
from core.models.agreements import STORED_STATUSES


class CareGuideSerializer(RecordSerializer):
    class Meta:
        form = CareGuideForm
        help = {
            "partner": _("The partner organisation the care guide works for."),
            "name": _("Name of the care guide."),
            "email": _("E-mail address."),
            "phone": _("Phone number."),
            "training_course": _("The training course attended."),
            "trained_on": _("Day of the training."),
            "refresher_due": _("When a refresher is due (default: two years after training)."),
            "is_active": _("Whether the person still works as a care guide at the partner."),
            "taken_over": _("Recorded from the former number of care guides, still to be named."),
            "anonymised_at": _("When the personal data were anonymised, if ever."),
            "partner_name": _("Name of the partner."),
        }


class AgreementSerializer(RecordSerializer):
    status = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in STORED_STATUSES],
        required=False,
        help_text=_("Draft, signed or terminated (expired follows from the end date)."),
    )
    current_status = serializers.ChoiceField(
        choices=AgreementStatus.choices,
        read_only=True,
        help_text=_("The status as shown: a signed agreement past its end has expired."),
    )
    partner_name = related_text("partner.name", _("Name of the partner."))
    has_document = serializers.SerializerMethodField(
        help_text=_("Whether the signed document (PDF) has been uploaded.")
    )

    class Meta:
        form, page_only = AgreementForm, ["document"]  # the PDF: uploaded on its page
        help = {
            "partner": _("Identifier of the partner, if the other party is one."),
            "organisation": _("Name of the other party (default: the partner's name)."),
            "subject": _("Subject of the agreement."),
            "description": _("Description."),
            "signed_on": _("Day the agreement was signed."),
            "signed_by_alliance": _("Who signed for the alliance."),
            "signed_by_other": _("Who signed for the other party."),
            "valid_from": _("First day in force."),
            "valid_until": _("Last day in force (empty: without a fixed end)."),
            "renewal": _("How the agreement is renewed."),
            "notice_weeks": _("Notice period in weeks."),
            "is_public": _("Whether the agreement is shown on the public page."),
            "reminder_sent_on": _("When the coordinators were reminded of the end."),
        }

    def get_has_document(self, agreement: CooperationAgreement) -> bool:
        return bool(agreement.document)
