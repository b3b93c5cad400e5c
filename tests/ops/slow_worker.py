"""The project's Celery app for the worker-kill tests, with a slow statistics engine.

``celery -A tests.ops.slow_worker worker`` runs the real ``regional.refresh_statistics``
task, but counts one alliance per batch and sleeps ``BN_TEST_STATISTICS_DELAY`` seconds
before counting each batch (the refresh counts two batches at a time, each stored in its
own transaction), so a test can kill the worker while a refresh is half done, at a point
it observes in the database.
"""

from __future__ import annotations

import functools
import os
import threading
import time

from celery.signals import task_prerun

from config.celery import app

__all__ = ["app"]

DELAY_SECONDS = float(os.environ.get("BN_TEST_STATISTICS_DELAY", "0"))
_patched = []
_one_at_a_time = threading.Lock()


@task_prerun.connect
def slow_down_the_statistics(**kwargs) -> None:
    # At the first task, in the process that runs it: Django is set up by then.
    if _patched:
        return
    from regional import statistics as engine
    from regional.services import statistics as service

    counted = engine.figures_for_batch

    def slow_figures_for_batch(batch, **kwargs):
        # One pause at a time, although two threads count: the batches come one every
        # DELAY_SECONDS, so a test sees the refresh half done.
        with _one_at_a_time:
            time.sleep(DELAY_SECONDS)
        return counted(batch, **kwargs)

    engine.figures_for_batch = slow_figures_for_batch
    service.statistics_refresh = functools.partial(service.statistics_refresh, batch_size=1)
    _patched.append(True)
