"""Keep the host -> alliance map of this process in step with the database."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tenants import domain_cache
from tenants.models import Alliance, Domain


@receiver([post_save, post_delete], sender=Alliance)
@receiver([post_save, post_delete], sender=Domain)
def clear_domain_cache(**kwargs) -> None:
    domain_cache.clear()
