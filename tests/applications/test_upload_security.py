"""Uploads are typed by their content (portal.uploads): names, extensions, macros, bombs, limits, audit."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.models import Activity, Audience
from tests.factories import StaffFactory
from tests.factories.applications import PDF_BYTES

POLYGLOT = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"
REFUSED_TYPE = (
    "This file is not a PDF, Word (DOCX), OpenDocument (ODT), JPEG or PNG document, whatever its name says. "
    "Please upload one of those."
)
MACROS = "This document contains macros. Please save it as a plain document (DOCX, ODT or PDF)."


def _upload(client, application, name, content):
    return client.post(
        reverse("applications:attachments", kwargs={"pk": application.pk}),
        {"kind": "mandate_letter", "file": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


def _zip(files: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, format="PNG")
    return buffer.getvalue()


DOCX_TYPES = (
    '<Types><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
DOCM_TYPES = (
    '<Types><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
)


def _errors(response):
    return response.context["form"].errors["file"]


def test_pdf_polyglot_named_html_is_stored_and_downloaded_as_a_pdf_attachment(contact_client, team):
    ours = team["ours"]

    _upload(contact_client, ours, "report.html", POLYGLOT)
    attachment = ours.attachments.get()
    response = contact_client.get(
        reverse("applications:attachment_download", kwargs={"pk": ours.pk, "attachment_pk": attachment.pk})
    )

    assert (attachment.original_name, attachment.content_type) == ("report.pdf", "application/pdf")
    assert attachment.file.name.endswith(".pdf")
    assert (response["Content-Disposition"], response["Content-Type"], response["X-Content-Type-Options"]) == (
        'attachment; filename="report.pdf"',
        "application/pdf",
        "nosniff",
    )
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        pytest.param(
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            REFUSED_TYPE,
            id="svg",
        ),
        pytest.param("cv.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>", REFUSED_TYPE, id="html"),
        pytest.param("mandate.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\0" * 100, REFUSED_TYPE, id="exe named pdf"),
        pytest.param("letter.docx", _zip({"evil.exe": b"MZ"}), REFUSED_TYPE, id="zip that is no document"),
        pytest.param(
            "photo.png", b"\x89PNG\r\n\x1a\n<script>alert(1)</script>", "This image is damaged.", id="png header only"
        ),
    ],
)
def test_files_that_are_not_accepted_documents_are_refused(contact_client, team, name, content, error):
    response = _upload(contact_client, team["ours"], name, content)

    assert _errors(response) == [error]
    assert team["ours"].attachments.count() == 0


def test_macro_document_renamed_docx_is_refused(contact_client, team):
    docm = _zip(
        {"[Content_Types].xml": DOCM_TYPES, "word/document.xml": "<w:document/>", "word/vbaProject.bin": b"\xd0\xcf"}
    )

    response = _upload(contact_client, team["ours"], "letter.docx", docm)

    assert _errors(response) == [MACROS]
    assert team["ours"].attachments.count() == 0


def test_macro_enabled_content_type_without_the_binary_is_refused(contact_client, team):
    docm = _zip({"[Content_Types].xml": DOCM_TYPES, "word/document.xml": "<w:document/>"})

    assert _errors(_upload(contact_client, team["ours"], "letter.docx", docm)) == [MACROS]


def test_zip_bomb_named_docx_is_refused(contact_client, team):
    bomb = _zip({"[Content_Types].xml": DOCX_TYPES, "word/document.xml": b"\0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100 * 1024

    response = _upload(contact_client, team["ours"], "letter.docx", bomb)

    assert _errors(response) == ["This document unpacks to an implausible size; it cannot be accepted."]
    assert team["ours"].attachments.count() == 0


def test_docx_odt_and_png_are_accepted_with_their_own_extension(contact_client, team):
    ours = team["ours"]
    docx = _zip({"[Content_Types].xml": DOCX_TYPES, "word/document.xml": "<w:document>Mandate</w:document>"})
    odt = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"})

    _upload(contact_client, ours, "Mandat.DOCX", docx)
    _upload(contact_client, ours, "mandat", odt)
    _upload(contact_client, ours, "scan.pdf", _png())

    assert sorted(ours.attachments.values_list("original_name", "content_type")) == [
        ("Mandat.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("mandat.odt", "application/vnd.oasis.opendocument.text"),
        ("scan.png", "image/png"),
    ]
    assert sorted(a.file.name.rsplit(".", 1)[1] for a in ours.attachments.all()) == ["docx", "odt", "png"]


def test_an_application_has_at_most_the_configured_number_of_files(contact_client, team, settings):
    settings.PORTAL_MAX_ATTACHMENTS_PER_APPLICATION = 3
    ours = team["ours"]

    answers = [_upload(contact_client, ours, f"letter-{i}.pdf", PDF_BYTES).status_code for i in range(3)]
    fourth = _upload(contact_client, ours, "letter-4.pdf", PDF_BYTES)

    assert answers == [302, 302, 302]
    assert _errors(fourth) == ["An application can have at most 3 files. Delete one before adding another."]
    assert ours.attachments.count() == 3


def test_who_downloaded_which_applicant_file_is_recorded_for_staff(client, team):
    ours = team["ours"]
    client.force_login(ours.contact_person)
    _upload(client, ours, "cv.pdf", PDF_BYTES)
    attachment = ours.attachments.get()
    staff = StaffFactory()
    client.force_login(staff)

    client.get(reverse("applications:attachment_download", kwargs={"pk": ours.pk, "attachment_pk": attachment.pk}))

    [entry] = Activity.objects.filter(verb="downloaded a file")
    assert (entry.obj, entry.actor, entry.audience, entry.parent_object_id, entry.data["name"]) == (
        attachment,
        staff,
        Audience.STAFF,
        ours.pk,
        "cv.pdf",
    )
