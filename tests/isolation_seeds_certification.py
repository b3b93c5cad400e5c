"""Sentinel records of certification programmes and their criterion groups.

Each builder makes ONE record with the given primary key that carries the sentinel in a
text field (the seal's criteria, applications and checks are in isolation_seeds_seal.py).
"""

from __future__ import annotations

from core.models import CertificationProgramme
from tests.sentinels import record, same_id, text

_programme = record(
    sentinel_in=("description", "renewal_rules"),
    name=text("{sentinel} programme"),
    kind="diversity",
)

SEEDS = {
    "certificationprogramme": _programme,
    "criteriongroup": record(
        sentinel_in=("description",),
        programme=same_id(CertificationProgramme, _programme),
        name=text("{sentinel} group"),
    ),
}
