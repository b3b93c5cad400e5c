"""Reads of the state's workshops at regional meetings."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from kernel.workshops.selectors import with_counts
from regional.models import RegionalWorkshop
from regional.selectors.meetings import invitation_by_token


def workshop_list() -> QuerySet[RegionalWorkshop]:
    return with_counts(RegionalWorkshop.objects.select_related("meeting"))


def workshop_detail(pk: int) -> RegionalWorkshop:
    return workshop_list().get(pk=pk)


def invited_workshop(token: str):
    """The workshop an invitation's link leads to (from today on), with the invitee;
    DoesNotExist for an unknown link or a meeting without a workshop."""
    invitation = invitation_by_token(token)
    workshop = RegionalWorkshop.objects.select_related("meeting").get(
        meeting=invitation.meeting_id, meeting__date__gte=timezone.localdate()
    )
    return workshop, invitation
