from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from accounts.demo import demo_user
from applications import demo
from applications.enums import STAGED_STATES, ApplicationStatus
from applications.models import Application
from portal.models import Audience
from portal.selectors import activities_for
from programmes.models import Intake


def test_demo_seed_creates_every_state_once(db):
    call_command("demo", stdout=StringIO())

    demo.seed(stdout=StringIO())

    statuses = sorted(Application.objects.values_list("status", flat=True))
    assert len(statuses) == 12
    # Every state a team can be told; staged decisions exist only until staff release them.
    assert sorted(set(statuses)) == sorted(set(ApplicationStatus.values) - STAGED_STATES)
    applicant_app = Application.objects.get(contact_person=demo_user("applicant"))
    assert (applicant_app.status, applicant_app.intake.is_open()) == (ApplicationStatus.DRAFT, True)
    assert list(
        Application.objects.filter(members__user=demo_user("participant")).values_list("status", flat=True)
    ) == [ApplicationStatus.ACCEPTED]


def test_demo_seed_without_programme_creates_nothing(db):
    demo.seed(stdout=StringIO())

    assert Application.objects.count() == 0


def test_demo_history_of_the_past_intake_carries_its_own_dates(db):
    call_command("demo", stdout=StringIO())
    past = Intake.objects.order_by("opens_at").first()
    applications = list(Application.objects.filter(intake=past).order_by("pk"))

    # The applications' own entries (their change projects' entries are the change-project demo's).
    feeds = [
        [entry for entry in activities_for(obj=app, audiences=Audience.values).order_by("pk") if entry.obj == app]
        for app in applications
    ]

    assert applications and all(feeds)
    # Nothing of the past intake happened this year; each team started after the opening and
    # submitted before the deadline; decisions came after it, in order.
    assert all(entry.created_at < timezone.now() - timedelta(days=300) for feed in feeds for entry in feed)
    assert all(past.opens_at < application.created_at < past.closes_at for application in applications)
    assert all(
        application.submitted_at is None or application.submitted_at <= past.closes_at for application in applications
    )
    assert all(
        entry.created_at > past.closes_at
        for feed in feeds
        for entry in feed
        if entry.to_state in {ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED, ApplicationStatus.WAITLISTED}
    )
    # In the order they were written (by id), the dates never go back.
    assert all([e.created_at for e in feed] == sorted(e.created_at for e in feed) for feed in feeds)
