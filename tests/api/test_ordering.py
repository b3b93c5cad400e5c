"""API lists page stably: rows that tie in the requested order keep their place."""

from __future__ import annotations

from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.ordering import StableOrderingFilter
from core.models import Event
from kernel.collation import by_name


class _View:
    ordering = ["-date"]
    ordering_fields = ["date", "title", "pk"]


def _order(query: str) -> tuple[str, ...]:
    request = Request(APIRequestFactory().get(f"/api/v1/events/{query}"))
    queryset = StableOrderingFilter().filter_queryset(request, Event.objects.all(), _View())
    return tuple(queryset.query.order_by)


def test_the_default_ordering_is_broken_by_the_primary_key():
    # DRF's own filter answered ("-date",): events on one date could swap between pages.
    assert _order("") == ("-date", "pk")


def test_a_requested_ordering_is_broken_by_the_primary_key():
    # A text field sorts in German order (kernel.collation): "Ölsnitz" under O.
    assert _order("?ordering=title") == (by_name("title"), "pk")
    assert _order("?ordering=-title") == (by_name("title", descending=True), "pk")


def test_an_ordering_that_names_the_key_is_left_alone():
    assert _order("?ordering=-pk") == ("-pk",)
