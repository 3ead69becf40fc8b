"""Issue 10 #9: a submitted application has a short reference and a receipt time in the intake's zone."""

from datetime import UTC, datetime
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from applications import services
from tests.factories import ApplicationFactory, IntakeFactory, ProgrammeFactory, StaffFactory
from tests.programmes.html import texts_by_testid

pytestmark = pytest.mark.django_db

# 14 March 2027, 23:59:20 in Stockholm (CET, UTC+1).
PRESSED = datetime(2027, 3, 14, 22, 59, 20, tzinfo=UTC)


@pytest.fixture
def intake(db):
    programme = ProgrammeFactory(title="Leadership in Local Governance")
    return IntakeFactory(
        programme=programme,
        time_zone="Europe/Stockholm",
        opens_at=datetime(2027, 1, 10, tzinfo=UTC),
        closes_at=datetime(2027, 3, 14, 22, 59, 59, 999_999, tzinfo=UTC),
    )


def _submit(application):
    with mock.patch("django.utils.timezone.now", return_value=PRESSED):
        services.application_submit(application=application, by=application.contact_person)
    application.refresh_from_db()
    return application


def test_references_are_numbered_within_the_intake(intake):
    ApplicationFactory(intake=IntakeFactory(), complete=True)  # another intake's numbers are its own
    first = ApplicationFactory(intake=intake, complete=True)
    second = ApplicationFactory(intake=intake, complete=True)

    references = [_submit(first).reference, _submit(second).reference]

    assert references == ["LLG-2027-001", "LLG-2027-002"]


def test_resubmission_after_reopening_keeps_the_reference(intake):
    application = _submit(ApplicationFactory(intake=intake, complete=True))
    services.application_reopen(application=application, by=StaffFactory(), reason="Add the CVs")

    again = _submit(application)

    assert again.reference == "LLG-2027-001"


def test_submission_email_carries_reference_and_time(intake, django_capture_on_commit_callbacks):
    application = ApplicationFactory(intake=intake, complete=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        _submit(application)

    message = mail.outbox[0]
    assert message.subject.endswith("Your application to Leadership in Local Governance was received (LLG-2027-001)")
    assert "Reference: LLG-2027-001\nReceived: 14 March 2027, 23:59:20 CET\n" in message.body


def test_status_page_shows_the_receipt(client, intake):
    application = _submit(ApplicationFactory(intake=intake, complete=True))
    client.force_login(application.contact_person)

    response = client.get(reverse("applications:status", args=[application.pk]))

    assert texts_by_testid(response, "receipt") == ["Reference LLG-2027-001 · received 14 March 2027, 23:59:20 CET"]


def test_staff_list_shows_and_finds_references(staff_client, intake):
    ApplicationFactory(intake=intake)  # a draft: no reference yet
    _submit(ApplicationFactory(intake=intake, complete=True))

    listing = staff_client.get(reverse("applications:staff_list", args=[intake.pk]))
    found = staff_client.get(reverse("applications:staff_list", args=[intake.pk]), {"q": "llg-2027-001"})

    assert texts_by_testid(listing, "reference") == ["—", "LLG-2027-001"]
    assert texts_by_testid(found, "reference") == ["LLG-2027-001"]
