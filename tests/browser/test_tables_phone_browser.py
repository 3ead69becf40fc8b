"""On a 360 px phone, with the keyboard only: every action in the team, screening and ranking tables can be
reached with Tab, is on screen when it has the focus, and works with Enter or Space; the tables scroll in
a focusable region that says when columns are cut off."""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.factories import (
    ApplicationFactory,
    IntakeFactory,
    ReviewAssignmentFactory,
    RubricCriterionFactory,
    StaffFactory,
    scored_review,
)
from tests.factories.accounts import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WIDTH = 360

# Number every action inside a table's scroll region; returns their names.
MARK_ACTIONS = """() => {
  const actions = [...document.querySelectorAll(
    '[data-table-scroll] a[href], [data-table-scroll] button, [data-table-scroll] input:not([type=hidden])'
  )];
  actions.forEach((e, i) => e.setAttribute('data-walk', String(i)));
  const name = e => e.innerText || e.getAttribute('aria-label') || e.id || e.value;
  return actions.map(e => name(e).replace(/\\s+/g, ' ').trim());
}"""

# What has the focus now: which action (if any), whether it is a table region, and whether it is on screen.
FOCUSED = """() => {
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  return {
    walk: e.getAttribute('data-walk'),
    region: e.hasAttribute('data-table-scroll'),
    onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 1
      && r.top >= 0 && r.bottom <= window.innerHeight + 1,
  };
}"""


# The focused element's text (or id), when it is inside a table's region.
FOCUSED_TEXT = """() => {
  const e = document.activeElement;
  if (!e.closest('[data-table-scroll] table')) return null;
  return (e.innerText || e.id || '').replace(/\\s+/g, ' ').trim();
}"""


@pytest.fixture
def narrow(browser):
    # Reduced motion: the page scrolls to the focused element at once, not smoothly, so "on screen" can be read.
    context = browser.new_context(locale="en-GB", viewport={"width": WIDTH, "height": 740}, reduced_motion="reduce")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def _walk(page, *, limit=250):
    """Tab through the whole page; which table actions got the focus, and were they on screen then."""
    names = page.evaluate(MARK_ACTIONS)
    reached, off_screen, regions = set(), set(), 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        regions += focused["region"]
        if focused["walk"] is not None:
            reached.add(int(focused["walk"]))
            if not focused["onScreen"]:
                off_screen.add(names[int(focused["walk"])])
        if len(reached) == len(names) and regions:
            break
    missed = [name for index, name in enumerate(names) if index not in reached]
    return names, missed, sorted(off_screen), regions


def _tab_to(page, pattern, *, limit=250):
    """From the top of the page, press Tab until an element of a table whose text matches `pattern` has the focus."""
    page.reload()
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate(FOCUSED_TEXT)
        if text is not None and re.search(pattern, text):
            return text
    raise AssertionError(f"Nothing matching {pattern!r} took the focus")


@pytest.mark.browser
def test_team_table_actions_by_keyboard_on_a_phone(narrow, live_server, login, transactional_db):
    application = ApplicationFactory(complete=True)
    # Long names (CI once drew "Wesley Ramirez DDS"): the Remove action must still fit on the screen.
    for member in application.members.exclude(user=application.contact_person).select_related("user"):
        member.user.full_name = "Maximiliano Fernández-Rodríguez de la Cruz"
        member.user.save(update_fields=["full_name"])
    login(narrow, application.contact_person.email, PASSWORD)
    narrow.goto(f"{live_server.url}/applications/{application.pk}/team/")

    names, missed, off_screen, regions = _walk(narrow)

    assert [name.split(" ")[0] for name in names] == ["Edit", "Remove", "Remove"]
    assert (missed, off_screen) == ([], [])
    assert regions == 1
    _tab_to(narrow, r"^Remove ")
    narrow.keyboard.press("Enter")
    expect(narrow).to_have_url(re.compile(rf"/applications/{application.pk}/team/\d+/remove/$"))


@pytest.mark.browser
def test_screening_table_actions_by_keyboard_on_a_phone(narrow, live_server, login, transactional_db):
    intake = IntakeFactory(closed=True)
    first = ApplicationFactory(intake=intake, submitted=True, title="Ward budget hearings")
    ApplicationFactory(intake=intake, submitted=True, title="Open permits register")
    staff = StaffFactory()
    login(narrow, staff.email, PASSWORD)
    narrow.goto(f"{live_server.url}/applications/staff/intake/{intake.pk}/")

    names, missed, off_screen, regions = _walk(narrow)
    hint_shown = narrow.locator("[data-table-hint]").is_visible()  # the columns do not all fit

    assert sorted(name for name in names if name.startswith("Screen")) == [
        "Screen Open permits register",
        "Screen Ward budget hearings",
    ]
    assert (missed, off_screen) == ([], [])
    assert regions == 1
    assert hint_shown
    _tab_to(narrow, r"^Screen Ward budget hearings$")
    narrow.keyboard.press("Enter")
    expect(narrow).to_have_url(re.compile(rf"/applications/{first.pk}/screen/$"))


@pytest.mark.browser
def test_ranking_table_actions_by_keyboard_on_a_phone(narrow, live_server, login, transactional_db):
    intake = IntakeFactory(closed=True, team_places=1)
    RubricCriterionFactory(intake=intake, name="Relevance", weight=60, max_score=3, order=0)
    RubricCriterionFactory(intake=intake, name="Commitment", weight=40, max_score=6, order=1)
    for title, scores in [("Ward budget hearings", [3, 6]), ("Open permits register", [2, 5])]:
        application = ApplicationFactory(intake=intake, under_review=True, title=title)
        scored_review(application=application, scores=scores, full_name="Claire Dubois")
    staff = StaffFactory()
    login(narrow, staff.email, PASSWORD)
    narrow.goto(f"{live_server.url}/selection/intakes/{intake.pk}/ranking/")

    names, missed, off_screen, regions = _walk(narrow)
    region = narrow.locator("[data-table-scroll]")
    region.evaluate("box => { box.scrollLeft = 0; }")
    region.focus()
    for _ in range(3):
        narrow.keyboard.press("ArrowRight")
    # Chromium scrolls for arrow keys with an animation: wait (up to 5 s) for the box to have moved.
    narrow.wait_for_function("() => document.querySelector('[data-table-scroll]').scrollLeft > 0", timeout=5_000)
    scrolled = region.evaluate("box => box.scrollLeft")

    assert len(names) == 4  # a checkbox and a "reviews" link per application
    assert (missed, off_screen) == ([], [])
    assert regions == 1
    assert scrolled > 0
    checkbox = _tab_to(narrow, r"^choose-")
    narrow.keyboard.press("Space")
    expect(narrow.locator(f"#{checkbox}")).to_be_checked()
    _tab_to(narrow, r"^reviews$")
    narrow.keyboard.press("Enter")
    expect(narrow).to_have_url(re.compile(r"/selection/applications/\d+/reviews/$"))


@pytest.mark.browser
def test_review_form_is_one_jump_from_the_top_on_a_phone(narrow, live_server, login, transactional_db):
    intake = IntakeFactory(closed=True)
    RubricCriterionFactory(intake=intake, name="Relevance", weight=100, max_score=5, order=0)
    application = ApplicationFactory(intake=intake, under_review=True, complete=True, title="Ward budget hearings")
    assignment = ReviewAssignmentFactory(application=application, declared=True)
    login(narrow, assignment.reviewer.email, PASSWORD)
    narrow.goto(f"{live_server.url}/selection/reviews/{application.pk}/")
    jump = narrow.get_by_test_id("jump-to-scores")
    jump_top = jump.bounding_box()["y"]
    form_top = narrow.get_by_role("heading", name="Your scores").bounding_box()["y"]

    jump.focus()
    narrow.keyboard.press("Enter")

    assert jump_top < 740 < form_top  # the link is on the first screen, the form far below it
    expect(narrow.get_by_role("heading", name="Your scores")).to_be_in_viewport()
    expect(narrow.locator("select[name^=score_]").first).to_be_in_viewport()
