from api.serializers.base import ModelSerializer
from core.models import HolidayOffer


class PublicHolidayOfferSerializer(ModelSerializer):
    class Meta:
        model = HolidayOffer
        fields = [
            "id", "title", "description", "organiser", "start_date", "end_date", "start_time",
            "end_time", "place", "age_min", "age_max", "price", "max_participants",
            "registration",
        ]  # fmt: skip
        read_only_fields = fields
