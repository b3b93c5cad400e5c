"""Serializers of the states and their coordination offices."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import OptionalURLField
from api.serializers.records import RecordSerializer
from regional.forms.state import StateOfficeForm


class StateSerializer(RecordSerializer):
    """A state with its coordination office (the office's fields are written) and the
    number of its alliances."""

    website = OptionalURLField(help_text=_("Website of the coordination office."))
    logo_url = serializers.SerializerMethodField(
        help_text=_("Where the office's logo or coat of arms is shown (uploaded on its page).")
    )

    class Meta:
        form = StateOfficeForm
        help = {
            "office_name": _("Name of the coordination office; empty: the default name."),
            "host_organisation": _("Organisation that hosts the coordination office."),
            "address": _("Postal address, one line each."),
            "contact_name": _("Contact person of the office."),
            "email": _("E-mail address of the office."),
            "phone": _("Phone number of the office."),
            "ministry": _("The ministry the office reports to."),
            "key": _("Official key of the state (two digits, 16 for Thuringia)."),
            "name": _("Name of the state."),
            "office_title": _("The office's name as letters and legal pages show it."),
            "alliance_count": _("Alliances of the state that are not dissolved."),
            "logo_url": None,
        }

    def get_logo_url(self, state) -> str | None:
        return reverse("state-logo", args=[state.key]) if state.logo else None
