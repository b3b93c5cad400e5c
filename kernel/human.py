"""Spam protection of the forms anyone may send (the partner application on an alliance's
public site, the registration for a workshop): a hidden field a person leaves empty, and
the signed moment the form was shown. A robot fills every field and posts at once; a
form sent back within seconds, with the hidden field filled, or with a start that is
forged or stale is refused with a German message at the form.

One ``HumanCheck`` per form kind (its own salt, so a token of one form does not count for
another), declared where the form is.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A person needs longer than this to fill in a form; a script posts at once.
MIN_FILL_SECONDS = 3
# A start this far in the future is a clock between two servers, not a forgery.
CLOCK_SKEW_SECONDS = 60


def _seconds(now: datetime.datetime | float | None) -> float:
    if now is None:
        return time.time()
    if isinstance(now, datetime.datetime):
        return now.timestamp()
    return float(now)


@dataclass(frozen=True)
class HumanCheck:
    """The spam protection of one kind of form.

    ``salt`` keeps its tokens apart from other forms', ``max_age`` is how long (seconds)
    a shown form may be sent back, ``refused`` the message for a filled hidden field
    (lazy: the form's own wording, "application" or "registration").
    """

    salt: str
    max_age: int
    refused: str

    def token(self, now: datetime.datetime | float | None = None) -> str:
        """The signed moment the form is shown (its hidden ``started`` field)."""
        return signing.dumps(round(_seconds(now), 3), salt=self.salt)

    def ensure(
        self, *, honeypot: str, started: str | None, now: datetime.datetime | float | None = None
    ) -> None:
        """Refuse (``ValidationError``) what a robot sends."""
        if honeypot:
            raise ValidationError(str(self.refused))
        try:
            moment = float(signing.loads(started or "", salt=self.salt))
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise ValidationError(_("The form has expired. Please fill it in again.")) from error
        elapsed = _seconds(now) - moment
        if elapsed > self.max_age or elapsed < -CLOCK_SKEW_SECONDS:
            raise ValidationError(_("The form has expired. Please fill it in again."))
        if elapsed < MIN_FILL_SECONDS:
            raise ValidationError(
                _("That was very fast. Please check your entries and send the form again.")
            )
