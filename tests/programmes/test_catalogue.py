"""The public catalogue: only what is published, deadlines in words, the call to action."""

from datetime import date, timedelta

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tests.factories import ApplicantFactory, IntakeFactory, PhaseFactory, ProgrammeFactory

from .html import texts_by_tag, texts_by_testid


@pytest.fixture
def mixed_catalogue(db):
    """Published and unpublished programmes and intakes, so a leak would show."""
    visible = ProgrammeFactory(title="Leadership in Local Governance", slug="leadership")
    IntakeFactory(programme=visible, name="2027 intake")
    IntakeFactory(programme=visible, name="Draft 2028 intake", draft=True)
    hidden = ProgrammeFactory(title="Secret draft programme", slug="secret", draft=True)
    IntakeFactory(programme=hidden, name="Published intake of a draft programme")
    return visible, hidden


def _apply_label():
    try:
        reverse("applications:start", kwargs={"intake_pk": 1})
    except NoReverseMatch:
        return "Online applications open here soon."
    return "Apply with your team"


def test_catalogue_lists_only_published_programmes_and_intakes(client, mixed_catalogue):
    response = client.get(reverse("programmes:catalogue"))

    assert texts_by_testid(response, "programme-title") == ["Leadership in Local Governance"]
    assert texts_by_testid(response, "intake-name") == ["2027 intake"]


def test_draft_programme_page_is_404_for_visitors(client, mixed_catalogue):
    _visible, hidden = mixed_catalogue

    response = client.get(reverse("programmes:programme_detail", kwargs={"slug": hidden.slug}))

    assert response.status_code == 404


def test_draft_intake_and_intake_of_draft_programme_are_404(client, mixed_catalogue):
    visible, hidden = mixed_catalogue
    draft_intake = visible.intakes.get(name="Draft 2028 intake")
    orphan = hidden.intakes.get()

    statuses = [
        client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk})).status_code
        for intake in (draft_intake, orphan)
    ]

    assert statuses == [404, 404]


def test_programme_page_lists_only_published_intakes(client, mixed_catalogue):
    visible, _hidden = mixed_catalogue

    response = client.get(reverse("programmes:programme_detail", kwargs={"slug": visible.slug}))

    assert texts_by_testid(response, "intake-name") == ["2027 intake"]


def test_catalogue_search_matches_title_and_summary(client, db):
    ProgrammeFactory(title="Leadership in Local Governance", summary="Inclusive leadership.")
    ProgrammeFactory(title="Urban Planning", summary="Planning with residents and gender equality.")
    ProgrammeFactory(title="Public Finance", summary="Transparent budgets.")

    response = client.get(reverse("programmes:catalogue"), {"q": "equality"})

    assert texts_by_testid(response, "programme-title") == ["Urban Planning"]


def test_catalogue_filter_by_country_keeps_only_intakes_open_to_it(client, db):
    africa = ProgrammeFactory(title="Leadership in Local Governance")
    IntakeFactory(programme=africa, name="East Africa 2027", eligible_countries=["KE", "TZ", "UG"])
    IntakeFactory(programme=africa, name="Andes 2027", eligible_countries=["BO", "CO"])
    IntakeFactory(programme=ProgrammeFactory(title="Asia only"), name="Mekong 2027", eligible_countries=["VN", "KH"])

    response = client.get(reverse("programmes:catalogue"), {"country": "KE"})

    assert texts_by_testid(response, "programme-title") == ["Leadership in Local Governance"]
    assert texts_by_testid(response, "intake-name") == ["East Africa 2027"]


def test_catalogue_filter_open_hides_closed_intakes(client, db):
    programme = ProgrammeFactory(title="Leadership in Local Governance")
    IntakeFactory(programme=programme, name="Open intake")
    IntakeFactory(programme=programme, name="Closed intake", closed=True)
    IntakeFactory(programme=ProgrammeFactory(title="Only closed"), name="Old intake", closed=True)

    response = client.get(reverse("programmes:catalogue"), {"window": "open"})

    assert texts_by_testid(response, "programme-title") == ["Leadership in Local Governance"]
    assert texts_by_testid(response, "intake-name") == ["Open intake"]


def test_catalogue_filter_closed_shows_closed_intakes(client, db):
    programme = ProgrammeFactory(title="Leadership in Local Governance")
    IntakeFactory(programme=programme, name="Open intake")
    IntakeFactory(programme=programme, name="Closed intake", closed=True)

    response = client.get(reverse("programmes:catalogue"), {"window": "closed"})

    assert texts_by_testid(response, "intake-name") == ["Closed intake"]


def test_catalogue_with_no_match_says_so(client, db):
    IntakeFactory(eligible_countries=["KE"])

    response = client.get(reverse("programmes:catalogue"), {"country": "SE"})

    assert texts_by_testid(response, "programme-title") == []
    assert "No programme matches your search. Try another country or clear the filters." in texts_by_tag(response, "p")


def test_catalogue_empty_says_nothing_is_published(client, db):
    ProgrammeFactory(draft=True)

    response = client.get(reverse("programmes:catalogue"))

    assert "No programme is published yet. Please come back later." in texts_by_tag(response, "p")


def test_open_intake_shows_apply_call_to_action(client, db):
    intake = IntakeFactory()

    response = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert texts_by_testid(response, "apply-status") == [_apply_label()]


def test_closed_intake_says_applications_closed(client, db):
    intake = IntakeFactory(closed=True)

    response = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert texts_by_testid(response, "apply-status") == ["Applications closed"]


def test_intake_closed_one_minute_ago_says_applications_closed(client, db):
    intake = IntakeFactory(closes_at=timezone.now() - timedelta(minutes=1))

    response = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert texts_by_testid(response, "apply-status") == ["Applications closed"]


def test_logged_in_visitor_from_ineligible_country_told_instead_of_button(client, db):
    intake = IntakeFactory(eligible_countries=["KE", "TZ"])
    client.force_login(ApplicantFactory(country="SE"))

    response = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert texts_by_testid(response, "apply-status") == [
        "Teams from Sweden (the country in your profile) cannot apply to this intake."
    ]


def test_logged_in_visitor_from_eligible_country_sees_call_to_action(client, db):
    intake = IntakeFactory(eligible_countries=["KE", "TZ"])
    client.force_login(ApplicantFactory(country="TZ"))

    response = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert texts_by_testid(response, "apply-status") == [_apply_label()]


def test_intake_page_states_eligibility_in_plain_words(client, db):
    intake = IntakeFactory(
        eligible_countries=["VN", "BO", "KE"],
        eligible_organisation_types=["municipality", "cso"],
        min_team_size=3,
        max_team_size=5,
        min_politicians=1,
        min_officials=2,
        min_civil_society=1,
        warn_gender_imbalance=False,
        mandate_letter="required",
        cvs="not_asked",
        exclude_previous_participants=True,
        min_english_level="B1",
        max_age=None,
    )

    response = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert texts_by_testid(response, "eligibility-rule") == [
        "Teams from Bolivia, Kenya and Vietnam.",
        "Led by one of these kinds of organisation: municipality and civil-society organisation.",
        "A team of 3 to 5 people.",
        "The team includes at least 1 elected politician, 2 officials and 1 civil-society member.",
        "A mandate letter signed by the municipality or region is required.",
        "People who took part in an earlier intake may not apply again.",
        "Each member has at least B1 – intermediate English (self-declared).",
    ]


def test_intake_page_shows_phases_as_timeline_in_order(client, db):
    intake = IntakeFactory()
    PhaseFactory(intake=intake, name="Home phase", place="", starts_on=date(2027, 9, 20), ends_on=date(2028, 1, 31))
    PhaseFactory(
        intake=intake,
        name="Phase 1 in Sweden",
        place="Stockholm",
        starts_on=date(2027, 9, 6),
        ends_on=date(2027, 9, 17),
    )

    response = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert texts_by_testid(response, "phase") == [
        "Phase 1 in Sweden, Stockholm 6 September 2027 to 17 September 2027",
        "Home phase 20 September 2027 to 31 January 2028",
    ]


def test_catalogue_with_unknown_filter_values_still_lists_programmes(client, db):
    IntakeFactory(programme=ProgrammeFactory(title="Leadership in Local Governance"))

    response = client.get(reverse("programmes:catalogue"), {"country": "XX", "window": "someday", "page": "abc"})

    assert texts_by_testid(response, "programme-title") == ["Leadership in Local Governance"]
