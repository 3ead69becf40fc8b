"""The demo's follow-up of the past intake (change projects, mentoring, study visits) carries the
programme's own dates, never the moment the demo was loaded."""

from datetime import timedelta
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from portal.models import Activity
from programmes.demo import at
from programmes.models import Intake
from selection.models import Confirmation

FOLLOW_UP_APPS = ["change_projects", "mentoring", "study_visits"]


def _past_intake_window():
    past = Intake.objects.order_by("opens_at").first()
    last_day = max(phase.ends_on for phase in past.phases.all())
    return past, past.closes_at, at(past, last_day + timedelta(days=1), 0)


def _stamps(app_label):
    """Every date-time stored in the app's rows and their history records: (model, field, value)."""
    found = []
    for model in apps.get_app_config(app_label).get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField):
                values = model._base_manager.exclude(**{field.attname: None}).values_list(field.attname, flat=True)
                found += [(model.__name__, field.name, value) for value in values]
    return found


def test_demo_feed_of_the_past_intakes_follow_up_falls_within_its_programme(db):
    call_command("demo", stdout=StringIO())
    _past, closed, programme_ended = _past_intake_window()
    now = timezone.now()

    feeds = {
        label: list(Activity.objects.filter(content_type__app_label=label).order_by("pk")) for label in FOLLOW_UP_APPS
    }

    # The programme finished long ago, and every step of its follow-up happened while it ran.
    assert programme_ended < now - timedelta(days=300)
    assert {label: bool(feed) for label, feed in feeds.items()} == dict.fromkeys(FOLLOW_UP_APPS, True)
    assert [
        (label, entry.verb, entry.created_at)
        for label, feed in feeds.items()
        for entry in feed
        if not closed < entry.created_at < programme_ended
    ] == []
    # Each object's own feed, in the order it was written, never goes back in time.
    by_object = {}
    for feed in feeds.values():
        for entry in feed:
            by_object.setdefault((entry.content_type_id, entry.object_id), []).append(entry.created_at)
    assert [dates for dates in by_object.values() if dates != sorted(dates)] == []


def test_demo_timestamps_of_the_past_intakes_follow_up_fall_within_its_programme(db):
    call_command("demo", stdout=StringIO())
    past, closed, programme_ended = _past_intake_window()

    stamps = {label: _stamps(label) for label in FOLLOW_UP_APPS}
    confirmations = list(Confirmation.objects.filter(application__intake=past))

    # Created, updated, submitted, approved, booked, recorded and history times; session and agenda times.
    assert all(stamps.values())
    assert [
        stamp for label_stamps in stamps.values() for stamp in label_stamps if not closed < stamp[2] < programme_ended
    ] == []
    # The teams confirmed their places after they were told and before the first phase began.
    first_day = min(phase.starts_on for phase in past.phases.all())
    assert len(confirmations) == 2
    assert all(
        closed < moment < at(past, first_day, 0)
        for confirmation in confirmations
        for moment in (confirmation.created_at, confirmation.closed_at, confirmation.deadline)
    )
