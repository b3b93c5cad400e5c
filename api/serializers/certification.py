"""Certification programmes and their criterion groups in the API."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from api.serializers.records import RecordSerializer
from core.forms.certification import CriterionGroupForm, ProgrammeForm


class CertificationProgrammeSerializer(RecordSerializer):
    class Meta:
        form = ProgrammeForm
        help = {
            "name": _("Name of the programme."),
            "kind": _("Kind of certification."),
            "description": _("What the programme certifies."),
            "validity_years": _("How many years a certificate is valid."),
            "renewal_rules": _("How a certificate is renewed."),
            "pass_threshold": _("Review score in percent an employer must reach."),
            "is_active": _("Whether new applications can be recorded."),
            "is_default": _("Whether applications without a programme belong to it."),
            "template_key": _("The state template it was adopted from."),
            "criterion_count": _("Criteria in use."),
            "valid_count": _("Certificates valid today."),
        }


class CriterionGroupSerializer(RecordSerializer):
    class Meta:
        form = CriterionGroupForm
        help = {
            "programme": _("Identifier of the certification programme."),
            "name": _("Name of the group."),
            "description": _("What the group covers."),
            "position": _("Order within the programme."),
            "weight": _("How much the group counts in the score (1 to 10)."),
            "template_key": _("The state template it was adopted from."),
            "programme_name": _("Name of the programme."),
            "criterion_count": _("Criteria."),
        }
