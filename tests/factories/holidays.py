"""Factories for the holiday programme and the family guide (inside ``schema_context``)."""

import datetime

import factory

from core.models import GuideCategory, GuideEntry, HolidayOffer
from tests.clock import in_days
from tests.factories.base import numbered, record_factory


class HolidayOfferFactory(record_factory(HolidayOffer)):
    title = numbered("Ferienangebot {n}")
    organiser = "Jugendhaus am Markt"
    start_date = factory.LazyFunction(lambda: in_days(30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=4))
    place = "Jugendhaus, Markt 1"
    age_min = 6
    age_max = 12
    price = 0
    is_published = True


class GuideEntryFactory(record_factory(GuideEntry)):
    title = numbered("Beratungsstelle {n}")
    category = GuideCategory.ADVICE
    organisation = "Diakonie"
    address = "Löbdergraben 1, 07743 Jena"
    phone = "03641 123456"
    email = "beratung@diakonie.example"
    is_published = True
