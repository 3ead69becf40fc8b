from io import StringIO

from django.core.management import call_command

from accounts.demo import demo_user
from applications import demo
from applications.enums import STAGED_STATES, ApplicationStatus
from applications.models import Application


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
