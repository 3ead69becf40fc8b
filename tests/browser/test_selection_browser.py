"""A reviewer declares no conflict, scores and submits; staff rank, accept two, waitlist one and release;
the teams receive their e-mails."""

import os

import pytest
from django.core import mail

from applications.enums import ApplicationStatus
from tests.factories import (
    ApplicationFactory,
    IntakeFactory,
    ReviewAssignmentFactory,
    RubricCriterionFactory,
    StaffFactory,
    UserFactory,
    scored_review,
)
from tests.factories.accounts import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
def test_reviewer_scores_staff_decide_and_release(page, live_server, login, transactional_db, logout):
    intake = IntakeFactory(closed=True, team_places=2)
    relevance = RubricCriterionFactory(intake=intake, name="Relevance", weight=60, max_score=3, order=0)
    commitment = RubricCriterionFactory(intake=intake, name="Commitment", weight=40, max_score=6, order=1)
    best = ApplicationFactory(intake=intake, under_review=True, title="Ward budget hearings")
    good = ApplicationFactory(intake=intake, under_review=True, title="Open permits register")
    fair = ApplicationFactory(intake=intake, under_review=True, title="Youth council")
    scored_review(application=good, scores=[3, 5])
    scored_review(application=fair, scores=[1, 1])
    reviewer = UserFactory(email="expert@example.org", full_name="Tomás Herrera", country="CO")
    ReviewAssignmentFactory(application=best, reviewer=reviewer)
    staff = StaffFactory(email="manager@example.org")
    page.on("dialog", lambda dialog: dialog.accept())

    # --- The reviewer: conflict question first, then the scores beside the application.
    login(page, reviewer.email, PASSWORD)
    page.goto(f"{live_server.url}/selection/reviews/")
    page.get_by_role("link", name="Ward budget hearings").click()
    page.get_by_role("heading", name="First: any conflict of interest?").wait_for()
    assert best.problem not in page.content()
    page.get_by_label("No, I have no conflict of interest").check()
    page.get_by_role("button", name="Send my declaration").click()
    page.get_by_text(best.problem).wait_for()
    page.locator(f"select[name=score_{relevance.pk}]").select_option("3")
    page.locator(f"select[name=score_{commitment.pk}]").select_option("6")
    page.get_by_label("Your recommendation").select_option("accept")
    page.get_by_label("Overall comment").fill("A real problem, a committed council.")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Your draft is saved.").wait_for()
    assert page.get_by_test_id("total").inner_text() == "100.00"
    page.get_by_role("button", name="Submit review").click()
    page.get_by_text("Your review is submitted. Thank you!").wait_for()
    page.get_by_test_id("progress").get_by_text("1 of 1 submitted").wait_for()
    logout(page)

    # --- Staff: the ranking, two accepted, one on the waiting list, release.
    login(page, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/selection/intakes/{intake.pk}/ranking/")
    means = page.get_by_test_id("mean").all_inner_texts()
    assert means == ["100.00", "93.33", "26.67"]
    page.locator(f"#choose-{best.pk}").check()
    page.locator(f"#choose-{good.pk}").check()
    page.locator("#id_outcome").select_option("accepted")
    page.locator("#id_reason").fill("A strong change project with real local commitment.")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("2 decisions recorded.").wait_for()
    page.get_by_test_id("places").get_by_text("2 of 2 places accepted").wait_for()
    page.locator(f"#choose-{fair.pk}").check()
    page.locator("#id_outcome").select_option("waitlisted")
    page.locator("#id_reason").fill("A good project; the places are taken.")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("1 decisions recorded.").wait_for()
    assert mail.outbox == [] or all("review" in m.subject.lower() for m in mail.outbox)
    page.get_by_role("navigation", name="Selection steps").get_by_role("link", name="Release").click()
    page.get_by_role("button", name="Release the decisions and e-mail the teams").click()
    page.get_by_text("3 teams are being told of their decision.").wait_for()

    decision_mails = [m for m in mail.outbox if m.to[0] in {a.contact_person.email for a in (best, good, fair)}]
    by_team = {m.to[0]: m for m in decision_mails}
    assert len(decision_mails) == 3
    assert "/selection/confirm/" in by_team[best.contact_person.email].body
    assert "/selection/confirm/" in by_team[good.contact_person.email].body
    assert "waiting list" in by_team[fair.contact_person.email].body
    for application, status in [
        (best, ApplicationStatus.ACCEPTED),
        (good, ApplicationStatus.ACCEPTED),
        (fair, ApplicationStatus.WAITLISTED),
    ]:
        application.refresh_from_db()
        assert application.status == status


# The ranking table's own scroll box and the page, in pixels.
SCROLL_WIDTHS = """() => {
  const box = document.querySelector('[data-testid=ranking]').closest('.table-responsive');
  return {page: document.documentElement.scrollWidth, box: box.clientWidth, table: box.scrollWidth};
}"""


@pytest.mark.browser
def test_ranking_on_a_phone_scrolls_inside_its_table_and_filters_sit_apart(phone, live_server, login, transactional_db):
    intake = IntakeFactory(closed=True, team_places=2)
    RubricCriterionFactory(intake=intake, name="Relevance", weight=60, max_score=3, order=0)
    RubricCriterionFactory(intake=intake, name="Commitment", weight=40, max_score=6, order=1)
    for title, scores in [("Ward budget hearings", [3, 6]), ("Open permits register", [2, 5])]:
        application = ApplicationFactory(intake=intake, under_review=True, title=title)
        for name in ("Birgitta Olsson", "Claire Dubois", "Rahul Mehta"):
            scored_review(application=application, scores=scores, full_name=name)
    staff = StaffFactory()
    login(phone, staff.email, PASSWORD)

    phone.goto(f"{live_server.url}/selection/intakes/{intake.pk}/ranking/?view=normalised")
    widths = phone.evaluate(SCROLL_WIDTHS)
    country = phone.get_by_label("Country", exact=True).bounding_box()
    label = phone.locator("label[for=id_country]").bounding_box()
    countries = phone.get_by_test_id("countries").all_inner_texts()

    assert widths["page"] == 390
    assert widths["table"] > widths["box"]
    assert label["y"] + label["height"] <= country["y"]
    assert countries == ["Kenya", "Kenya"]
