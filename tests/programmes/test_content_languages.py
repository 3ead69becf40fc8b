"""Staff-written content in the reader's language (django-modeltranslation), English where a translation is missing."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

from programmes.models import Intake, Programme
from tests.factories import IntakeFactory, PhaseFactory, ProgrammeFactory, RubricCriterionFactory

from .html import texts_by_testid

pytestmark = pytest.mark.django_db


@pytest.fixture
def intake():
    """Programme, intake, phases and rubric written in English, partly translated into French only."""
    programme = ProgrammeFactory(
        title_en="Leadership in Local Governance",
        title_fr="Leadership dans la gouvernance locale",
        summary_en="Teams change how their municipality works.",
        summary_fr="Des équipes changent le fonctionnement de leur commune.",
    )
    intake = IntakeFactory(
        programme=programme,
        name_en="2027 intake, East Africa",
        name_fr="Session 2027, Afrique de l'Est",
        faq_en="## Who may apply?\n\nTeams of three to five.",
        faq_fr="## Qui peut postuler ?\n\nDes équipes de trois à cinq personnes.",
    )
    PhaseFactory(intake=intake, name_en="Phase 1 in Sweden", name_fr="Phase 1 en Suède", place="Visby, Sweden")
    PhaseFactory(intake=intake, name_en="Final seminar", place="Nairobi, Kenya")
    RubricCriterionFactory(
        intake=intake,
        name_en="Relevance of the change project",
        name_fr="Pertinence du projet de changement",
        description_en="Does it address a real problem?",
        description_fr="Répond-il à un vrai problème ?",
        guidance_en="5: a problem the team has measured.",
        guidance_fr="5 : un problème que l'équipe a mesuré.",
        weight=60,
        order=1,
    )
    RubricCriterionFactory(
        intake=intake, name_en="Feasibility", description_en="Can the team do it?", weight=40, order=2
    )
    return intake


def _intake_page(client, intake, language):
    return client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}), HTTP_ACCEPT_LANGUAGE=language)


def test_intake_page_in_french_shows_the_french_texts_and_english_where_none(client, intake):
    response = _intake_page(client, intake, "fr")

    assert texts_by_testid(response, "intake-heading") == [
        "Leadership dans la gouvernance locale: Session 2027, Afrique de l'Est"
    ]
    assert [text.split(",")[0] for text in texts_by_testid(response, "phase")] == [
        "Phase 1 en Suède",
        "Final seminar",
    ]
    assert texts_by_testid(response, "criterion") == [
        "Pertinence du projet de changementRépond-il à un vrai problème ?60%",
        "FeasibilityCan the team do it?40%",
    ]
    assert texts_by_testid(response, "faq") == ["Qui peut postuler ? Des équipes de trois à cinq personnes."]


def test_intake_page_in_spanish_falls_back_to_english_throughout(client, intake):
    intake.programme.title_es = "Liderazgo en la gobernanza local"
    intake.programme.save()

    response = _intake_page(client, intake, "es")

    assert texts_by_testid(response, "intake-heading") == ["Liderazgo en la gobernanza local: 2027 intake, East Africa"]
    assert [text.split(",")[0] for text in texts_by_testid(response, "phase")] == ["Phase 1 in Sweden", "Final seminar"]
    assert texts_by_testid(response, "criterion") == [
        "Relevance of the change projectDoes it address a real problem?60%",
        "FeasibilityCan the team do it?40%",
    ]
    assert texts_by_testid(response, "faq") == ["Who may apply? Teams of three to five."]


def test_catalogue_in_the_users_language(client, intake):
    ProgrammeFactory(title_en="Urban Planning")

    french = client.get(reverse("programmes:catalogue"), HTTP_ACCEPT_LANGUAGE="fr")
    spanish = client.get(reverse("programmes:catalogue"), HTTP_ACCEPT_LANGUAGE="es")

    assert texts_by_testid(french, "programme-title") == ["Leadership dans la gouvernance locale", "Urban Planning"]
    assert texts_by_testid(spanish, "programme-title") == ["Leadership in Local Governance", "Urban Planning"]


def test_catalogue_search_finds_a_programme_by_its_text_in_any_language(client, intake):
    response = client.get(reverse("programmes:catalogue"), {"q": "gouvernance"}, HTTP_ACCEPT_LANGUAGE="en")

    assert texts_by_testid(response, "programme-title") == ["Leadership in Local Governance"]


def test_staff_intake_page_marks_the_missing_languages(staff_client, intake):
    intake.name_es = intake.name_pt = "2027"
    intake.save()

    response = staff_client.get(reverse("programmes:staff_intake_detail", kwargs={"pk": intake.pk}))

    # The intake lacks its FAQ in Spanish and Portuguese; each phase and criterion what it lacks.
    assert texts_by_testid(response, "missing-languages") == [
        "missing: es, pt",
        "missing: es, pt",
        "missing: fr, es, pt",
        "missing: es, pt",
        "missing: fr, es, pt",
    ]


def test_staff_programme_form_saves_each_language_and_the_badge_goes(staff_client):
    programme = ProgrammeFactory(title_en="Urban Planning", summary_en="Plans.", objectives="", expected_outcomes="")
    data = {
        "title_en": "Urban Planning",
        "title_fr": "Urbanisme",
        "title_es": "Planificación urbana",
        "title_pt": "Planeamento urbano",
        "slug": programme.slug,
        "summary_en": "Plans.",
        "summary_fr": "Des plans.",
        "summary_es": "Planes.",
        "summary_pt": "Planos.",
        "offers": ["training"],
        "languages": "English",
    }

    response = staff_client.post(reverse("programmes:staff_programme_update", kwargs={"pk": programme.pk}), data)
    listing = staff_client.get(reverse("programmes:staff_programme_list"))

    programme.refresh_from_db()
    assert response.status_code == 302
    assert [programme.title_en, programme.title_fr, programme.title_es, programme.title_pt] == [
        "Urban Planning",
        "Urbanisme",
        "Planificación urbana",
        "Planeamento urbano",
    ]
    assert texts_by_testid(listing, "missing-languages") == []


def test_staff_programme_form_requires_english_only(staff_client):
    response = staff_client.post(
        reverse("programmes:staff_programme_create"),
        {"title_fr": "Urbanisme", "summary_fr": "Des plans.", "slug": "urbanisme", "languages": "French"},
    )

    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == ["summary_en", "title_en"]
    assert response.context["form"]["title_fr"].label == "Title (French)"
    assert Programme.objects.count() == 0


def test_migration_copies_the_existing_texts_into_the_english_column():
    """The texts written before translations existed become the English ones (the migration's data step)."""
    intake = IntakeFactory(name="Old intake", faq="Old answers")
    Intake.objects.filter(pk=intake.pk).update(name_en=None, faq_en=None)  # as right after the columns were added
    migration = importlib.import_module("programmes.migrations.0005_content_in_each_language")
    state = MigrationLoader(connection).project_state(("programmes", "0005_content_in_each_language"))

    migration.copy_to_english(state.apps, None)

    intake.refresh_from_db()
    assert (intake.name_en, intake.faq_en, intake.programme.title_en) == (
        "Old intake",
        "Old answers",
        intake.programme.title,
    )
