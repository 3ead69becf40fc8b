from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import IntakeRole
from .rules import intake_roles_cache_key


@receiver([post_save, post_delete], sender=IntakeRole)
def forget_cached_intake_roles(sender, instance, **kwargs):
    """A role given or taken shows in the person's navigation on their next page."""
    cache.delete(intake_roles_cache_key(instance.user_id))
