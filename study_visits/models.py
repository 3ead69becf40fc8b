"""Study visits: a visit to a host municipality, its agenda, the places on it and who attended."""

import secrets
import uuid
import zoneinfo
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programmes.models import validate_time_zone

from .enums import ACTIVE_STATES, AgendaKind, PlaceStatus


class StudyVisit(models.Model):
    """A visit of an intake's participants to a host municipality or region, usually two days."""

    intake = models.ForeignKey("programmes.Intake", on_delete=models.PROTECT, related_name="study_visits")
    title = models.CharField(_("title"), max_length=200, help_text=_("For example: Study visit to Gothenburg"))
    host = models.CharField(_("host municipality or region"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    time_zone = models.CharField(
        _("host's time zone"), max_length=64, default="Europe/Stockholm", validators=[validate_time_zone]
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    capacity = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(500)], help_text=_("How many people can go.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."))
    travel = models.TextField(_("travel"), blank=True)
    accommodation = models.TextField(_("accommodation"), blank=True)
    contact_on_site = models.CharField(
        _("contact on site"), max_length=200, blank=True, help_text=_("Name and phone number of the host's contact.")
    )
    host_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_study_visits",
        verbose_name=_("host contact with a portal account"),
        help_text=_("May record attendance."),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to answer an offer"),
        default=48,
        validators=[MinValueValidator(1), MaxValueValidator(336)],
        help_text=_("How long a freed place is held for the next person on the waiting list."),
    )
    # Stable calendar identity; `sequence` is bumped on every change the calendars show.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("study visit")
        verbose_name_plural = _("study visits")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="visit_dates_valid"),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="visit_capacity_positive"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("study_visits:detail", kwargs={"pk": self.pk})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def local(self, moment: datetime) -> datetime:
        """A UTC moment in the host's time zone."""
        return timezone.localtime(moment, self.tzinfo)

    def days(self) -> list[date]:
        return [self.starts_on + timedelta(days=n) for n in range((self.ends_on - self.starts_on).days + 1)]

    def has_started(self, now: datetime | None = None) -> bool:
        return timezone.localtime(now or timezone.now(), self.tzinfo).date() >= self.starts_on

    def has_ended(self, now: datetime | None = None) -> bool:
        return timezone.localtime(now or timezone.now(), self.tzinfo).date() > self.ends_on


class AgendaItem(models.Model):
    """One item of a visit's agenda; times are stored in UTC and entered and shown in the host's zone."""

    visit = models.ForeignKey(StudyVisit, on_delete=models.CASCADE, related_name="agenda_items")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=AgendaKind.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    speaker = models.CharField(_("host speaker"), max_length=200, blank=True)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="agenda_item_times_valid"
            ),
            models.CheckConstraint(condition=models.Q(kind__in=AgendaKind.values), name="agenda_item_kind_valid"),
        ]

    def __str__(self):
        return self.title


def _offer_token() -> str:
    return secrets.token_urlsafe(32)


class Place(models.Model):
    """A person's place on a visit: booked, or waiting in line, or offered a freed seat.

    Its status changes only through `study_visits.services` (the PLACE_WORKFLOW table).
    """

    visit = models.ForeignKey(StudyVisit, on_delete=models.CASCADE, related_name="places")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_visit_places")
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="study_visit_places"
    )
    status = models.CharField(_("status"), max_length=20, choices=PlaceStatus.choices)
    # The waiting list is walked by priority (higher first), then by the time a person joined it.
    priority = models.SmallIntegerField(
        _("priority"), default=0, validators=[MinValueValidator(-100), MaxValueValidator(100)]
    )
    requested_at = models.DateTimeField(_("asked for a place"), default=timezone.now)
    offer_token = models.CharField(max_length=64, unique=True, default=_offer_token, editable=False)
    offer_expires_at = models.DateTimeField(_("offer open until"), null=True, blank=True)
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["-priority", "requested_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=PlaceStatus.values), name="place_status_valid"),
            models.UniqueConstraint(
                fields=["visit", "user"],
                condition=models.Q(status__in=sorted(ACTIVE_STATES)),
                name="place_one_active_per_person",
            ),
        ]
        indexes = [models.Index(fields=["visit", "status"], name="place_visit_status")]

    def __str__(self):
        return f"{self.user} — {self.visit}"

    @property
    def activity_parent(self):
        return self.visit

    def offer_is_open(self, now: datetime | None = None) -> bool:
        return (
            self.status == PlaceStatus.OFFERED
            and self.offer_expires_at is not None
            and (now or timezone.now()) <= self.offer_expires_at
        )


class Attendance(models.Model):
    """Whether a booked person was there on one day of the visit."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="attendance")
    day = models.DateField(_("day"))
    present = models.BooleanField(_("present"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["day", "place_id"]
        constraints = [models.UniqueConstraint(fields=["place", "day"], name="attendance_one_per_day")]

    def __str__(self):
        return f"{self.place} — {self.day}"
