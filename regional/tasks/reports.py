"""Celery tasks of this area of the state layer."""
