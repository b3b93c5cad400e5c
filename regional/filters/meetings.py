"""FilterSets of the regional meetings (upcoming ones and the archive) and their invitations."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.crud.filters import SearchFilterSet, YearFilter
from regional.models import Invitation, RegionalMeeting
from tenants.models import Alliance


class RegionalMeetingFilter(SearchFilterSet):
    search_fields = ("title", "place", "moderation", "description", "host_alliance__name")
    year = YearFilter("date", min_value=2000)
    host_alliance = django_filters.ModelChoiceFilter(
        label=_("Host alliance"), queryset=Alliance.objects.order_by(by_name())
    )

    class Meta:
        model = RegionalMeeting
        fields = ["q", "kind", "year", "host_alliance", "status"]  # kind, status: from the model


class InvitationFilter(django_filters.FilterSet):
    meeting = django_filters.NumberFilter(help_text=_("Only the invitations of this meeting."))
    response = django_filters.CharFilter(help_text=_("attending, declined or pending"))

    class Meta:
        model = Invitation
        fields = ["meeting", "response"]
