"""An e-mail backend for the worker-death test: it delivers like Django's file backend,
and the first time it has delivered it kills its own process with SIGKILL, before the
outbox can record "sent" (the file ``$BN_TEST_DIE_MARKER`` remembers that it did)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend

__all__ = ["DieAfterSendingOnce"]


class DieAfterSendingOnce(EmailBackend):
    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        marker = Path(os.environ["BN_TEST_DIE_MARKER"])
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
        return sent
