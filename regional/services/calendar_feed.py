"""A person's calendar feed of the regional meetings: created on demand, renewed with a
new secret token (the old address answers 404 from then on)."""

from __future__ import annotations

from django.db import transaction

from kernel.audit.services import audit_log
from regional.models import CalendarFeed
from regional.models.attendance import feed_token

__all__ = ["calendar_feed_renew"]


@transaction.atomic
def calendar_feed_renew(*, actor, user) -> CalendarFeed:
    """Give ``user`` a calendar feed, or a new token for the one they have (which makes
    the old address useless). The token is a credential: it is not audited."""
    feed = CalendarFeed.objects.select_for_update().filter(user=user).first()
    if feed is None:
        feed = CalendarFeed(user=user)
        feed.full_clean()
        feed.save()
        action = "regional.calendarfeed.created"
    else:
        feed.token = feed_token()
        feed.save(update_fields=["token", "updated_at"])
        action = "regional.calendarfeed.renewed"
    audit_log(actor=actor, action=action, target=feed, changes={"user": str(user)})
    return feed
