"""Accessibility sweep: axe-core (axe-playwright-python) with the WCAG 2.2 A/AA rules over the main pages of
every role, at 1280 and 360 px, with data (the permission matrix's world) and empty (an intake and people
with nothing yet), and after an htmx swap. No violation allowed.

One browser and one tab: each page is loaded once, checked wide, then narrowed and checked again.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.urls import reverse

from programmes.enums import IntakeRoleType
from tests.factories import ApplicantFactory, IntakeFactory, IntakeRoleFactory, RubricCriterionFactory, UserFactory
from tests.permission_world import world
from tests.test_permission_matrix import KWARGS

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}
WIDE, NARROW = {"width": 1280, "height": 900}, {"width": 360, "height": 740}

# Role → the pages it works on: (URL name, KWARGS entry of the permission matrix). "empty_*" are the
# same kinds of pages with nothing in them yet.
PAGES = {
    "anonymous": [
        ("portal:home", "none"),
        ("programmes:catalogue", "none"),
        ("programmes:programme_detail", "programme_slug"),
        ("programmes:intake_detail", "intake_as_pk"),
        ("portal:privacy", "none"),
        ("account_login", None),
        ("account_signup", None),
    ],
    "applicant_a": [
        ("portal:dashboard", "none"),
        ("applications:detail", "app_a"),
        ("applications:team", "app_a"),
        ("applications:outline", "app_a_section"),
        ("applications:attachments", "app_a"),
        ("applications:checklist", "app_a"),
        ("applications:status", "app_a"),
        ("accounts:profile", "none"),
    ],
    "reviewer": [("selection:queue", "none"), ("selection:review", "app_a"), ("selection:declare_later", "app_a")],
    "mentor": [
        ("portal:dashboard", "none"),
        ("mentoring:my_teams", "none"),
        ("mentoring:team", "team_p"),
        ("mentoring:session_log", "team_p"),
        ("mentoring:session_detail", "coaching_session"),
    ],
    "participant": [
        ("portal:dashboard", "none"),
        ("change_projects:dashboard", "project"),
        ("change_projects:plan", "project"),
        ("change_projects:reports", "project"),
        ("portal:calendar", "none"),
    ],
    "staff": [
        ("programmes:staff_programme_list", "none"),
        ("programmes:staff_intake_detail", "intake_as_pk"),
        ("programmes:staff_intake_update", "intake_as_pk"),
        ("applications:staff_list", "intake"),
        ("selection:intake_home", "intake"),
        ("selection:assignments", "intake"),
        ("selection:ranking", "intake"),
        ("selection:release", "intake"),
        ("selection:balance", "intake"),  # an htmx fragment opened directly
        ("selection:application_reviews", "app_a"),
        ("reports:job_status", "report_job"),  # an htmx fragment opened directly
        ("selection:template_edit", "template_accepted"),
        ("mentoring:overview", "none"),
        ("change_projects:intake_overview", "intake_p_projects"),
        ("reports:intake", "intake"),
        ("study_visits:attendance_summary", "visit"),
    ],
    "empty_applicant": [("portal:dashboard", "none"), ("reports:mine", "none")],
    "empty_reviewer": [("selection:queue", "none")],
    "empty_staff": [
        ("applications:staff_list", "intake"),
        ("selection:assignments", "intake"),
        ("selection:ranking", "intake"),
        ("programmes:staff_intake_detail", "intake_as_pk"),
    ],
}


def _empty_world(w):
    """An intake nobody has applied to yet, a new applicant and a reviewer with nothing assigned."""
    empty = type(w)(**vars(w))
    empty.intake = IntakeFactory(programme=w.programme, closed=True)
    RubricCriterionFactory(intake=empty.intake, weight=100)
    reviewer = UserFactory()
    IntakeRoleFactory(intake=empty.intake, user=reviewer, role=IntakeRoleType.REVIEWER)
    people = {"empty_applicant": ApplicantFactory(), "empty_reviewer": reviewer, "empty_staff": w.staff}
    return empty, people


def _log_in(context, live_server, user):
    context.clear_cookies()
    if user is None:
        return
    client = Client()
    client.force_login(user)  # a full login, second factor included (tests/conftest.py)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _violations(axe, page):
    results = axe.run(page, options=AXE_OPTIONS)
    return sorted(
        f"{violation['id']}: {', '.join(' '.join(node['target']) for node in violation['nodes'][:3])}"
        for violation in results.response["violations"]
    )


def _balance_swapped(page):
    """The ranking's balance panel, fetched again by htmx as after a decision."""
    with page.expect_response(lambda response: "/balance/" in response.url):
        page.evaluate("() => htmx.trigger(document.body, 'decided')")
    page.wait_for_function("() => document.querySelector('#balance') && !document.querySelector('.htmx-settling')")


@pytest.mark.browser
def test_main_pages_of_every_role_have_no_axe_violation(browser, live_server, transactional_db):
    w = world()
    empty, empty_people = _empty_world(w)
    context = browser.new_context(locale="en-GB", viewport=WIDE)
    context.set_default_timeout(20_000)
    page = context.new_page()
    axe = Axe()
    found, statuses, checked = {}, {}, 0

    for role, pages in PAGES.items():
        user = empty_people.get(role, getattr(w, role, None))
        source = empty if role.startswith("empty_") else w
        _log_in(context, live_server, user)
        for name, kwargs in pages:
            url = live_server.url + reverse(name, kwargs=KWARGS[kwargs](source) if kwargs else None)
            page.set_viewport_size(WIDE)
            response = page.goto(url)
            statuses[(role, name)] = response.status
            states = [("1280", None), ("360", NARROW)]
            if name == "selection:ranking" and role == "staff":
                states.append(("360 after an htmx swap", "swap"))
            for label, change in states:
                if change == "swap":
                    _balance_swapped(page)
                elif change:
                    page.set_viewport_size(change)
                violations = _violations(axe, page)
                checked += 1
                if violations:
                    found[f"{role} {name} {label}"] = violations
    context.close()

    assert {key: status for key, status in statuses.items() if status != 200} == {}
    assert found == {}
    assert checked == 2 * sum(len(pages) for pages in PAGES.values()) + 1


@pytest.mark.browser
def test_the_sweep_reports_a_violation_when_there_is_one(browser, live_server, transactional_db):
    """The sweep above can fail: an image without a text alternative and an unlabelled field are found."""
    context = browser.new_context(locale="en-GB", viewport=NARROW)
    page = context.new_page()
    page.goto(live_server.url + reverse("portal:privacy"))
    page.evaluate(
        """() => document.querySelector('main').insertAdjacentHTML(
             'beforeend', '<img src="/static/none.png"><input type="text" name="unlabelled">')"""
    )

    violations = _violations(Axe(), page)
    context.close()

    assert [line.split(":")[0] for line in violations] == ["image-alt", "label"]
