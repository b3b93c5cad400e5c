"""Which alliances need the state office's attention, and why.

An alliance (not dissolved) is flagged for

- ``stale_figures``: its latest snapshot's figures equal those of a snapshot at least
  365 days older, with no different snapshot in between (the snapshots are the evidence:
  an alliance without two such snapshots is not flagged);
- ``no_login``: none of its local coordinators logged in during the last 90 days (never
  logged in, or no coordinator at all, counts too);
- ``missed_meetings``: it attended neither of the last two regional meetings it was
  invited to (meetings that took place, not cancelled; "attended" as
  ``regional.selectors.alliances.attended`` decides).

Four queries, whatever the number of alliances, snapshots or meetings.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Max, QuerySet, TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regional.models import Invitation
from regional.selectors.alliances import attended, counted_meetings, snapshot_rows
from regional.selectors.statistics import KEYED_FIELDS, SUMMED_FIELDS
from tenants.models import Alliance, AllianceStatus, Membership
from tenants.roles import Role

STALE_AFTER = datetime.timedelta(days=365)
NO_LOGIN_AFTER = datetime.timedelta(days=90)
MISSED_IN_A_ROW = 2


class Reason(TextChoices):
    STALE_FIGURES = "stale_figures", _("Figures unchanged for a year")
    NO_LOGIN = "no_login", _("No coordinator login for 90 days")
    MISSED_MEETINGS = "missed_meetings", _("Missed the last two regional meetings")


@dataclass
class Flags:
    """One alliance's reasons and the facts behind them."""

    alliance_id: int
    reasons: list[str] = field(default_factory=list)
    unchanged_since: datetime.date | None = None  # the figures are the same since then
    last_login: datetime.datetime | None = None  # of any of its coordinators
    coordinator_emails: list[str] = field(default_factory=list)
    missed: list[datetime.date] = field(default_factory=list)  # dates of the missed meetings

    @property
    def reason_labels(self) -> list[str]:
        return [str(Reason(code).label) for code in self.reasons]


# Per alliance: its latest snapshot's date and the first date since which every snapshot
# has had the same figures as the latest (the day after the last different one).
_UNCHANGED_SINCE = """
WITH s AS (
    SELECT s.alliance_id, s.taken_on, jsonb_build_array({figures}) AS figures
    FROM {snapshot} s JOIN {alliance} a ON a.id = s.alliance_id
    WHERE a.status <> %(dissolved)s
),
latest AS (
    SELECT DISTINCT ON (alliance_id) alliance_id, taken_on, figures
    FROM s ORDER BY alliance_id, taken_on DESC
),
changed AS (
    SELECT l.alliance_id, max(s.taken_on) AS last_different
    FROM latest l JOIN s ON s.alliance_id = l.alliance_id
    WHERE s.figures IS DISTINCT FROM l.figures
    GROUP BY l.alliance_id
)
SELECT l.alliance_id, l.taken_on, min(s.taken_on)
FROM latest l
LEFT JOIN changed c ON c.alliance_id = l.alliance_id
JOIN s ON s.alliance_id = l.alliance_id
     AND (c.last_different IS NULL OR s.taken_on > c.last_different)
GROUP BY l.alliance_id, l.taken_on
"""


def _unchanged_since() -> dict[int, tuple[datetime.date, datetime.date]]:
    """alliance id -> (latest snapshot's date, figures the same since)."""
    quote = connection.ops.quote_name
    figures = ", ".join(f"s.{quote(name)}" for name in (*SUMMED_FIELDS, *KEYED_FIELDS))
    rows = snapshot_rows(_UNCHANGED_SINCE, {"dissolved": AllianceStatus.DISSOLVED}, figures=figures)
    return {pk: (latest, since) for pk, latest, since in rows}


def _coordinators() -> dict[int, list[tuple[str, datetime.datetime | None]]]:
    """alliance id -> (e-mail, last login) of each active local coordinator."""
    found: dict[int, list] = defaultdict(list)
    rows = (
        Membership.objects.filter(role=Role.LOCAL_COORDINATOR, user__is_active=True)
        .exclude(alliance__status=AllianceStatus.DISSOLVED)
        .order_by("alliance_id", "user__email")
        .values_list("alliance_id", "user__email", "user__last_login")
    )
    for alliance_id, email, last_login in rows:
        found[alliance_id].append((email, last_login))
    return found


def _missed_meetings(today: datetime.date) -> dict[int, list[datetime.date]]:
    """alliance id -> dates of the last two meetings it was invited to, if it attended
    neither (only alliances invited to at least two meetings that took place)."""
    rows = (
        Invitation.objects.filter(alliance__isnull=False)
        .exclude(alliance__status=AllianceStatus.DISSOLVED)
        .filter(counted_meetings(today, "meeting__"))
        .values("alliance_id", "meeting_id")
        .annotate(day=Max("meeting__date"), came=Count("pk", filter=attended()))
        .order_by("alliance_id", "-day", "-meeting_id")
    )
    last: dict[int, list[tuple[datetime.date, int]]] = defaultdict(list)
    for row in rows:
        meetings = last[row["alliance_id"]]
        if len(meetings) < MISSED_IN_A_ROW:
            meetings.append((row["day"], row["came"]))
    return {
        alliance_id: [day for day, _came in meetings]
        for alliance_id, meetings in last.items()
        if len(meetings) == MISSED_IN_A_ROW and not any(came for _day, came in meetings)
    }


def monitoring_flags(now: datetime.datetime | None = None) -> dict[int, Flags]:
    """Every flagged alliance (not dissolved) by id, with its reasons in ``Reason``'s
    order; alliances without a reason are left out."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    alliance_ids = Alliance.objects.exclude(status=AllianceStatus.DISSOLVED).values_list(
        "pk", flat=True
    )
    unchanged = _unchanged_since()
    coordinators = _coordinators()
    missed = _missed_meetings(today)
    flagged: dict[int, Flags] = {}
    for pk in alliance_ids:
        flags = Flags(pk)
        latest, since = unchanged.get(pk, (None, None))
        if latest is not None and latest - since >= STALE_AFTER:
            flags.reasons.append(Reason.STALE_FIGURES)
            flags.unchanged_since = since
        people = coordinators.get(pk, [])
        flags.coordinator_emails = [email for email, _login in people]
        logins = [login for _email, login in people if login is not None]
        flags.last_login = max(logins, default=None)
        if flags.last_login is None or now - flags.last_login >= NO_LOGIN_AFTER:
            flags.reasons.append(Reason.NO_LOGIN)
        if pk in missed:
            flags.reasons.append(Reason.MISSED_MEETINGS)
            flags.missed = missed[pk]
        if flags.reasons:
            flagged[pk] = flags
    return flagged


def flagged_alliances(flags: dict[int, Flags]) -> QuerySet[Alliance]:
    """The alliances of ``flags``, by name (for the list and its exports)."""
    return Alliance.objects.filter(pk__in=list(flags)).order_by("name", "pk")
