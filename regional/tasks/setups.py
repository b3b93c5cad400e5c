"""Celery tasks of the new-alliance pipeline."""

from __future__ import annotations

from celery import shared_task

__all__ = ["provision_alliance"]


@shared_task(name="regional.provision_alliance", acks_late=True)
def provision_alliance(
    setup_id: int,
    actor_id: int | None = None,
    link_scheme: str = "https",
    link_port: str = "",
) -> str:
    """Put the setup's alliance on the platform (see regional.services.provisioning).

    Idempotent: a second delivery finds the setup done and does nothing; a run that
    was interrupted is continued by the next one. Failures are recorded on the setup
    (with a retry button) rather than raised, so the task is never retried blindly.
    ``link_scheme`` and ``link_port`` are accepted from tasks queued by earlier versions
    and ignored: links come from the configured site address (tenants.links).
    """
    from regional.services.provisioning import provision

    return provision(setup_id=setup_id, actor_id=actor_id)
