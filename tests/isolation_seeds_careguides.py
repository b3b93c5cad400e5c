"""Sentinel records of care guides and cooperation agreements (careguides).

Each builder makes ONE record with the given primary key that carries the sentinel in a
text field. The agreement is not public: the isolation audit looks for private data.
"""

from __future__ import annotations


def _care_guide(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        partner=partner,
        name=f"{sentinel} guide",
        email=f"guide{pk}@sentinel.example",
        training_course=sentinel,
        trained_on=day,
    )


def _agreement(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        partner=partner,
        organisation=f"{sentinel} network",
        subject=sentinel,
        description=sentinel,
        status="signed",
        signed_on=day,
        signed_by_alliance=sentinel,
        signed_by_other=sentinel,
        valid_from=day,
        is_public=False,
    )


SEEDS = {
    "careguide": _care_guide,
    "cooperationagreement": _agreement,
}
