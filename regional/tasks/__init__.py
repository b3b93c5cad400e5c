"""Celery finds the state layer's tasks here; each area keeps its own module."""

from regional.tasks.meetings import *  # noqa: F403
from regional.tasks.reports import *  # noqa: F403
from regional.tasks.setups import *  # noqa: F403
from regional.tasks.statistics import *  # noqa: F403

# workshops
from regional.tasks.workshops import *  # noqa: F403
