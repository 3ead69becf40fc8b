import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.validators import sniff_content_type
from tests.accounts.html import select_options
from tests.factories import ApplicationFactory
from tests.factories.applications import PDF_BYTES


def _upload(client, application, name, content, kind="mandate_letter"):
    return client.post(
        reverse("applications:attachments", kwargs={"pk": application.pk}),
        {"kind": kind, "file": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


def _docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("evil.exe", "MZ")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF_BYTES, "application/pdf"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 20, "image/jpeg"),
        (_docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (_zip_bytes(), None),
        (b"MZ\x90\x00\x03" + b"\0" * 20, None),
        (b"just some text", None),
    ],
)
def test_sniff_content_type_reads_content(content, expected):
    assert sniff_content_type(io.BytesIO(content)) == expected


def test_upload_pdf_stored_privately_and_downloaded_through_view(contact_client, team, settings):
    ours = team["ours"]

    _upload(contact_client, ours, "Lettre de mandat — Mairie.pdf", PDF_BYTES)
    attachment = ours.attachments.get()
    response = contact_client.get(
        reverse("applications:attachment_download", kwargs={"pk": ours.pk, "attachment_pk": attachment.pk})
    )

    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "Lettre de mandat — Mairie.pdf",
        "application/pdf",
        len(PDF_BYTES),
    )
    assert attachment.file.name.startswith(f"private/applications/{ours.pk}/")
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment;")
    assert str(settings.MEDIA_ROOT) in attachment.file.path


def test_upload_renamed_exe_refused_by_content(contact_client, team):
    response = _upload(contact_client, team["ours"], "mandate.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\0" * 100)

    assert response.context["form"].errors["file"] == [
        "This file is not a PDF, Word (DOCX), OpenDocument (ODT), JPEG or PNG document, whatever its name says. "
        "Please upload one of those."
    ]
    assert team["ours"].attachments.count() == 0


def test_upload_oversized_refused_with_reason(contact_client, team, settings):
    settings.PORTAL_MAX_UPLOAD_BYTES = 1024 * 1024

    response = _upload(contact_client, team["ours"], "big.pdf", PDF_BYTES + b"0" * (1024 * 1024))

    assert response.context["form"].errors["file"] == [
        "This file is 1.0 MB; the largest file accepted is 1.0 MB. "
        "Please make it smaller (e.g. scan in black and white) and upload it again."
    ]
    assert team["ours"].attachments.count() == 0


def test_attachments_page_states_the_size_limit(contact_client, team, settings):
    settings.PORTAL_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
    settings.PORTAL_MAX_ATTACHMENTS_PER_APPLICATION = 12

    response = contact_client.get(reverse("applications:attachments", kwargs={"pk": team["ours"].pk}))

    assert (
        "Accepted: PDF, Word (DOCX), OpenDocument (ODT), JPEG and PNG files of at most 10 MB each, "
        "and at most 12 files per application. The type is checked from the file's content, not its name."
    ) in response.content.decode()


def test_cv_needs_the_member_it_belongs_to(contact_client, team):
    team["ours"].intake.cvs = "required"
    team["ours"].intake.save()

    response = _upload(contact_client, team["ours"], "cv.pdf", PDF_BYTES, kind="cv")

    assert response.context["form"].errors["member"] == ["Choose whose CV this is."]


def test_attachment_delete_asks_before_deleting(client, db):
    application = ApplicationFactory(complete=True)
    attachment = application.attachments.get()
    client.force_login(application.contact_person)

    response = client.get(
        reverse("applications:attachment_delete", kwargs={"pk": application.pk, "attachment_pk": attachment.pk})
    )

    assert f'<h2 class="h5">Delete {attachment.original_name}?</h2>' in response.content.decode()
    assert list(application.attachments.all()) == [attachment]


def test_attachment_delete_confirmed_deletes_and_says_so(client, db):
    application = ApplicationFactory(complete=True)
    attachment = application.attachments.get()
    client.force_login(application.contact_person)

    response = client.post(
        reverse("applications:attachment_delete", kwargs={"pk": application.pk, "attachment_pk": attachment.pk}),
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == ["The file is deleted."]
    assert list(application.attachments.all()) == []


def test_attachment_cv_dropdown_names_its_empty_choice(contact_client, team):
    application = team["ours"]
    application.intake.cvs = "optional"
    application.intake.save()

    response = contact_client.get(reverse("applications:attachments", kwargs={"pk": application.pk}))

    assert select_options(response, "member") == ["Choose a team member", "Grace Wanjiru"]
