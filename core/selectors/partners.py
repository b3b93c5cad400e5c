"""Reads of partners, contacts and the measures catalogue."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from core.models import ContactPerson, Measure, Partner, PartnerStatus
from kernel.collation import by_name
from kernel.queries import related_count, related_values


def partner_list() -> QuerySet[Partner]:
    """Partners with the names of their measures (``measure_names``, in German order) and
    the number of contact persons, for lists and exports: both read in the list's own
    query, so a page costs one query and its count no grouping."""
    return Partner.objects.annotate(
        measure_names=related_values(Measure, "partners", "name", by_name()),
        contact_count=related_count(ContactPerson, "partner"),
    )


def partner_detail(pk: int) -> Partner:
    return Partner.objects.prefetch_related(
        "measures",
        Prefetch(
            "contacts", queryset=ContactPerson.objects.order_by("-is_primary", by_name("last_name"))
        ),
    ).get(pk=pk)


def public_partner_list() -> QuerySet[Partner]:
    """Active partners that agreed to be named on the public page; no personal data."""
    return (
        Partner.objects.filter(status=PartnerStatus.ACTIVE, public_listing_consent=True)
        .only("name", "kind", "city", "website")
        .order_by(by_name())
    )


def measure_list(*, active_only: bool = False) -> QuerySet[Measure]:
    queryset = Measure.objects.annotate(partner_count=Count("partners"))
    return queryset.filter(is_active=True) if active_only else queryset


def contact_list() -> QuerySet[ContactPerson]:
    """Contact persons with their partner."""
    return ContactPerson.objects.select_related("partner")
