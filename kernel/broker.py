"""Handing work to Celery from a request without depending on the broker being up.

``celery.Task.apply_async`` retries a failed publish and then raises; with Redis down a
request would hang for seconds and answer 500 *after* its data was committed (the
publish runs in ``transaction.on_commit``). :func:`publish` tries briefly, never
raises for a broker that is down, and says whether the message went out, so the
caller can leave its data in a state that a later attempt picks up.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

QUEUE_UNAVAILABLE_MESSAGE = _(
    "The background queue is not reachable at the moment. Your change has been saved, "
    "but the work could not be started; please try again in a few minutes."
)


class TaskQueueUnavailable(ValidationError):
    """The broker did not take a task that a request asked for.

    A ``ValidationError``, so that form pages and the API show its German message
    instead of answering 500; the data was committed and marked so it can be retried.
    """

    def __init__(self, message: Any = QUEUE_UNAVAILABLE_MESSAGE):
        super().__init__(message, code="queue_unavailable")


def broker_errors() -> tuple[type[BaseException], ...]:
    """The exceptions a publish raises when the broker (Redis) cannot be reached."""
    from kombu.exceptions import OperationalError
    from redis.exceptions import RedisError

    return (OperationalError, RedisError, OSError)


def registered_task(name: str):
    """The task registered under ``name``.

    A worker imports every task module when it starts; a web process has not, since no
    service imports a task module. So on the first miss the app's task modules are
    loaded once, as the worker would load them, and the name is looked up again.
    """
    from celery import current_app
    from celery.exceptions import NotRegistered

    try:
        return current_app.tasks[name]
    except NotRegistered:
        current_app.loader.import_default_modules()
        return current_app.tasks[name]


def publish(task, *, args=None, kwargs=None, **options) -> bool:
    """Send ``task`` to the broker; False (and a warning in the log) when it is down.

    ``task`` is the task's registered name (services enqueue by name, so no service
    imports a task module and tasks may import services freely) or a task object.

    How long a publish keeps trying is ``CELERY_TASK_PUBLISH_RETRY_POLICY`` (one quick
    retry, so a broker that is down costs a request well under a second).
    """
    if isinstance(task, str):
        task = registered_task(task)
    if kwargs is not None:
        options["kwargs"] = kwargs
    try:
        task.apply_async(args=args, **options)
    except broker_errors() as error:
        logger.warning("broker unavailable, %s not queued: %s", task.name, error)
        return False
    except RuntimeError as error:
        # For a task whose result is kept, the Redis result backend subscribes to the
        # result before sending and reports a refused connection as a RuntimeError.
        if not isinstance(error.__cause__, broker_errors()):
            raise
        logger.warning("result store unavailable, %s not queued: %s", task.name, error.__cause__)
        return False
    return True
