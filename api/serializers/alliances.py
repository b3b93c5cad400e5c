from rest_framework import serializers

from api.serializers.base import ModelSerializer
from tenants.models import Alliance


class AllianceSerializer(ModelSerializer):
    host = serializers.SerializerMethodField()

    class Meta:
        model = Alliance
        fields = ["id", "name", "slug", "district", "host_organisation", "founded_on", "status",
                  "is_demo", "host"]  # fmt: skip
        read_only_fields = fields

    def get_host(self, alliance) -> str | None:
        domains = getattr(alliance, "primary_domains", None)
        return domains[0].domain if domains else None
