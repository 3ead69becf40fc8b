"""A whole call as programme officers run it (issue 10): the tie-break rule set by staff, one team on time
and one seconds late, a screening override with its justification, two reviewers of whom one finds a
conflict after scoring, a tie at the cut-off broken by the rule, decisions with internal reasons and team
messages, the release, and a reserve promoted when an accepted team declines.

The teams' full applications, the other reviews and the assignments are made with factories and services:
the browser drives every step a staff member, a reviewer or a team takes in the issue.
"""

import os
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from applications.enums import ApplicationStatus
from applications.models import Application
from programmes.enums import IntakeRoleType
from programmes.models import Intake
from selection import services
from selection.enums import AssignmentStatus
from selection.models import ReviewAssignment
from tests.factories import (
    ApplicationFactory,
    IntakeFactory,
    IntakeRoleFactory,
    RubricCriterionFactory,
    StaffFactory,
    UserFactory,
    scored_review,
)
from tests.factories.accounts import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

OVERRIDE = "The third member is a woman councillor whose form was filled in wrongly; her letter is on file."
ACCEPT_REASON = "INTERNAL: the strongest local commitment in the committee's view."
ACCEPT_MESSAGE = "The committee liked your plan for ward hearings; we look forward to meeting your team."
WAITLIST_REASON = "INTERNAL: equal on the mean, lower on relevance under the tie-break rule."
WAITLIST_MESSAGE = "Your project was a close call; we will write at once if a place becomes free."


def _new_session(browser):
    """Another person's browser: its own cookies."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def _mails_to(application) -> list:
    emails = set(application.members.values_list("user__email", flat=True))
    return [m for m in mail.outbox if m.to[0] in emails]


def _score(page, base_url, *, title, criteria, scores, recommendation):
    page.goto(f"{base_url}/selection/reviews/")
    page.get_by_role("link", name=title).click()
    page.get_by_label("No, I have no conflict of interest").check()
    page.get_by_role("button", name="Send my declaration").click()
    for criterion, score in zip(criteria, scores, strict=True):
        page.locator(f"select[name=score_{criterion.pk}]").select_option(str(score))
    page.get_by_label("Your recommendation").select_option(recommendation)
    page.get_by_role("button", name="Submit review").click()
    page.get_by_text("Your review is submitted. Thank you!").wait_for()


@pytest.mark.browser
def test_full_call_from_the_deadline_to_a_promoted_reserve(browser, page, phone, live_server, login, transactional_db):
    intake = IntakeFactory(
        name="2027 intake, East Africa",
        team_places=2,
        min_team_size=3,
        min_politicians=1,
        min_officials=1,
        min_civil_society=1,
        min_women=1,
    )
    relevance = RubricCriterionFactory(intake=intake, name="Relevance", weight=60, max_score=3, order=0)
    commitment = RubricCriterionFactory(intake=intake, name="Local commitment", weight=40, max_score=6, order=1)
    criteria = [relevance, commitment]
    on_time = ApplicationFactory(
        intake=intake,
        complete=True,
        title="Ward budget hearings",
        contact_person=UserFactory(email="wanjiru@example.org", full_name="Grace Wanjiru"),
    )
    late = ApplicationFactory(
        intake=intake,
        complete=True,
        title="Market traders' forum",
        contact_person=UserFactory(email="late@example.org", full_name="Peter Mwangi"),
    )
    # The third team: submitted with three men, so it fails the intake's rule of at least one woman.
    overridden = ApplicationFactory(intake=intake, complete=True, submitted=True, title="Open permits register")
    overridden.members.update(gender="man")
    # Two more teams already under review, scored by earlier reviewers: one at the top, one below the cut-off.
    top = ApplicationFactory(intake=intake, complete=True, under_review=True, title="Youth council budgets")
    low = ApplicationFactory(intake=intake, complete=True, under_review=True, title="Street lighting audit")
    for application, scores in [(top, [3, 6]), (low, [2, 3])]:
        scored_review(application=application, scores=scores)
        scored_review(application=application, scores=scores)
    staff = StaffFactory(email="officer@example.org", full_name="Ingrid Berg")
    tomas = UserFactory(email="tomas@example.org", full_name="Tomás Herrera", country="CO")
    amina = UserFactory(email="amina@example.org", full_name="Amina Diallo", country="SN")
    for reviewer in (tomas, amina):
        IntakeRoleFactory(intake=intake, user=reviewer, role=IntakeRoleType.REVIEWER)
    page.on("dialog", lambda dialog: dialog.accept())
    phone.on("dialog", lambda dialog: dialog.accept())

    # --- 1. Staff set the intake's tie-break rule in the selection settings.
    login(page, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/selection/intakes/{intake.pk}/")
    page.get_by_label("Break ties by the higher mean on").select_option(label="Relevance")
    page.get_by_label("Then by the smaller spread between reviewers").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The selection settings are saved.").wait_for()

    # --- 2. Two teams press Submit around the close: the first is on time, the second is seconds late.
    login(phone, on_time.contact_person.email, PASSWORD)
    phone.goto(f"{live_server.url}/applications/{on_time.pk}/team/")
    rules = phone.get_by_test_id("composition-rule").all_inner_texts()
    assert rules == [
        "A team of 3 to 5 people.",
        "The team includes at least 1 elected politician, 1 official and 1 civil-society member.",
        "The team includes at least 1 woman.",
        "Teams with a balance of women and men are encouraged.",
    ]
    late_page = _new_session(browser)
    login(late_page, late.contact_person.email, PASSWORD)
    for team_page, application in [(phone, on_time), (late_page, late)]:
        team_page.goto(f"{live_server.url}/applications/{application.pk}/submit/")
        team_page.get_by_role("heading", name="What your team is about to send").wait_for()
    # Both teams have the page open; the call now closes four seconds from now.
    closes_at = timezone.now() + timedelta(seconds=4)
    Intake.objects.filter(pk=intake.pk).update(closes_at=closes_at)
    mail.outbox.clear()
    phone.get_by_role("button", name="Yes, submit the application").click()
    phone.get_by_text("Your application is submitted.").wait_for()
    on_time_submitted_at = Application.objects.get(pk=on_time.pk).submitted_at
    late_page.wait_for_timeout(max(0, (closes_at - timezone.now()).total_seconds()) * 1000 + 300)
    late_page.get_by_role("button", name="Yes, submit the application").click()
    late_page.get_by_text("The deadline for this application has passed.").wait_for()

    assert on_time_submitted_at <= closes_at
    assert re.search(r"/applications/\d+/status/$", phone.url)
    assert re.search(rf"/applications/{late.pk}/checklist/$", late_page.url)
    assert Application.objects.get(pk=late.pk).status == ApplicationStatus.DRAFT
    assert {m.to[0] for m in mail.outbox} == set(on_time.members.values_list("user__email", flat=True))
    late_page.context.close()

    # --- 3. Screening: the on-time team is eligible; the team of three men is marked eligible with a justification.
    page.goto(f"{live_server.url}/applications/{on_time.pk}/screen/")
    page.get_by_role("button", name="Record the decision and tell the team").click()
    page.get_by_text("The decision is recorded and the team is told by e-mail.").wait_for()
    page.goto(f"{live_server.url}/applications/{overridden.pk}/screen/")
    composition = page.get_by_test_id("eligibility-check").filter(has_text="Team composition").inner_text()
    assert composition.startswith("✗ No — Team composition")
    assert "The team needs at least 1 woman; it has 0." in composition
    mail.outbox.clear()
    page.get_by_label("Eligible", exact=True).check()
    page.get_by_role("button", name="Record the decision and tell the team").click()
    page.get_by_text("Please write why it is eligible all the same.").wait_for()
    page.get_by_label("Eligible", exact=True).check()
    page.get_by_label("Reason (sent to the team)").fill("")  # prefilled with the failed checks, for a refusal
    page.get_by_label("Why is it eligible although a check fails? (staff only)").fill(OVERRIDE)
    page.get_by_role("button", name="Record the decision and tell the team").click()
    page.get_by_text("The decision is recorded and the team is told by e-mail.").wait_for()
    page.goto(f"{live_server.url}/applications/{overridden.pk}/status/")
    page.get_by_text("marked the application eligible although it fails: Team composition").wait_for()
    assert OVERRIDE in page.content()
    assert len(mail.outbox) == 3  # one per member
    assert not any(OVERRIDE in m.body for m in mail.outbox)

    # Assignments (by the service staff use): Tomás reviews both, Amina the on-time team, a third reviewer
    # already scored the overridden team.
    for application, reviewer in [(on_time, tomas), (overridden, tomas), (on_time, amina)]:
        services.assignment_create(application=Application.objects.get(pk=application.pk), reviewer=reviewer, by=staff)
    scored_review(application=overridden, scores=[2, 6], full_name="Lars Nilsson")

    # --- 4. Two reviewers score; Amina then finds a conflict of interest with the team she scored.
    tomas_page = _new_session(browser)
    login(tomas_page, tomas.email, PASSWORD)
    _score(
        tomas_page,
        live_server.url,
        title="Ward budget hearings",
        criteria=criteria,
        scores=[3, 3],
        recommendation="accept",
    )
    _score(
        tomas_page,
        live_server.url,
        title="Open permits register",
        criteria=criteria,
        scores=[2, 6],
        recommendation="accept",
    )
    tomas_page.get_by_test_id("progress").get_by_text("2 of 2 submitted").wait_for()
    tomas_page.context.close()
    amina_page = _new_session(browser)
    login(amina_page, amina.email, PASSWORD)
    _score(
        amina_page,
        live_server.url,
        title="Ward budget hearings",
        criteria=criteria,
        scores=[1, 1],
        recommendation="reject",
    )
    mail.outbox.clear()
    amina_page.get_by_role("link", name="Ward budget hearings").click()
    amina_page.get_by_role("link", name="Declare a conflict of interest with this team").click()
    amina_page.get_by_label("Kind of conflict").select_option("personal")
    amina_page.get_by_label("Note").fill("I only now saw that my brother-in-law is the team's politician.")
    amina_page.get_by_role("button", name="Declare the conflict").click()
    amina_page.get_by_text("Thank you. Your review of this application no longer counts").wait_for()
    assert amina_page.get_by_role("link", name="Ward budget hearings").count() == 0
    amina_page.context.close()

    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert "Amina Diallo declared a conflict of interest with the application “Ward budget hearings”" in (
        mail.outbox[0].body
    )
    assert "The application now has 1 valid review of 2 required." in mail.outbox[0].body
    page.goto(f"{live_server.url}/selection/intakes/{intake.pk}/conflicts/")
    row = page.locator("tr", has_text="Amina Diallo").filter(has_text="Ward budget hearings")
    assert "brother-in-law" in row.inner_text()
    assert row.get_by_test_id("valid-reviews").inner_text() == "1 of 2"
    page.goto(f"{live_server.url}/selection/applications/{on_time.pk}/reviews/")
    assert page.get_by_test_id("valid-reviews").inner_text() == (
        "1 valid review of 2 required (submitted and not voided)."
    )
    voided = ReviewAssignment.objects.get(application=on_time, reviewer=amina)
    assert voided.status == AssignmentStatus.VOIDED

    # Staff assign a replacement from the conflicts page; the replacement scores as Tomás did.
    birgitta = UserFactory(email="replacement@example.org", full_name="Birgitta Olsson", country="SE")
    IntakeRoleFactory(intake=intake, user=birgitta, role=IntakeRoleType.REVIEWER)
    page.goto(f"{live_server.url}/selection/intakes/{intake.pk}/conflicts/")
    page.get_by_test_id("replace").click()
    page.locator("#id_one-reviewer").select_option(label="Birgitta Olsson")
    page.get_by_role("button", name="Assign", exact=True).click()
    page.get_by_text("The reviewer is assigned.").wait_for()
    scored_review(application=on_time, reviewer=birgitta, scores=[3, 3])

    # --- 5. The ranking: equal means at the cut-off, ordered by the rule stated above the table.
    page.goto(f"{live_server.url}/selection/intakes/{intake.pk}/ranking/")
    rule = page.get_by_test_id("tie-break-rule").inner_text()
    table = page.get_by_test_id("ranking")
    titles = table.locator("tbody tr[data-application] label").all_inner_texts()
    ranks = [t.strip() for t in table.locator("tbody tr[data-application] td:nth-child(2)").all_inner_texts()]

    assert rule.startswith(
        "Equal means are ordered by the higher mean on “Relevance”, then by the smaller spread between reviewers;"
    )
    assert titles == ["Youth council budgets", "Ward budget hearings", "Open permits register", "Street lighting audit"]
    assert page.get_by_test_id("mean").all_inner_texts() == ["100.00", "80.00", "80.00", "60.00"]
    assert ranks == ["1", "2 tie broken by the rule", "3 tie broken by the rule", "4"]
    assert page.get_by_test_id("reviews").all_inner_texts() == ["2 of 2"] * 4

    # --- 6. Decisions with internal reasons and team messages, then the release.
    for chosen, outcome, reason, message in [
        ((top, on_time), "accepted", ACCEPT_REASON, ACCEPT_MESSAGE),
        ((overridden, low), "waitlisted", WAITLIST_REASON, WAITLIST_MESSAGE),
    ]:
        for application in chosen:
            page.locator(f"#choose-{application.pk}").check()
        page.locator("#id_outcome").select_option(outcome)
        page.locator("#id_reason").fill(reason)
        page.locator("#id_message").fill(message)
        page.get_by_role("button", name="Record the decision").click()
        page.get_by_text("2 decisions recorded.").wait_for()
    mail.outbox.clear()
    page.get_by_role("navigation", name="Selection steps").get_by_role("link", name="Release").click()
    page.get_by_role("button", name="Release the decisions and e-mail the teams").click()
    page.get_by_text("4 teams are being told of their decision.").wait_for()

    phone.goto(f"{live_server.url}/applications/{on_time.pk}/status/")
    phone.get_by_text(ACCEPT_MESSAGE).wait_for()
    assert ACCEPT_REASON not in phone.content()
    [to_contact] = [m for m in _mails_to(on_time) if m.to == [on_time.contact_person.email]]
    assert ACCEPT_MESSAGE in to_contact.body
    assert "/selection/confirm/" in to_contact.body
    assert all(ACCEPT_REASON not in m.body and WAITLIST_REASON not in m.body for m in mail.outbox)
    assert all(WAITLIST_MESSAGE in m.body and "as reserve 1" in m.body for m in _mails_to(overridden))
    assert all("as reserve 2" in m.body for m in _mails_to(low))
    assert len(mail.outbox) == sum(len(_mails_to(a)) for a in (top, on_time, overridden, low))

    # --- 7. The top team declines; staff offer its place to reserve 1 and release it.
    [to_top] = [m for m in _mails_to(top) if m.to == [top.contact_person.email]]
    confirm_path = re.search(r"/selection/confirm/\S+/", to_top.body).group(0)
    top_page = _new_session(browser)
    top_page.goto(f"{live_server.url}{confirm_path}")
    top_page.get_by_label("Why is your team declining? (optional)").fill("Our mayor called early elections.")
    top_page.get_by_role("button", name="We decline our place").click()
    top_page.get_by_text("Your team has declined its place. Thank you for telling us.").wait_for()
    top_page.context.close()

    page.get_by_role("navigation", name="Selection steps").get_by_role("link", name="Confirmations").click()
    page.get_by_text("1 place is free").wait_for()
    page.get_by_text("Top of the waiting list: “Open permits register” (mean 80.00).").wait_for()
    page.get_by_label("Reason for offering the place").fill("INTERNAL: reserve 1 after the top team declined.")
    page.get_by_role("button", name="Offer the place").click()
    page.get_by_text("The place is offered to “Open permits register”.").wait_for()
    mail.outbox.clear()
    page.get_by_role("navigation", name="Selection steps").get_by_role("link", name="Release").click()
    page.get_by_role("button", name="Release the decisions and e-mail the teams").click()
    page.get_by_text("1 teams are being told of their decision.").wait_for()

    statuses = dict(Application.objects.filter(intake=intake).values_list("title", "status"))
    assert statuses == {
        "Youth council budgets": ApplicationStatus.WITHDRAWN,
        "Ward budget hearings": ApplicationStatus.ACCEPTED,
        "Open permits register": ApplicationStatus.ACCEPTED,
        "Street lighting audit": ApplicationStatus.WAITLISTED,
        "Market traders' forum": ApplicationStatus.DRAFT,
    }
    promoted = _mails_to(overridden)
    assert len(promoted) == 3
    assert all("is selected for" in m.body and "/selection/confirm/" in m.body for m in promoted)
    assert "INTERNAL" not in "".join(m.body for m in mail.outbox)
