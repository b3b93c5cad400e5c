"""The spam protection of the public forms (kernel.human), one rule for every such form."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kernel.human import MIN_FILL_SECONDS, HumanCheck

CHECK = HumanCheck(salt="tests.human", max_age=3600, refused="Filled by a robot.")
OTHER = HumanCheck(salt="tests.other-form", max_age=3600, refused="Other form.")
NOW = 1_800_000_000.0


def _refusal(**kwargs) -> str:
    with translation.override("de"), pytest.raises(ValidationError) as error:
        CHECK.ensure(**{"honeypot": "", "now": NOW, **kwargs})
    return " ".join(error.value.messages)


def test_a_person_who_took_a_while_is_let_through():
    CHECK.ensure(honeypot="", started=CHECK.token(NOW - 30), now=NOW)
    # A datetime is the same moment as its timestamp.
    moment = datetime.datetime.fromtimestamp(NOW - 30, tz=datetime.UTC)
    CHECK.ensure(honeypot="", started=CHECK.token(moment), now=NOW)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"honeypot": "http://spam.example", "started": "x"}, "Filled by a robot."),
        ({"started": CHECK.token(NOW - MIN_FILL_SECONDS + 1)}, "Das ging sehr schnell"),
        ({"started": CHECK.token(NOW - 3601)}, "Das Formular ist abgelaufen"),
        ({"started": CHECK.token(NOW + 120)}, "Das Formular ist abgelaufen"),
        ({"started": "forged"}, "Das Formular ist abgelaufen"),
        ({"started": None}, "Das Formular ist abgelaufen"),
        ({"started": OTHER.token(NOW - 30)}, "Das Formular ist abgelaufen"),
    ],
    ids=["honeypot", "too-fast", "stale", "future", "forged", "missing", "other-forms-token"],
)
def test_what_a_robot_sends_is_refused_in_german(kwargs, message):
    assert message in _refusal(**kwargs)
