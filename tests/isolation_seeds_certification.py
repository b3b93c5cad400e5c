"""Sentinel records of certification programmes and their criterion groups.

Each builder makes ONE record with the given primary key that carries the sentinel in a
text field (the seal's criteria, applications and checks are in isolation_seeds_seal.py).
"""

from __future__ import annotations

from core.models import CertificationProgramme


def _programme(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        name=f"{sentinel} programme",
        description=sentinel,
        renewal_rules=sentinel,
        kind="diversity",
    )


def _group(model, pk, sentinel, partner, day):
    programme = CertificationProgramme.objects.filter(pk=pk).first() or _programme(
        CertificationProgramme, pk, sentinel, partner, day
    )
    return model.objects.create(
        pk=pk, programme=programme, name=f"{sentinel} group", description=sentinel
    )


SEEDS = {
    "certificationprogramme": _programme,
    "criteriongroup": _group,
}
