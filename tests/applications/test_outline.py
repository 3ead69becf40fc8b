import re

from django.urls import reverse

from applications.enums import ApplicationStatus
from applications.models import WORD_LIMITS
from applications.outline import SECTIONS
from tests.factories import ApplicationFactory, IntakeFactory, UserFactory


def _url(application, section="problem", autosave=False):
    url = reverse("applications:outline", kwargs={"pk": application.pk, "section": section})
    return url + "autosave/" if autosave else url


def test_outline_section_saves_answers_in_any_script_exactly(contact_client, team):
    ours = team["ours"]
    answers = {
        "title": "Бюджет участия — حوار المواطنين",
        "problem": "Les habitants des quartiers précaires ne sont pas entendus.",
        "objectives": "Организовать публичные слушания в каждом районе.",
        "target_group": "سكان الأحياء غير الرسمية",
    }

    response = contact_client.post(_url(ours), answers)

    ours.refresh_from_db()
    assert response.status_code == 302
    assert [getattr(ours, name) for name in answers] == list(answers.values())


def test_outline_over_word_limit_refused_and_every_field_kept(contact_client, team):
    ours = team["ours"]
    too_long = " ".join(["слово"] * (WORD_LIMITS["problem"] + 1))
    posted = {"title": "Новый заголовок", "problem": too_long, "objectives": "Keep me", "target_group": ""}

    response = contact_client.post(_url(ours), posted)

    ours.refresh_from_db()
    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors["problem"] == ["Please shorten this answer to 300 words or fewer (it has 301)."]
    assert [form["title"].value(), form["problem"].value(), form["objectives"].value()] == [
        "Новый заголовок",
        too_long,
        "Keep me",
    ]
    assert ours.title == "Our change project"


def test_outline_save_and_continue_goes_to_next_section(contact_client, team):
    response = contact_client.post(_url(team["ours"]), {"title": "T", "next": ""})

    assert response.url == _url(team["ours"], "focus")


def test_outline_core_areas_and_sdgs_saved_as_lists(contact_client, team):
    ours = team["ours"]

    contact_client.post(_url(ours, "focus"), {"core_areas": ["equality", "accountability"], "sdgs": ["5", "16"]})

    ours.refresh_from_db()
    assert (ours.core_areas, ours.sdgs) == (["equality", "accountability"], [5, 16])


def test_outline_unknown_section_answers_404(contact_client, team):
    response = contact_client.get(_url(team["ours"], "nonsense"))

    assert response.status_code == 404


def test_autosave_saves_valid_answers_and_names_the_invalid_one(contact_client, team):
    ours = team["ours"]
    too_long = " ".join(["word"] * (WORD_LIMITS["objectives"] + 5))

    response = contact_client.post(
        _url(ours, autosave=True),
        {"title": "Autosaved title", "problem": "Autosaved problem", "objectives": too_long},
        headers={"HX-Request": "true"},
    )

    ours.refresh_from_db()
    assert (ours.title, ours.problem, ours.objectives) == (
        "Autosaved title",
        "Autosaved problem",
        "Hold public budget hearings in every ward and publish the results.",
    )
    assert response.context["errors"] == [
        ("Objectives", ["Please shorten this answer to 200 words or fewer (it has 205)."])
    ]


def test_autosave_refuses_get(contact_client, team):
    response = contact_client.get(_url(team["ours"], autosave=True))

    assert response.status_code == 405


def test_outline_page_has_autosave_and_word_limits(contact_client, team):
    response = contact_client.get(_url(team["ours"]))

    widget = response.context["form"].fields["problem"].widget.attrs
    assert (widget["data-word-limit"], widget["hx-trigger"], widget["hx-post"]) == (
        300,
        "keyup changed delay:3s, change",
        _url(team["ours"], autosave=True),
    )


def test_printable_questions_list_every_section_with_limits(client, db):
    response = client.get(reverse("applications:questions"))

    groups = response.context["groups"]
    assert [str(g["section"].title) for g in groups] == [
        "The problem and your objectives",
        "Core areas and goals",
        "Stakeholders, citizens and results",
        "Local commitment",
        "Baseline and earlier work",
    ]
    assert [(q["label"], q["word_limit"]) for q in groups[0]["questions"]] == [
        ("Title of the change project", None),
        ("The problem the change project addresses", 300),
        ("Objectives", 200),
        ("Target group", 150),
    ]


def test_overview_edit_links_name_their_section(client, db):
    application = ApplicationFactory()
    client.force_login(application.contact_person)

    response = client.get(reverse("applications:detail", kwargs={"pk": application.pk}))

    names = re.findall(r'>Edit<span class="visually-hidden"> ([^<]+)</span>', response.content.decode())
    assert names == [section.title for section in SECTIONS]


def test_header_of_a_decided_application_does_not_warn_of_a_passed_deadline(client, db):
    application = ApplicationFactory(intake=IntakeFactory(closed=True), status=ApplicationStatus.ACCEPTED)
    client.force_login(application.contact_person)

    response = client.get(reverse("applications:detail", kwargs={"pk": application.pk}))

    assert "Deadline passed" not in response.content.decode()


def test_outline_word_limit_stated_once_in_the_help_text(contact_client, team):
    response = contact_client.get(_url(team["ours"]))

    html = response.content.decode()
    helps = {
        name: re.sub(r"<[^>]+>", "", re.search(rf'<div id="id_{name}_helptext" class="form-text">(.*?)</div>', html)[1])
        for name in ("problem", "target_group")
    }
    assert helps == {
        "problem": "At most 300 words.",
        "target_group": "Who benefits? For example the urban poor or excluded groups. At most 150 words.",
    }
    assert [html.count("At most 300 words"), html.count("At most 150 words")] == [1, 1]
    # outline.js turns this same element into the live count.
    assert "<span data-word-count>At most 300 words.</span>" in html


def test_autosave_note_is_in_the_intakes_zone_then_the_writers(client, db):
    from datetime import UTC, datetime
    from unittest import mock

    writer = UserFactory(time_zone="America/La_Paz")
    with mock.patch("django.utils.timezone.now", return_value=datetime(2027, 1, 20, 13, 21, tzinfo=UTC)):
        # Open on the day of the autosave (a draft is read-only after its deadline), whenever the test runs.
        intake = IntakeFactory(time_zone="Europe/Paris", closes_at=datetime(2027, 3, 1, tzinfo=UTC))
        ours = ApplicationFactory(contact_person=writer, intake=intake)
        client.force_login(writer)
        response = client.post(_url(ours, autosave=True), {"title": "Autosaved"}, headers={"HX-Request": "true"})

    assert re.findall(r"Saved at [^<]*", response.content.decode()) == ["Saved at 14:21 CET — 09:21 in La Paz."]
