"""Serializers of the fundraising circle: members and donors, actions, grants, receipts."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from api.serializers.records import RecordSerializer
from core.forms.fundraising import FundraisingActionForm, ProjectGrantForm, SupporterForm
from core.models import DonationReceipt


class SupporterSerializer(RecordSerializer):
    class Meta:
        form = SupporterForm
        help = {
            "kind": _("Person or organisation."),
            "name": _("Name of the member or donor."),
            "partner": _("Identifier of the partner, if the supporter is one."),
            "street": _("Street and number (needed for a donation receipt)."),
            "postcode": _("Postcode (needed for a donation receipt)."),
            "city": _("City (needed for a donation receipt)."),
            "email": _("E-mail address."),
            "joined_on": _("Date of joining the circle; empty for a donor who is no member."),
            "left_on": _("Date of leaving the circle."),
            "yearly_fee": _("Yearly membership fee in euros."),
            "notes": _("Notes."),
            "anonymised_at": _("When the personal data was removed, if it was."),
        }


class FundraisingActionSerializer(RecordSerializer):
    class Meta:
        form = FundraisingActionForm
        help = {
            "title": _("Title of the action, e.g. the family hiking day."),
            "date": _("Date of the action."),
            "income": _("Income in euros."),
            "costs": _("Costs in euros."),
            "description": _("Description."),
        }


class ProjectGrantSerializer(RecordSerializer):
    class Meta:
        form = ProjectGrantForm
        help = {
            "project": _("Identifier of the project the grant is for."),
            "amount": _("Amount in euros (greater than zero)."),
            "purpose": _("What the money is for."),
            "decided_on": _("Date the grant was decided."),
            "status": _("Decided, paid out, proof of use received or withdrawn."),
            "proof_received_on": _("Date the proof of use was received."),
            "project_title": _("Title of the project, if any."),
        }


class DonationReceiptSerializer(RecordSerializer):
    class Meta:
        model = DonationReceipt
        help = {
            "number": _("Number of the receipt."),
            "issued_on": _("Date the receipt was issued."),
            "supporter": _("Identifier of the member or donor."),
            "total": _("Total confirmed, in euros."),
            "entries": _("Identifiers of the funding entries the receipt confirms."),
            "is_collective": _("Whether it is a collective receipt for a year."),
            "times_printed": _("How often it was printed (after the first: copies)."),
            "supporter_name": _("Name of the member or donor."),
        }
