"""Factories of the childcare pool (inside ``schema_context``): a vetted carer whose
checks are all valid for years, and a running placement."""

import datetime

import factory

from core.models import Carer, Placement
from tests.clock import in_days
from tests.factories.base import numbered, record_factory


class CarerFactory(record_factory(Carer)):
    first_name = numbered("Lena{n}")
    last_name = "Betreuerin"
    email = numbered("betreuerin{n}@example.org")
    phone = "03641 555000"
    status = "vetted"
    availability = factory.LazyFunction(lambda: ["weekdays", "evenings"])
    languages = "Deutsch, Englisch"
    police_clearance_on = factory.LazyFunction(lambda: in_days(-400))
    first_aid_on = factory.LazyFunction(lambda: in_days(-100))
    training_on = factory.LazyFunction(lambda: in_days(-90))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        carer = model_class(*args, **kwargs)
        carer.clean()  # the derived validity dates, as the services set them
        carer.save()
        return carer


class PlacementFactory(record_factory(Placement)):
    family_name = factory.Sequence(lambda n: f"Familie {chr(65 + n % 26)}.")
    carer = factory.SubFactory(CarerFactory, status="active")
    kind = "evening"
    recurrence = "weekly"
    hours_per_month = 12
    start_date = factory.LazyFunction(lambda: in_days(-30))
    status = "running"
    end_date = factory.LazyAttribute(
        lambda o: o.start_date + datetime.timedelta(days=60) if o.status == "ended" else None
    )
