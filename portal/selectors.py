"""Reads of the portal's own models."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .models import Activity, Audience


def activities_for(*, obj, audiences=(Audience.TEAM,)):
    """The readable feed of `obj`: its own entries and its children's, oldest first, for these audiences.

    Callers decide the audiences from the viewer's role (staff: every audience). One query.
    """
    ct = ContentType.objects.get_for_model(obj)
    return (
        Activity.objects.filter(
            Q(content_type=ct, object_id=obj.pk) | Q(parent_content_type=ct, parent_object_id=obj.pk)
        )
        .filter(audience__in=list(audiences))
        .select_related("actor")
        .order_by("created_at", "pk")
    )
