"""Issue 10 #13: submitting shows a summary and asks first; the same file uploaded twice gets a warning."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.enums import ApplicationStatus
from tests.factories import ApplicationFactory
from tests.factories.applications import PDF_BYTES
from tests.programmes.html import texts_by_testid

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(db):
    return ApplicationFactory(complete=True, title="Open budget hearings")


@pytest.fixture
def contact(client, complete):
    client.force_login(complete.contact_person)
    return client


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_submit_page_shows_summary_and_asks_without_submitting(contact, complete):
    response = contact.get(reverse("applications:submit", args=[complete.pk]))

    complete.refresh_from_db()
    assert complete.status == ApplicationStatus.DRAFT
    summary = texts_by_testid(response, "submit-summary")[0]
    assert summary.startswith("Change project Open budget hearings Team ")
    assert "Attachments Mandate letter: mandate-letter.pdf" in summary
    assert b"Yes, submit the application" in response.content


def test_post_without_confirmation_only_shows_the_question(contact, complete):
    response = contact.post(reverse("applications:submit", args=[complete.pk]))

    complete.refresh_from_db()
    assert (response.status_code, complete.status) == (200, ApplicationStatus.DRAFT)
    assert len(texts_by_testid(response, "submit-summary")) == 1


def test_confirmed_post_submits(contact, complete):
    response = contact.post(reverse("applications:submit", args=[complete.pk]), {"confirmed": "yes"})

    complete.refresh_from_db()
    assert (response.url, complete.status) == (
        reverse("applications:status", args=[complete.pk]),
        ApplicationStatus.SUBMITTED,
    )


def test_checklist_leads_to_the_question_not_straight_to_submission(contact, complete):
    response = contact.get(reverse("applications:checklist", args=[complete.pk]))

    html = response.content.decode()
    assert f'href="{reverse("applications:submit", args=[complete.pk])}"' in html
    assert f'action="{reverse("applications:submit", args=[complete.pk])}"' not in html


def _upload(client, application, name):
    return client.post(
        reverse("applications:attachments", args=[application.pk]),
        {"kind": "mandate_letter", "file": SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")},
        follow=True,
    )


def test_same_file_uploaded_twice_warns(contact):
    draft = ApplicationFactory()
    contact.force_login(draft.contact_person)
    _upload(contact, draft, "mandate.pdf")

    response = _upload(contact, draft, "mandate (1).pdf")

    assert _messages(response) == [
        "The file is uploaded.",
        "This is the same file as “mandate.pdf” (Mandate letter), uploaded before. "
        "If that was a mistake, delete one of them.",
    ]


def test_different_file_does_not_warn(contact):
    draft = ApplicationFactory()
    contact.force_login(draft.contact_person)
    _upload(contact, draft, "mandate.pdf")

    response = contact.post(
        reverse("applications:attachments", args=[draft.pk]),
        {
            "kind": "mandate_letter",
            "file": SimpleUploadedFile("other.pdf", PDF_BYTES + b"%% v2\n", content_type="application/pdf"),
        },
        follow=True,
    )

    assert _messages(response) == ["The file is uploaded."]
