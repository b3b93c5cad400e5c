"""The personal calendar feed of regional meetings: the page with one's own calendar
address (state host and every alliance host) and the feed itself, served without a
login by its secret token (state host, /meetings/feed/<token>.ics)."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from regional.ics import meetings_feed
from regional.models import CalendarFeed
from regional.selectors.calendar_feed import feed_by_token, feed_meetings, feed_of
from regional.services.calendar_feed import calendar_feed_renew
from tenants.permissions import public, requires
from tenants.throttling import hit
from tenants.token_pages import token_headers, token_page


def feed_url(feed: CalendarFeed) -> str:
    """The feed's address, on the state area's configured site address."""
    from tenants.links import state_url

    path = reverse(
        "regional-calendar-feed", urlconf=settings.PUBLIC_SCHEMA_URLCONF, args=[feed.token]
    )
    return state_url(path)


def _feed_page(request, *, back_url: str):
    """GET: the person's calendar address (if any) to copy; POST: create or renew it."""
    if request.method == "POST":
        had_one = feed_of(request.user) is not None
        calendar_feed_renew(actor=request.user, user=request.user)
        messages.success(
            request,
            _("Your calendar address has been renewed; the old one no longer works.")
            if had_one
            else _("Your calendar address has been created."),
        )
        return redirect(request.path)
    feed = feed_of(request.user)
    response = render(
        request,
        "regional/meetings/calendar_feed.html",
        {
            "feed_address": feed_url(feed) if feed else "",
            "renew_url": request.path,  # the page renews by posting to itself
            "back_url": back_url,
        },
    )
    return token_headers(response)  # the page shows a credential


@requires("state.meetings.manage")
def state_feed_page(request):
    return _feed_page(request, back_url=reverse("regional-meeting-list"))


@requires("alliance.regional.view")
def alliance_feed_page(request):
    return _feed_page(request, back_url=reverse("regional-invited-list"))


@public
@token_page
def feed_view(request, token: str):
    """The feed: every regional meeting its person may see now, as iCalendar. An unknown
    or renewed token answers 404; polls are limited per client."""
    verdict = hit(
        "calendar-feed-client",
        get_client_ip_address(request) or "unknown",
        settings.CALENDAR_FEED_RATE_PER_CLIENT,
    )
    if not verdict.allowed:
        response = HttpResponse(
            _("Too many requests").encode("utf-8"),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(verdict.retry_after)
        return response
    try:
        feed = feed_by_token(token)
    except CalendarFeed.DoesNotExist as exc:
        raise Http404 from exc
    if not feed.user.is_active:
        raise Http404
    body = meetings_feed(feed_meetings(feed.user))
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="regionaltreffen.ics"'
    return response
