from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Release


@receiver(post_save, sender=Release, dispatch_uid="news.release_revision")
def keep_a_revision(sender, instance: Release, raw: bool = False, **kwargs) -> None:
    """Every save keeps a revision, whatever saved it: the admin, a service, the demo loader,
    a shell. Fixture loading (raw) is left alone: it restores rows, it does not edit them."""
    if raw:
        return
    from .services import record_revision

    record_revision(release=instance, user=instance.updated_by)
