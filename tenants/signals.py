"""Keep what processes remember in step with the database: the host -> alliance map of
this process, and every process's memberships of the persons concerned."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tenants import access_cache, domain_cache
from tenants.models import Alliance, Domain, Membership


@receiver([post_save, post_delete], sender=Alliance)
@receiver([post_save, post_delete], sender=Domain)
def clear_domain_cache(**kwargs) -> None:
    domain_cache.clear()


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
