"""Issue 10, item 10: what calls really vary, set per intake — word limits per outline question, which
documents are required or accepted, and the largest upload (the portal's setting is the ceiling)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications import services
from applications.checks import checklist
from applications.enums import AttachmentKind
from programmes.models import Intake
from tests.factories import ApplicationFactory, AttachmentFactory, IntakeFactory, TeamMemberFactory
from tests.factories.applications import PDF_BYTES
from tests.programmes.html import texts_by_testid

MB = 1024 * 1024


def _words(count: int) -> str:
    return " ".join(["ward"] * count)


def _outline(client, application, data):
    return client.post(reverse("applications:outline", kwargs={"pk": application.pk, "section": "problem"}), data)


def _upload(client, application, *, kind, content=PDF_BYTES, member=None):
    data = {"kind": kind, "file": SimpleUploadedFile("document.pdf", content, content_type="application/pdf")}
    if member is not None:
        data["member"] = member.pk
    return client.post(reverse("applications:attachments", kwargs={"pk": application.pk}), data)


# --- Word limits -------------------------------------------------------------------------------------


def test_intake_word_limit_lower_than_default_refused_with_its_number_and_input_kept(contact_client, team):
    ours = team["ours"]
    Intake.objects.filter(pk=ours.intake_id).update(word_limits={"problem": 20})
    posted = {"title": "Open budget hearings", "problem": _words(21), "objectives": "Hearings in every ward"}

    response = _outline(contact_client, ours, posted)

    ours.refresh_from_db()
    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors == {"problem": ["Please shorten this answer to 20 words or fewer (it has 21)."]}
    assert [form["title"].value(), form["problem"].value(), form["objectives"].value()] == [
        "Open budget hearings",
        _words(21),
        "Hearings in every ward",
    ]
    assert (ours.title, form.fields["problem"].widget.attrs["data-word-limit"]) == ("Our change project", 20)


def test_intake_word_limit_higher_than_default_accepts_a_longer_answer(contact_client, team):
    ours = team["ours"]
    Intake.objects.filter(pk=ours.intake_id).update(word_limits={"problem": 500})

    response = _outline(contact_client, ours, {"title": "T", "problem": _words(450)})

    ours.refresh_from_db()
    assert response.status_code == 302
    assert ours.problem == _words(450)


def test_other_questions_keep_the_default_limit(contact_client, team):
    ours = team["ours"]
    Intake.objects.filter(pk=ours.intake_id).update(word_limits={"problem": 500})

    response = _outline(contact_client, ours, {"title": "T", "objectives": _words(201)})

    assert response.context["form"].errors == {
        "objectives": ["Please shorten this answer to 200 words or fewer (it has 201)."]
    }


def test_answer_over_a_limit_lowered_later_blocks_submission_and_says_which(db):
    application = ApplicationFactory(complete=True, problem=_words(40))
    Intake.objects.filter(pk=application.intake_id).update(word_limits={"problem": 30})
    application.refresh_from_db()

    outline_item = checklist(application)[0]
    with pytest.raises(ValidationError):
        services.application_submit(application=application, by=application.contact_person)

    assert (outline_item.ok, outline_item.details) == (
        False,
        ["Shorten “The problem the change project addresses” to 30 words or fewer (it has 40)."],
    )


def test_printable_questions_show_the_intakes_own_limit(client, db):
    intake = IntakeFactory(word_limits={"problem": 120})

    response = client.get(reverse("applications:questions"), {"intake": intake.pk})

    first = response.context["groups"][0]["questions"]
    assert [(q["label"], q["word_limit"]) for q in first][:3] == [
        ("Title of the change project", None),
        ("The problem the change project addresses", 120),
        ("Objectives", 200),
    ]


# --- Documents -------------------------------------------------------------------------------------


def test_required_passport_copies_are_listed_per_member_until_each_has_one(db):
    application = ApplicationFactory(complete=True)
    Intake.objects.filter(pk=application.intake_id).update(passport_copies="required")
    application.refresh_from_db()
    members = list(application.members.order_by("pk"))
    for member in members[1:]:
        AttachmentFactory(application=application, kind=AttachmentKind.PASSPORT_COPY, member=member)

    items = {item.label: item for item in checklist(application)}

    assert (items["Passport copies"].ok, items["Passport copies"].details) == (
        False,
        [f"Passport copy of {members[0].user.get_full_name()}"],
    )


def test_team_uploads_a_members_medical_statement_when_the_intake_accepts_it(contact_client, team):
    ours = team["ours"]
    Intake.objects.filter(pk=ours.intake_id).update(medical_statements="optional")
    member = ours.members.get()

    response = _upload(contact_client, ours, kind="medical_statement", member=member)

    assert response.status_code == 302
    assert [(a.kind, a.member) for a in ours.attachments.all()] == [("medical_statement", member)]


def test_members_document_without_the_member_asks_whose(contact_client, team):
    ours = team["ours"]
    Intake.objects.filter(pk=ours.intake_id).update(photos="required")

    response = _upload(contact_client, ours, kind="photo")

    assert response.context["form"].errors == {"member": ["Choose whose photo this is."]}
    assert ours.attachments.count() == 0


def test_document_the_intake_does_not_ask_for_is_refused(contact_client, team):
    ours = team["ours"]  # the default intake asks for neither photos nor passport copies

    response = _upload(contact_client, ours, kind="photo", member=ours.members.get())
    with pytest.raises(ValidationError) as refused:
        services.attachment_add(
            application=ours,
            kind=AttachmentKind.PHOTO,
            uploaded=SimpleUploadedFile("p.pdf", PDF_BYTES),
            by=ours.contact_person,
            member=ours.members.get(),
        )

    assert response.context["form"].errors["kind"] == [
        "Select a valid choice. photo is not one of the available choices."
    ]
    assert refused.value.messages == ["This intake does not ask for this kind of document (Photo)."]
    assert ours.attachments.count() == 0


def test_attachments_page_and_intake_page_state_what_the_intake_asks_for(contact_client, team):
    ours = team["ours"]
    Intake.objects.filter(pk=ours.intake_id).update(
        mandate_letter="required", cvs="not_asked", passport_copies="required", language_certificates="optional"
    )

    page = contact_client.get(reverse("applications:attachments", kwargs={"pk": ours.pk}))
    public = contact_client.get(reverse("programmes:intake_detail", kwargs={"pk": ours.intake_id}))

    assert texts_by_testid(page, "document-asked") == [
        "Mandate letter: required",
        "Passport copies: required",
        "Language certificates: optional",
    ]
    assert [choice for choice, _label in page.context["form"].fields["kind"].choices] == [
        "mandate_letter",
        "passport_copy",
        "language_certificate",
    ]
    public_text = public.content.decode()
    assert "Each member attaches a copy of their passport." in public_text
    assert "Language certificates are optional." in public_text


# --- Largest upload ----------------------------------------------------------------------------------


def test_intake_upload_limit_below_the_portals_refuses_a_bigger_file_and_says_the_limit(contact_client, team, settings):
    settings.PORTAL_MAX_UPLOAD_BYTES = 10 * MB
    ours = team["ours"]
    Intake.objects.filter(pk=ours.intake_id).update(max_upload_mb=1)

    response = _upload(contact_client, ours, kind="mandate_letter", content=PDF_BYTES + b"0" * (2 * MB))
    page = contact_client.get(reverse("applications:attachments", kwargs={"pk": ours.pk}))

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "This file is 2.0 MB; the largest file accepted is 1.0 MB. "
        "Please make it smaller (e.g. scan in black and white) and upload it again."
    ]
    assert ours.attachments.count() == 0
    assert "JPEG and PNG files of at most 1 MB each" in page.content.decode()
    assert page.context["form"].fields["file"].help_text == "At most 1 MB per file."


def test_portal_ceiling_applies_when_it_is_lower_than_the_intakes(db, settings):
    settings.PORTAL_MAX_UPLOAD_BYTES = 2 * MB
    intake = IntakeFactory(max_upload_mb=5)

    assert intake.max_upload_bytes() == 2 * MB


# --- Staff set them on the intake form ---------------------------------------------------------------


def _intake_form_data(intake, **overrides):
    local_open, local_close = intake.local(intake.opens_at), intake.local(intake.closes_at)
    data = {
        "name_en": intake.name,
        "time_zone": intake.time_zone,
        "opens_on": local_open.date().isoformat(),
        "opens_time": local_open.strftime("%H:%M"),
        "closes_on": local_close.date().isoformat(),
        "closes_time": local_close.strftime("%H:%M"),
        "team_places": "10",
        "min_team_size": "3",
        "max_team_size": "5",
        "min_politicians": "1",
        "min_officials": "1",
        "min_civil_society": "1",
        "mandate_letter": "required",
        "cvs": "optional",
        "passport_copies": "required",
        "photos": "not_asked",
        "medical_statements": "optional",
        "language_certificates": "not_asked",
        "max_upload_mb": "4",
        "words_problem": "250",
        "words_objectives": "200",
    }
    data.update(overrides)
    return data


def test_staff_set_documents_upload_limit_and_word_limits_on_the_intake_form(staff_client, settings):
    settings.PORTAL_MAX_UPLOAD_BYTES = 10 * MB
    intake = IntakeFactory()

    response = staff_client.post(
        reverse("programmes:staff_intake_update", kwargs={"pk": intake.pk}), _intake_form_data(intake)
    )

    intake.refresh_from_db()
    assert response.status_code == 302
    assert (intake.passport_copies, intake.medical_statements, intake.photos, intake.max_upload_mb) == (
        "required",
        "optional",
        "not_asked",
        4,
    )
    # Only what differs from the portal's defaults is kept (objectives: 200 is the default).
    assert intake.word_limits == {"problem": 250}


def test_staff_upload_limit_above_the_portals_is_refused_with_the_ceiling_and_input_kept(staff_client, settings):
    settings.PORTAL_MAX_UPLOAD_BYTES = 10 * MB
    intake = IntakeFactory()

    response = staff_client.post(
        reverse("programmes:staff_intake_update", kwargs={"pk": intake.pk}),
        _intake_form_data(intake, max_upload_mb="50", words_problem="0"),
    )

    intake.refresh_from_db()
    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors == {
        "max_upload_mb": ["At most 10 MB: that is the portal's own limit."],
        "words_problem": ["Ensure this value is greater than or equal to 1."],
    }
    assert (form["max_upload_mb"].value(), form["passport_copies"].value()) == ("50", "required")
    assert (intake.max_upload_mb, intake.passport_copies, intake.word_limits) == (None, "not_asked", {})


def test_staff_intake_form_shows_each_questions_limit(staff_client):
    intake = IntakeFactory(word_limits={"timeline": 90})

    response = staff_client.get(reverse("programmes:staff_intake_update", kwargs={"pk": intake.pk}))

    form = response.context["form"]
    assert [form["words_problem"].value(), form["words_timeline"].value()] == [300, 90]


def test_a_copied_intake_keeps_its_document_and_word_settings(db, staff):
    from datetime import timedelta

    from programmes import services as programme_services

    source = IntakeFactory(passport_copies="required", max_upload_mb=3, word_limits={"problem": 150})

    copy = programme_services.intake_copy(
        source=source,
        name="Next year",
        opens_at=source.opens_at + timedelta(days=365),
        closes_at=source.closes_at + timedelta(days=365),
        by=staff,
    )

    assert (copy.passport_copies, copy.max_upload_mb, copy.word_limits) == ("required", 3, {"problem": 150})


def test_new_member_kind_is_counted_once_per_member(db):
    application = ApplicationFactory(complete=True)
    Intake.objects.filter(pk=application.intake_id).update(cvs="not_asked", language_certificates="required")
    application.refresh_from_db()
    for member in application.members.all():
        AttachmentFactory(application=application, kind=AttachmentKind.LANGUAGE_CERTIFICATE, member=member)
    TeamMemberFactory(application=application)

    items = {item.label: item for item in checklist(application)}

    assert items["Language certificates"].ok is False
    assert len(items["Language certificates"].details) == 1
