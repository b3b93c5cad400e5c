"""Reads of one alliance for the state office's page about it: its figures over the
years and the state's median, the regional meetings it was invited to and attended, the
setup it came from, and whom to contact.

Every read costs a fixed number of queries, whatever the number of snapshots, meetings
or alliances. Whether an alliance attended a meeting is decided in one place
(:func:`attended`), which the monitoring list (``regional.selectors.monitoring``) shares.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django_tenants.utils import schema_context, schema_exists

from core.selectors.publicsite import site_identity
from regional.models import (
    AllianceSetup,
    AllianceSnapshot,
    RegionalMeeting,
    RegionalMeetingStatus,
    Response,
    SetupTask,
)
from regional.selectors.statistics import SUMMED_FIELDS
from tenants.models import Alliance, AllianceStatus, Membership
from tenants.roles import Role
from tenants.scope import scoped_table

# The roles listed as an alliance's contact persons, in this order.
CONTACT_ROLES = (Role.LOCAL_COORDINATOR, Role.BOARD_MEMBER)


def alliance_detail(pk: int) -> Alliance:
    """One alliance (dissolved ones too: their history stays); DoesNotExist if unknown."""
    return Alliance.objects.get(pk=pk)


# ---------------------------------------------------------------- figures


def yearly_snapshots(alliance: Alliance) -> list[AllianceSnapshot]:
    """The alliance's last snapshot of each calendar year, oldest first (one query)."""
    rows = (
        AllianceSnapshot.objects.filter(alliance=alliance)
        .annotate(calendar_year=ExtractYear("taken_on"))
        .order_by("calendar_year", "-taken_on")
        .distinct("calendar_year")
    )
    return list(rows)


@dataclass(frozen=True)
class StateMedian:
    """The median of each summed figure over the active alliances' latest snapshots."""

    alliances: int
    values: dict[str, float]


# Each active alliance's latest snapshot, then the median of every figure over them.
_MEDIAN = """
SELECT count(*), {medians}
FROM (
    SELECT DISTINCT ON (s.alliance_id) s.*
    FROM {snapshot} s JOIN {alliance} a ON a.id = s.alliance_id
    WHERE a.status = %(active)s
    ORDER BY s.alliance_id, s.taken_on DESC
) AS latest
"""


def snapshot_rows(sql: str, params: dict, **parts: str) -> list[tuple]:
    """The rows of ``sql``, raw SQL over the snapshots and their alliances (what the ORM
    does not say in one query): its ``{snapshot}`` and ``{alliance}`` are those tables'
    quoted names, ``parts`` fill in the rest (lists of columns)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            sql.format(
                snapshot=quote(AllianceSnapshot._meta.db_table),
                alliance=scoped_table(Alliance),  # a state office's own alliances only
                **parts,
            ),
            params,
        )
        return cursor.fetchall()


def state_median() -> StateMedian:
    """The state's median of the summed figures: over every active alliance's latest
    snapshot, computed by PostgreSQL in one query (0 for a figure when there is none)."""
    quote = connection.ops.quote_name
    medians = ", ".join(
        f"percentile_cont(0.5) WITHIN GROUP (ORDER BY latest.{quote(name)})"
        for name in SUMMED_FIELDS
    )
    [(count, *values)] = snapshot_rows(_MEDIAN, {"active": AllianceStatus.ACTIVE}, medians=medians)
    return StateMedian(
        alliances=count,
        values={name: (value or 0) for name, value in zip(SUMMED_FIELDS, values, strict=True)},
    )


# ---------------------------------------------------------------- regional meetings


def attended(prefix: str = "") -> Q:
    """The invitations that count as "attended": the one place that decides it.

    Attendance recorded at the meeting (``Invitation.attended``) decides; where none was
    recorded, the reply "attending" stands in for it. ``prefix`` reaches the invitation
    from another model ("invitations__" from a meeting). People who came without an
    invitation (``WalkIn``) show on the meeting and in ``attendance_of_alliance``.
    """
    recorded = Q(**{f"{prefix}attended": True})
    replied = Q(**{f"{prefix}attended__isnull": True, f"{prefix}response": Response.ATTENDING})
    return recorded | replied


def counted_meetings(today: datetime.date, prefix: str = "") -> Q:
    """Meetings that have taken place (before ``today``) and were not cancelled;
    ``prefix`` reaches the meeting from another model ("meeting__")."""
    return Q(**{f"{prefix}date__lt": today}) & ~Q(
        **{f"{prefix}status": RegionalMeetingStatus.CANCELLED}
    )


def meetings_of_alliance(alliance: Alliance) -> QuerySet[RegionalMeeting]:
    """The meetings ``alliance`` was invited to, newest first, each with
    ``invited_count`` (its invitations there) and ``attended_count`` (those attended)."""
    own = Q(invitations__alliance=alliance)
    return (
        RegionalMeeting.objects.filter(invitations__alliance=alliance)
        .annotate(
            invited_count=Count("invitations", filter=own),
            attended_count=Count("invitations", filter=own & attended("invitations__")),
        )
        .order_by("-date", "-start_time", "pk")
    )


# ---------------------------------------------------------------- setup and contacts


def setup_of_alliance(alliance: Alliance) -> AllianceSetup | None:
    """The new-alliance setup the alliance came from, with its checklist, if any."""
    tasks = Prefetch("tasks", queryset=SetupTask.objects.order_by("position", "due_on", "pk"))
    return (
        AllianceSetup.objects.filter(alliance=alliance)
        .select_related("mentor")
        .prefetch_related(tasks)
        .first()
    )


def contact_persons(alliance: Alliance) -> list[Membership]:
    """The alliance's active coordinators and board members with their accounts:
    coordinators first, then by name."""
    memberships = Membership.objects.filter(
        alliance=alliance, role__in=CONTACT_ROLES, user__is_active=True
    ).select_related("user")
    order = {role.value: index for index, role in enumerate(CONTACT_ROLES)}
    return sorted(
        memberships,
        key=lambda m: (order[m.role], (m.user.full_name or m.user.email).lower(), m.pk),
    )


@dataclass(frozen=True)
class PublicContact:
    name: str
    email: str
    phone: str

    def __bool__(self) -> bool:
        return bool(self.name or self.email or self.phone)


def public_contact(alliance: Alliance) -> PublicContact:
    """The contact the alliance publishes on its public site (read in its schema); none
    while its schema does not exist yet (an alliance being set up)."""
    if not schema_exists(alliance.schema_name):
        return PublicContact("", "", "")
    with schema_context(alliance.schema_name):
        identity = site_identity()
    return PublicContact(identity.contact_name, identity.contact_email, identity.contact_phone)
