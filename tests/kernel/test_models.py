"""The model field helpers: each makes exactly the field the models spelled out before."""

from __future__ import annotations

from django.db import models

from kernel.dates import validate_plausible_date
from kernel.models import optional_link, plausible_date, plausible_datetime


def test_the_plausible_date_helpers_make_the_fields_the_models_spelled_out():
    def same(made, spelled) -> bool:
        return made.deconstruct()[1:] == spelled.deconstruct()[1:]

    assert same(plausible_date("on"), models.DateField("on", validators=[validate_plausible_date]))
    assert same(
        plausible_datetime("at", optional=True),
        models.DateTimeField("at", null=True, blank=True, validators=[validate_plausible_date]),
    )
    assert same(
        optional_link("core.Partner", "partner", related_name="+"),
        models.ForeignKey(
            "core.Partner", verbose_name="partner", null=True, blank=True,
            on_delete=models.SET_NULL, related_name="+",
        ),
    )  # fmt: skip
