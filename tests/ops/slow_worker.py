"""The project's Celery app for the worker-kill tests, with a slow statistics engine.

``celery -A tests.ops.slow_worker worker`` runs the real ``regional.refresh_statistics``
task, but counts one alliance per batch and sleeps ``BN_TEST_STATISTICS_DELAY`` seconds
before each batch (inside the batch's transaction), so a test can kill the worker while
a refresh is half done, at a point it observes in the database.
"""

from __future__ import annotations

import functools
import os
import time

from celery.signals import task_prerun

from config.celery import app

__all__ = ["app"]

DELAY_SECONDS = float(os.environ.get("BN_TEST_STATISTICS_DELAY", "0"))
_patched = []


@task_prerun.connect
def slow_down_the_statistics(**kwargs) -> None:
    # At the first task, in the process that runs it: Django is set up by then.
    if _patched:
        return
    from regional import statistics as engine
    from regional.services import statistics as service

    counted = engine.figures_for_batch

    def slow_figures_for_batch(batch, *, today=None):
        time.sleep(DELAY_SECONDS)
        return counted(batch, today=today)

    engine.figures_for_batch = slow_figures_for_batch
    service.statistics_refresh = functools.partial(service.statistics_refresh, batch_size=1)
    _patched.append(True)
