"""The API benchmark's anchor: the partner list as plain Django REST framework writes it.

``config.settings.bench`` serves this URL conf, behind nothing but
``tests.benchmarks.middleware.PinnedAllianceMiddleware`` (one alliance's schema, set once
per connection), when ``BUENDNISNETZ_BENCH_ANCHOR`` is set: no tenant routing, sessions,
CSRF, security headers, logging context, authentication, permission layer, throttle,
filters or ordering, and a ``ModelSerializer`` of the same 18 fields with DRF's own
field classes (the measures' names by ``SlugRelatedField`` over a prefetch, in German
order as ours, the contacts by ``Count``). The same gunicorn, data and page of 50 rows:
the difference to the real endpoint is what our machinery costs per request. Never used
outside the bench.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch
from django.urls import path
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny

from api.serializers.partners import PartnerSerializer
from core.models import Measure, Partner
from kernel.collation import by_name

PAGE_SIZE = 50


class PlainPartnerSerializer(serializers.ModelSerializer):
    measures = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    contact_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Partner
        # The API's own list of fields: the anchor writes what /api/v1/partners/ writes.
        fields = PartnerSerializer.Meta.fields


class PlainPagination(PageNumberPagination):
    page_size = PAGE_SIZE


class PlainPartnerList(generics.ListAPIView):
    serializer_class = PlainPartnerSerializer
    pagination_class = PlainPagination
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = ()
    filter_backends = ()

    def get_queryset(self):
        return (
            Partner.objects.annotate(contact_count=Count("contacts"))
            .prefetch_related(Prefetch("measures", Measure.objects.order_by(by_name())))
            .order_by("pk")
        )


urlpatterns = [path("api/v1/partners/", PlainPartnerList.as_view())]
