"""Issue 10 #3: after the deadline (and without an extension) a draft is read-only and says why."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from applications import services
from applications.display import deadline_text
from applications.models import Application
from tests.factories import ApplicationFactory, IntakeFactory
from tests.factories.applications import PDF_BYTES
from tests.programmes.html import texts_by_testid

pytestmark = pytest.mark.django_db

READ_ONLY = (
    "The deadline has passed ({deadline}), so this draft is read-only: it can no longer be changed or submitted. "
    "If something stopped your team, write to the programme team: they can extend your deadline."
)


@pytest.fixture
def late_draft(db):
    """A draft whose intake closed 70 seconds ago."""
    now = timezone.now()
    intake = IntakeFactory(opens_at=now - timedelta(days=30), closes_at=now - timedelta(seconds=70))
    return ApplicationFactory(intake=intake, title="Late but keen")


@pytest.fixture
def late_client(client, late_draft):
    client.force_login(late_draft.contact_person)
    return client


def test_outline_edit_after_close_refused(late_client, late_draft):
    response = late_client.post(
        reverse("applications:outline", args=[late_draft.pk, "problem"]), {"title": "Changed after the deadline"}
    )

    assert response.status_code == 403
    assert Application.objects.get(pk=late_draft.pk).title == "Late but keen"


def test_autosave_after_close_refused(late_client, late_draft):
    response = late_client.post(
        reverse("applications:outline_autosave", args=[late_draft.pk, "problem"]), {"title": "Autosaved late"}
    )

    assert response.status_code == 403
    assert Application.objects.get(pk=late_draft.pk).title == "Late but keen"


def test_upload_seventy_seconds_late_refused(late_client, late_draft):
    response = late_client.post(
        reverse("applications:attachments", args=[late_draft.pk]),
        {"kind": "mandate_letter", "file": SimpleUploadedFile("late.pdf", PDF_BYTES, content_type="application/pdf")},
    )

    assert response.status_code == 403
    assert late_draft.attachments.count() == 0


def test_services_refuse_edits_after_close(late_draft):
    with pytest.raises(services.ApplicationLocked):
        services.outline_save(application=late_draft, by=late_draft.contact_person, data={"title": "Late"})


def test_closed_draft_says_why(late_client, late_draft):
    response = late_client.get(reverse("applications:detail", args=[late_draft.pk]))

    assert texts_by_testid(response, "read-only") == [READ_ONLY.format(deadline=deadline_text(late_draft))]


def test_outline_of_closed_draft_leads_to_the_explanation(late_client, late_draft):
    response = late_client.get(reverse("applications:outline", args=[late_draft.pk, "problem"]), follow=True)

    assert response.redirect_chain == [(reverse("applications:detail", args=[late_draft.pk]), 302)]
    assert len(texts_by_testid(response, "read-only")) == 1


def test_extension_reopens_the_draft(late_client, late_draft, staff):
    services.application_extend_deadline(
        application=late_draft, until=timezone.now() + timedelta(days=2), by=staff, reason="Power cut"
    )

    response = late_client.post(
        reverse("applications:outline", args=[late_draft.pk, "problem"]),
        {"title": "Finished with the extension", "problem": "p", "objectives": "o", "target_group": "t"},
    )
    page = late_client.get(reverse("applications:detail", args=[late_draft.pk]))

    assert response.status_code == 302
    assert Application.objects.get(pk=late_draft.pk).title == "Finished with the extension"
    assert texts_by_testid(page, "read-only") == []


def test_open_draft_is_not_read_only(client):
    draft = ApplicationFactory()
    client.force_login(draft.contact_person)

    response = client.get(reverse("applications:detail", args=[draft.pk]))

    assert texts_by_testid(response, "read-only") == []
