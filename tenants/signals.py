"""Keep what processes remember in step with the database: the host -> alliance map
and the memberships of the persons concerned, in every process on every node."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tenants import access_cache, domain_cache
from tenants.models import Alliance, Domain, Membership


@receiver([post_save, post_delete], sender=Alliance)
@receiver([post_save, post_delete], sender=Domain)
def clear_domain_cache(**kwargs) -> None:
    # This process at once (its own transaction sees the change); the others once the
    # change is committed, so that they read the new rows when they look again.
    domain_cache.clear()
    transaction.on_commit(domain_cache.changed)


@receiver([post_save, post_delete], sender=Membership)
def renew_member_stamp(instance, **kwargs) -> None:
    access_cache.renew([instance.user_id])


@receiver([post_save, post_delete], sender=Alliance)
@receiver([post_save, post_delete], sender=Domain)
def renew_members_stamps(sender, instance, **kwargs) -> None:
    """Their memberships carry the alliance's name, state and primary host."""
    alliance_id = instance.pk if sender is Alliance else instance.tenant_id
    access_cache.renew(
        Membership.objects.filter(alliance_id=alliance_id).values_list("user_id", flat=True)
    )
