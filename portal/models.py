"""The portal's own models: the one activity feed every workflow writes to."""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who may read an activity entry, besides programme staff (who read every entry)."""

    TEAM = "team", _("Everyone who can see the object")
    REVIEWERS = "reviewers", _("Staff and reviewers")
    MENTOR = "mentor", _("Staff and the team's mentor")
    STAFF = "staff", _("Programme staff only")


class Activity(models.Model):
    """One step in an object's life: who did what, from which state to which, when and why.

    Written by `portal.workflow.transition` (and by services for events that are not state
    changes, e.g. a file downloaded). `parent` is the object whose feed also shows the entry
    (an application's feed shows its decision; a change project's feed shows its milestones).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    obj = GenericForeignKey("content_type", "object_id")
    parent_content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    parent_object_id = models.PositiveBigIntegerField(null=True, blank=True)
    parent = GenericForeignKey("parent_content_type", "parent_object_id")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    verb = models.CharField(_("what happened"), max_length=200)
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    audience = models.CharField(_("who may read it"), max_length=20, choices=Audience.choices, default=Audience.TEAM)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "created_at"], name="activity_object"),
            models.Index(fields=["parent_content_type", "parent_object_id", "created_at"], name="activity_parent"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(audience__in=Audience.values), name="activity_audience_valid"),
        ]

    def __str__(self):
        return f"{self.verb} ({self.from_state} → {self.to_state})"

    @classmethod
    def record(cls, *, obj, actor, verb, from_state="", to_state="", reason="", audience=Audience.TEAM, data=None):
        """Write one entry; the object's `activity_parent` (if it has one) also shows it."""
        parent = getattr(obj, "activity_parent", None)
        return cls.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            parent_content_type=ContentType.objects.get_for_model(parent) if parent is not None else None,
            parent_object_id=parent.pk if parent is not None else None,
            actor=actor,
            verb=str(verb),
            from_state=from_state or "",
            to_state=to_state or "",
            reason=reason or "",
            audience=audience,
            data=data or {},
        )


def _feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret calendar-feed address; revoking deletes it, regenerating replaces the token."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=_feed_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)


class SentEmail(models.Model):
    """One e-mail that was sent, by its message key, so that a task run twice sends it once.

    See `portal.mail.send_once`: the row is taken (locked) before sending and marked sent in
    the same transaction.
    """

    key = models.CharField(max_length=255, unique=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")

    def __str__(self):
        return self.key
