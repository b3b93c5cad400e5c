"""Reads of the personal calendar feeds: the feed behind a token, and which regional
meetings its owner may see (decided by the permission layer's rules, asked anew at
every poll, so a removed role empties the feed at once)."""

from __future__ import annotations

from django.db.models import QuerySet

from regional.models import CalendarFeed, Invitation, RegionalMeeting
from regional.selectors.meetings import meeting_list_with_agenda
from tenants.permissions import RULES, access_of

__all__ = ["feed_by_token", "feed_meetings", "feed_of"]

STATE_CODE = "state.meetings.manage"
ALLIANCE_CODE = "alliance.regional.view"


def feed_by_token(token: str) -> CalendarFeed:
    """The feed behind a calendar address, with its person; DoesNotExist if unknown."""
    return CalendarFeed.objects.select_related("user").get(token=token)


def feed_of(user) -> CalendarFeed | None:
    """The person's own feed, if they created one."""
    return CalendarFeed.objects.filter(user=user).first()


def feed_meetings(user) -> QuerySet[RegionalMeeting]:
    """The regional meetings ``user`` may see, each with its agenda, by date: all of its
    state's for a state coordination office; for everyone else those to which an
    alliance is invited in which they hold a role that may see its regional meetings.
    (Asked with a feed token, outside any state scope: the state is the office's own.)"""
    from tenants.public import StateArea
    from tenants.selectors import memberships_of

    meetings = meeting_list_with_agenda().order_by("date", "start_time", "pk")
    if not user.is_active:
        return meetings.none()
    office = access_of(user, StateArea())
    if office.holds(STATE_CODE):
        return meetings.in_state(office.state_key)
    roles = RULES[ALLIANCE_CODE].roles
    alliance_ids = {
        m.alliance_id for m in memberships_of(user) if m.alliance_id and m.role in roles
    }
    invited = Invitation.objects.filter(alliance_id__in=alliance_ids).values("meeting")
    return meetings.filter(pk__in=invited)
