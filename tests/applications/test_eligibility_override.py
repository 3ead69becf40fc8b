"""Eligibility overrides and the intake's composition rules (issue 10, item 5)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from applications import services
from applications.checks import eligibility_checks
from applications.enums import ApplicationStatus as S
from applications.selectors import application_timeline
from programmes.enums import MemberRoleType
from programmes.models import Intake
from tests.factories import ApplicationFactory, AttachmentFactory, IntakeFactory, TeamMemberFactory
from tests.programmes.html import texts_by_testid

JUSTIFICATION = "Two women joined the team after submission; their letters are on file."


def _team_of_three_men(*, status="submitted", **intake_kwargs):
    intake = IntakeFactory(closed=status != "history", **intake_kwargs)
    application = ApplicationFactory(intake=intake, **{status: True}, contact_person__gender="man")
    application.members.update(gender="man")
    TeamMemberFactory(application=application, role_type=MemberRoleType.POLITICIAN, gender="man")
    TeamMemberFactory(application=application, role_type=MemberRoleType.CIVIL_SOCIETY, gender="man")
    AttachmentFactory(application=application, uploaded_by=application.contact_person)  # the mandate letter
    return application


def _composition(application):
    [check] = [c for c in eligibility_checks(application) if str(c.label) == "Team composition"]
    return check.ok, check.details


@pytest.mark.parametrize(("min_women", "expected"), [(1, False), (0, True)])
def test_three_men_pass_team_composition_only_when_the_intake_asks_for_no_woman(db, min_women, expected):
    application = _team_of_three_men(min_women=min_women, warn_gender_imbalance=False)

    ok, details = _composition(application)

    assert ok is expected
    assert details == ([] if expected else ["The team needs at least 1 woman; it has 0."])


def test_screening_page_shows_the_failed_composition_check(staff_client, db):
    application = _team_of_three_men(min_women=1)

    response = staff_client.get(reverse("applications:screen", kwargs={"pk": application.pk}))

    [composition] = [text for text in texts_by_testid(response, "eligibility-check") if "Team composition" in text]
    assert composition.startswith("✗ No — Team composition The team needs at least 1 woman; it has 0.")


def test_a_gender_minimum_of_two_counts_the_women(db):
    application = _team_of_three_men(min_women=2, warn_gender_imbalance=False)
    application.members.filter(role_type=MemberRoleType.CIVIL_SOCIETY).update(gender="woman")

    assert _composition(application) == (False, ["The team needs at least 2 women; it has 1."])


def test_a_draft_team_of_men_cannot_submit_and_sees_why(client, db):
    application = _team_of_three_men(status="history", min_women=1)  # a draft
    client.force_login(application.contact_person)

    team_page = client.get(reverse("applications:team", kwargs={"pk": application.pk}))

    assert "The team needs at least 1 woman; it has 0." in team_page.content.decode()
    with pytest.raises(ValidationError) as refused:
        services.application_submit(application=application, by=application.contact_person)
    assert refused.value.messages == ["The application is not complete yet: Team composition."]


def test_the_team_sees_the_composition_rules_before_submitting(client, db):
    intake = IntakeFactory(min_politicians=1, min_officials=1, min_civil_society=1, min_women=1)
    application = ApplicationFactory(intake=intake)
    client.force_login(application.contact_person)
    expected = [
        "A team of 3 to 5 people.",
        "The team includes at least 1 elected politician, 1 official and 1 civil-society member.",
        "The team includes at least 1 woman.",
        "Teams with a balance of women and men are encouraged.",
    ]

    pages = [
        client.get(reverse(name, kwargs={"pk": application.pk}))
        for name in ("applications:team", "applications:detail")
    ]

    assert [texts_by_testid(page, "composition-rule") for page in pages] == [expected, expected]


def test_marking_eligible_a_team_that_fails_a_check_needs_a_justification(
    staff_client, staff, db, django_capture_on_commit_callbacks
):
    application = _team_of_three_men(min_women=1)
    url = reverse("applications:screen", kwargs={"pk": application.pk})

    refused = staff_client.post(url, {"decision": "eligible", "reason": "", "justification": "  "})
    application.refresh_from_db()
    status_after_refusal = application.status
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, {"decision": "eligible", "reason": "", "justification": JUSTIFICATION})
    application.refresh_from_db()

    assert refused.context["form"].errors["justification"] == [
        "The application fails these checks: Team composition. Please write why it is eligible all the same."
    ]
    assert status_after_refusal == S.SUBMITTED
    assert application.status == S.ELIGIBLE
    staff_feed = [(a.verb, a.reason, a.audience) for a in application_timeline(application=application)]
    assert (
        "marked the application eligible although it fails: Team composition",
        JUSTIFICATION,
        "staff",
    ) in staff_feed
    team_feed = [a.reason for a in application_timeline(application=application, for_team=True)]
    assert JUSTIFICATION not in team_feed
    assert [JUSTIFICATION in m.body for m in mail.outbox] == [False, False, False]  # one per member


def test_an_override_leaving_the_suggested_reason_as_it_was_tells_the_team_nothing_of_the_failed_check(
    staff_client, db, django_capture_on_commit_callbacks
):
    """The reason box comes filled with the failed checks (for a "not eligible" decision); marked eligible
    with that text untouched, the team must not read "Reason: the team needs at least 1 woman"."""
    application = _team_of_three_men(min_women=1)
    url = reverse("applications:screen", kwargs={"pk": application.pk})
    suggested = staff_client.get(url).context["form"].initial["reason"]

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, {"decision": "eligible", "reason": suggested, "justification": JUSTIFICATION})
    application.refresh_from_db()

    assert "needs at least 1 woman" in suggested
    assert application.status == S.ELIGIBLE
    team_feed = [a.reason for a in application_timeline(application=application, for_team=True)]
    assert [("woman" in reason) for reason in team_feed] == [False] * len(team_feed)
    assert [("woman" in m.body) for m in mail.outbox] == [False, False, False]


def test_the_service_refuses_an_override_without_a_justification(staff, db):
    application = _team_of_three_men(min_women=1)

    with pytest.raises(ValidationError) as refused:
        services.application_screen(application=application, by=staff, eligible=True, reason="", justification="")

    assert refused.value.code == "justification"


@pytest.mark.parametrize(("trait", "decision"), [("ineligible", "eligible"), ("eligible", "ineligible")])
def test_reversing_a_screening_needs_a_comment(staff_client, staff, db, trait, decision):
    application = ApplicationFactory(**{trait: True}, complete=True)
    url = reverse("applications:screen", kwargs={"pk": application.pk})

    refused = staff_client.post(url, {"decision": decision, "reason": ""})
    application.refresh_from_db()
    status_after_refusal = application.status
    staff_client.post(url, {"decision": decision, "reason": "The mandate letter was misread."})
    application.refresh_from_db()

    assert refused.status_code == 200
    assert status_after_refusal == trait
    assert application.status == decision
    assert application_timeline(application=application)[-1].reason == "The mandate letter was misread."


def test_the_workflow_refuses_a_reversal_without_a_reason(staff, db):
    from portal.workflow import ReasonRequired

    application = ApplicationFactory(ineligible=True, complete=True)

    with pytest.raises(ReasonRequired):
        services.application_transition(application=application, to=S.ELIGIBLE, by=staff)


def test_staff_set_the_women_minimum_on_the_intake_form(staff_client, db):
    intake = IntakeFactory()
    form = staff_client.get(reverse("programmes:staff_intake_update", kwargs={"pk": intake.pk})).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "eligible_countries"}
    data.update(
        {
            "eligible_organisation_types": list(form.initial.get("eligible_organisation_types") or []),
            "min_women": "2",
            "mandate_letter": intake.mandate_letter,
            "cvs": intake.cvs,
        }
    )

    response = staff_client.post(reverse("programmes:staff_intake_update", kwargs={"pk": intake.pk}), data)

    assert response.status_code == 302, response.context["form"].errors
    assert Intake.objects.get(pk=intake.pk).min_women == 2
