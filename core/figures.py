"""The alliance's key figures, each declared once (see ``kernel.figures``).

The coordinator's home counts them with the ORM in the alliance's schema
(``core.selectors.figures``); the state statistics count the same declarations for every
alliance at once with SQL compiled from the same QuerySets (``regional.statistics``).
Reports, dashboards, files and the API read the labels, units and ministry suppression
from ``ALLIANCE_FIGURES``; the snapshot model's figure fields and the classes that hold
the values (``AllianceFigures``, the state's totals and trend) are made from it too.

With ``Counting.as_of`` the rows are those of a past day, reconstructed from the records'
own dates: a partner counts if it had joined by then and is active now or left only
later; a project if it had started by then (and is not merely planned today), finished if
it had ended before; events, funding and held board meetings of the year up to that day;
seals valid on that day. What has no date of its own keeps today's value (a partner's
number of care guides, a project's families reached); partners that are dormant today
are left out, as nobody recorded since when.
"""

from __future__ import annotations

from django.db.models import Case, Count, F, Q, QuerySet, Sum, Value, When
from django.db.models.expressions import Col
from django.utils.translation import gettext_lazy as _

from core.models import (
    Award,
    BoardMeeting,
    Carer,
    CarerStatus,
    Event,
    FundingEntry,
    FundingKind,
    GrantStatus,
    MeetingStatus,
    Partner,
    PartnerKind,
    PartnerStatus,
    Placement,
    PlacementStatus,
    ProgrammeKind,
    Project,
    ProjectGrant,
    ProjectStatus,
    SealApplication,
    SealStatus,
    Supporter,
    Topic,
)
from kernel.figures import (
    COUNT,
    MONEY,
    PEOPLE,
    SHARE,
    Breakdown,
    Counting,
    Figure,
    FigureRegistry,
    Source,
)

# ---------------------------------------------------------------- sources: one table each


def _one_row(queryset: QuerySet) -> QuerySet:
    """Aggregates over all rows of ``queryset`` as one row (a constant is no group)."""
    return queryset.annotate(one=Value(1)).values("one")


def partner_rows(counting: Counting) -> QuerySet:
    """Active partners by kind: how many, how many with care guides, care guides in all."""
    if counting.as_of:
        on = counting.today
        alive = Q(status=PartnerStatus.ACTIVE, joined_on__lte=on) | Q(
            status=PartnerStatus.LEFT, joined_on__lte=on, left_on__gt=on
        )
    else:
        alive = Q(status=PartnerStatus.ACTIVE)
    return (
        Partner.objects.filter(alive)
        .values("kind")
        .annotate(
            n=Count("id"),
            with_guides=Count("id", filter=Q(care_guides_count__gt=0)),
            guides=Sum("care_guides_count"),
        )
        .order_by()
    )


def _valid_certificates(counting: Counting) -> QuerySet:
    """Certificates of every programme valid on the day (an expired one is not)."""
    return SealApplication.objects.filter(
        status=SealStatus.AWARDED,
        awarded_on__lte=counting.today,
        valid_until__gte=counting.today,
    )


def seal_rows(counting: Counting) -> QuerySet:
    """Valid certificates by the kind of their programme (the Familiensiegel: family)."""
    return _valid_certificates(counting).values("programme_kind").annotate(n=Count("id")).order_by()


def certified_rows(counting: Counting) -> QuerySet:
    """Employers holding at least one valid certificate, of any programme."""
    return (
        _one_row(_valid_certificates(counting))
        .annotate(n=Count("partner_id", distinct=True))
        .order_by()
    )


def project_rows(counting: Counting) -> QuerySet:
    """Projects by topic and status together: the figures add them up both ways."""
    projects = Project.objects.all()
    status = F("status")
    if counting.as_of:
        on = counting.today
        projects = projects.filter(start_date__lte=on).exclude(status=ProjectStatus.PLANNED)
        status = Case(
            When(end_date__lt=on, then=Value(ProjectStatus.FINISHED.value)),
            default=Value(ProjectStatus.RUNNING.value),
        )
    return (
        projects.values(topic_key=F("topic"), status_key=status)
        .annotate(n=Count("id"), families=Sum("families_reached"))
        .order_by()
    )


def _counted(queryset: QuerySet) -> QuerySet:
    """All rows of ``queryset`` counted, as one row (``n``)."""
    return _one_row(queryset).annotate(n=Count("id")).order_by()


def event_rows(counting: Counting) -> QuerySet:
    events = Event.objects.filter(date__range=(counting.year_start, counting.year_end))
    return _one_row(events).annotate(n=Count("id"), people=Sum("participant_count")).order_by()


def funding_rows(counting: Counting) -> QuerySet:
    return (
        FundingEntry.objects.filter(received_on__range=(counting.year_start, counting.year_end))
        .values("kind")
        .annotate(amount=Sum("amount"))
        .order_by()
    )


def board_meeting_rows(counting: Counting) -> QuerySet:
    held = BoardMeeting.objects.filter(
        status=MeetingStatus.HELD, date__range=(counting.year_start, counting.year_end)
    )
    return _counted(held)


# carers: counts only, never a person's data
def _own_column(model, name: str) -> Col:
    """A foreign key's own column (``partner_id``) as the row holds it: named through
    the relation, Django would add the related table to the query (a join it trims from
    the SQL but not from the query, which the engine refuses for a one-table source)."""
    return Col(model._meta.db_table, model._meta.get_field(name))


def carer_rows(counting: Counting) -> QuerySet:
    """Active carers of the pool (no dates of their own: today's value)."""
    active = Carer.objects.filter(status=CarerStatus.ACTIVE)
    return _counted(active)


def placement_rows(counting: Counting) -> QuerySet:
    """Running placements, their hours per month and the employers paying for them."""
    placements = Placement.objects.filter(status=PlacementStatus.RUNNING)
    if counting.as_of:
        on = counting.today
        placements = (
            Placement.objects.filter(start_date__lte=on)
            .exclude(status=PlacementStatus.PLANNED)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        )
    return (
        _one_row(placements)
        .annotate(
            n=Count("id"),
            hours=Sum("hours_per_month"),
            employers=Count(_own_column(Placement, "partner"), distinct=True),
        )
        .order_by()
    )


# careguides
def agreement_rows(counting: Counting) -> QuerySet:
    """Cooperation agreements in force on the day: signed, begun, and not past a fixed
    end (one that renews itself has none). A terminated one has no date of its own and
    is left out of past days too."""
    from core.selectors.agreements import agreements_in_force

    return _counted(agreements_in_force(today=counting.today))


# fundraising
def circle_grant_rows(counting: Counting) -> QuerySet:
    """Grants the fundraising circle decided this year (the withdrawn do not count)."""
    grants = ProjectGrant.objects.filter(
        decided_on__range=(counting.year_start, counting.year_end)
    ).exclude(status=GrantStatus.WITHDRAWN)
    return _one_row(grants).annotate(amount=Sum("amount")).order_by()


def circle_member_rows(counting: Counting) -> QuerySet:
    """Members of the fundraising circle on the day counted."""
    on = counting.today
    members = Supporter.objects.filter(
        Q(joined_on__lte=on) & (Q(left_on__isnull=True) | Q(left_on__gt=on))
    )
    return _counted(members)


# publicsite
def award_rows(counting: Counting) -> QuerySet:
    """Awards the alliance received in the year (up to the day counted), public or not:
    the state office sees them all."""
    return _counted(
        Award.objects.filter(awarded_on__range=(counting.year_start, counting.year_end))
    )


SOURCES = (
    Source("partners", partner_rows, ("kind",)),
    Source("seals", seal_rows, ("programme_kind",)),
    Source("projects", project_rows, ("topic_key", "status_key")),
    Source("events", event_rows, year_to_date=True),
    Source("funding", funding_rows, ("kind",), year_to_date=True),
    Source("board_meetings", board_meeting_rows, year_to_date=True),
    # carers
    Source("carers", carer_rows),
    Source("placements", placement_rows),
    Source("agreements", agreement_rows),  # careguides
    # certification
    Source("certified", certified_rows),
    # fundraising
    Source("circle_grants", circle_grant_rows, year_to_date=True),
    Source("circle_members", circle_member_rows),
    Source("awards", award_rows, year_to_date=True),  # publicsite
)

# ---------------------------------------------------------------- the figures

ALLIANCE_FIGURES = FigureRegistry(
    sources=SOURCES,
    figures=[
        Figure(
            "partners_total", _("Active partners"), "partners", PEOPLE, "partners",
            help_text=_("Active partners."), verbose_name=_("active partners"),
        ),
        Figure(
            "companies", _("Companies"), "partners", PEOPLE, "partners",
            where=(("kind", PartnerKind.COMPANY.value),),
            help_text=_("Companies among the partners."), verbose_name=_("companies"),
        ),
        Figure(
            "partners_with_care_guides", _("Partners with care guides"), "partners", PEOPLE,
            "partners", "with_guides", short_label=_("With care guides"),
            help_text=_("Partners with at least one care guide."),
            verbose_name=_("partners with care guides"),
        ),
        Figure(
            "care_guides_share", _("Share of partners with care guides"), "partners", SHARE,
            short_label=_("Share with care guides"),
            share_of=("partners_with_care_guides", "partners_total"),
            help_text=_("Share of partners with care guides (0 to 1)."),
        ),
        Figure(
            "care_guides_total", _("Trained care guides"), "partners", PEOPLE, "partners",
            "guides", help_text=_("Trained care guides."),
            verbose_name=_("trained care guides"),
        ),
        Figure(
            "valid_seals", _("Valid family seals"), "partners", PEOPLE, "seals",
            where=(("programme_kind", ProgrammeKind.FAMILY.value),),
            help_text=_("Valid family seals."), verbose_name=_("valid family seals"),
        ),
        Figure(
            "projects_total", _("Projects"), "projects", COUNT, "projects",
            help_text=_("Projects."), verbose_name=_("projects"),
        ),
        Figure(
            "families_reached", _("Families reached"), "projects", PEOPLE, "projects",
            "families", help_text=_("Families reached."), verbose_name=_("families reached"),
        ),
        Figure(
            "events", _("Events"), "events", COUNT, "events", help_text=_("Events."),
            verbose_name=_("events"),
        ),
        Figure(
            "event_participants", _("Event participants"), "events", PEOPLE, "events",
            "people", help_text=_("Event participants."),
            verbose_name=_("event participants"),
        ),
        Figure(
            "funding_total", _("Funding (EUR)"), "funding", MONEY, "funding", "amount",
            help_text=_("Funding in euros."), verbose_name=_("funding (EUR)"),
        ),
        Figure(
            "board_meetings_held", _("Board meetings held"), "board", COUNT, "board_meetings",
            help_text=_("Board meetings held."), verbose_name=_("board meetings held"),
        ),
        # carers
        Figure(
            "carers_active", _("Active carers (childcare pool)"), "childcare", PEOPLE,
            "carers", short_label=_("Active carers"), help_text=_("Active carers of the pool."),
            verbose_name=_("active carers"),
        ),
        Figure(
            "placements_running", _("Running placements (childcare pool)"), "childcare",
            PEOPLE, "placements", short_label=_("Running placements"),
            help_text=_("Running placements of the childcare pool (families)."),
            verbose_name=_("running placements"),
        ),
        Figure(
            "care_hours_per_month", _("Care hours per month (childcare pool)"), "childcare",
            COUNT, "placements", "hours", short_label=_("Care hours per month"),
            help_text=_("Hours per month of the running placements."),
            verbose_name=_("care hours per month"),
        ),
        Figure(
            "employers_paying", _("Employers paying for care (childcare pool)"), "childcare",
            PEOPLE, "placements", "employers", short_label=_("Employers paying"),
            help_text=_("Partners who pay for running placements."),
            verbose_name=_("employers paying for care"),
        ),
        # careguides
        Figure(
            "agreements_in_force", _("Cooperation agreements in force"), "partners", COUNT,
            "agreements", short_label=_("Agreements in force"),
            help_text=_("Cooperation agreements in force."),
            verbose_name=_("cooperation agreements in force"),
        ),
        # certification
        Figure(
            "certified_employers", _("Certified employers"), "partners", PEOPLE, "certified",
            help_text=_("Employers holding a valid certificate of any programme."),
            verbose_name=_("certified employers"),
        ),
        # fundraising
        Figure(
            "circle_grants_total", _("Grants of the fundraising circle (EUR)"), "funding", MONEY,
            "circle_grants", "amount", short_label=_("Grants to projects (EUR)"),
            help_text=_("Grants the fundraising circle gave to projects this year, in euros."),
            verbose_name=_("grants of the fundraising circle (EUR)"),
        ),
        Figure(
            "circle_members", _("Members of the fundraising circle"), "funding", PEOPLE,
            "circle_members", short_label=_("Circle members"),
            help_text=_("Members of the fundraising circle."),
            verbose_name=_("members of the fundraising circle"),
        ),
        # publicsite: few per alliance, so suppressed for the ministry like people
        Figure(
            "awards_received", _("Awards received"), "alliances", PEOPLE, "awards",
            help_text=_("Awards the alliance received this year (e.g. Bündnis des Monats)."),
            verbose_name=_("awards received"),
        ),
    ],
    breakdowns=[
        Breakdown(
            "partners_by_kind", _("Partners by kind: %(label)s"), "partners", PEOPLE,
            PartnerKind, after="companies", source="partners", by="kind", fill=True,
            help_text=_("Partners per kind."), verbose_name=_("partners by kind"),
        ),
        Breakdown(
            "projects_by_status", _("Projects by status: %(label)s"), "projects", COUNT,
            ProjectStatus, after="projects_total", source="projects", by="status_key",
            help_text=_("Projects per status."), verbose_name=_("projects by status"),
        ),
        Breakdown(
            "projects_by_topic", _("Projects by topic: %(label)s"), "projects", COUNT,
            Topic, after="projects_by_status", source="projects", by="topic_key",
            help_text=_("Projects per topic."), verbose_name=_("projects by topic"),
        ),
        Breakdown(
            "funding_by_kind", _("Funding by kind: %(label)s"), "funding", MONEY,
            FundingKind, after="funding_total", source="funding", by="kind", value="amount",
            help_text=_("Funding per kind, in euros."), verbose_name=_("funding by kind"),
        ),
        # certification
        Breakdown(
            "certificates_by_kind", _("Certificates by kind: %(label)s"),
            "partners", PEOPLE, ProgrammeKind, after="valid_seals", source="seals",
            by="programme_kind", fill=True,
            help_text=_("Valid certificates per kind of programme."),
            verbose_name=_("valid certificates by programme kind"),
        ),
    ],
)  # fmt: skip
