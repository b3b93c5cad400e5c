from rest_framework import serializers

from api.serializers.base import ModelSerializer
from api.serializers.fields import district_name
from tenants.models import Alliance


class AllianceSerializer(ModelSerializer):
    host = serializers.SerializerMethodField()
    district_name = district_name()

    class Meta:
        model = Alliance
        fields = ["id", "name", "slug", "district", "district_name", "host_organisation",
                  "founded_on", "status", "is_demo", "host"]  # fmt: skip
        read_only_fields = fields

    def get_host(self, alliance) -> str | None:
        domains = getattr(alliance, "primary_domains", None)
        return domains[0].domain if domains else None
