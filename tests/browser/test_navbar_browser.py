"""The navigation bar keeps one row at 1280 px for the people with the most links, in every
language; its menus work with the keyboard; on a phone the menu button gives every link."""

import os

import pytest
from django.conf import settings

from programmes.enums import IntakeRoleType
from tests.factories import IntakeFactory, IntakeRoleFactory, StaffFactory, UserFactory
from tests.factories.accounts import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The bar's own parts, top level: the brand, each link or menu button, the language form.
# Each one's top and bottom, and the bar's height.
ROWS = """() => {
  const box = e => e.getBoundingClientRect();
  const parts = [
    document.querySelector(".navbar-brand"),
    ...document.querySelectorAll("#main-nav > .navbar-nav > li"),
    document.querySelector("#main-nav > form"),
  ];
  return {
    parts: parts.map(e => [e.textContent.trim().replace(/\\s+/g, " "), box(e).top, box(e).bottom]),
    bar: box(document.querySelector("nav.navbar")).height,
  };
}"""
# Staff's destinations behind the menus (English), with their addresses; the account menu is
# under the person's name.
NAME = "Ingrid Lindqvist-Johansson"
STAFF_MENUS = {
    "Intakes": [
        ("Manage programmes", "/programmes/staff/"),
        ("Selection", "/selection/intakes/"),
        ("Reports", "/reports/"),
    ],
    "Teams": [("Study visits", "/study-visits/"), ("Mentoring", "/mentoring/overview/")],
    NAME: [("Your profile", "/profile/"), ("Admin", "/admin/")],
}
ADMIN = "/admin/"  # Django's admin has its own layout, without the bar
STAFF_LINKS = [("Dashboard", "/dashboard/"), ("Programmes", "/programmes/")]


def _staff():
    """Programme staff who also reach the Django admin: the role with the most links."""
    return StaffFactory(full_name=NAME, is_staff=True)


def _reviewer_and_mentor():
    user = UserFactory(full_name="Thandiwe Mukamurenzi-Okonkwo")
    IntakeRoleFactory(intake=IntakeFactory(), user=user, role=IntakeRoleType.REVIEWER)
    IntakeRoleFactory(intake=IntakeFactory(), user=user, role=IntakeRoleType.MENTOR)
    return user


def _staff_reviewer_and_mentor():
    """Staff in a small programme who also score and coach: every menu of the bar at once."""
    user = StaffFactory(full_name=NAME, is_staff=True)
    IntakeRoleFactory(intake=IntakeFactory(), user=user, role=IntakeRoleType.REVIEWER)
    IntakeRoleFactory(intake=IntakeFactory(), user=user, role=IntakeRoleType.MENTOR)
    return user


def _in(page, live_server, language):
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    page.goto(f"{live_server.url}/dashboard/")


def _one_row(rows):
    """Every part of the bar lies level with the brand: none starts below the brand's middle."""
    _brand, brand_top, brand_bottom = rows["parts"][0]
    middle = (brand_top + brand_bottom) / 2
    return [label for label, top, bottom in rows["parts"] if not top < middle < bottom]


@pytest.mark.browser
@pytest.mark.parametrize("who", ["staff", "reviewer_and_mentor", "staff_reviewer_and_mentor"])
def test_the_bar_keeps_one_row_at_1280_px_in_every_language(page, live_server, login, transactional_db, who):
    user = {
        "staff": _staff,
        "reviewer_and_mentor": _reviewer_and_mentor,
        "staff_reviewer_and_mentor": _staff_reviewer_and_mentor,
    }[who]()
    login(page, user.email, PASSWORD)

    rows = {}
    for language in ["en", "fr", "es", "pt"]:
        _in(page, live_server, language)
        rows[language] = page.evaluate(ROWS)

    assert {language: _one_row(r) for language, r in rows.items()} == {"en": [], "fr": [], "es": [], "pt": []}
    # One row: the bar is no taller than the brand and the bar's padding.
    assert all(r["bar"] < 70 for r in rows.values())


def _menu_state(page, menu, label):
    """The menu's button: expanded? active? The link: current page?"""
    nav = page.locator("#main-nav")
    toggle = nav.get_by_role("button", name=menu, exact=True)
    link = nav.get_by_role("link", name=label, exact=True, include_hidden=True)
    return (
        toggle.get_attribute("aria-expanded"),
        "active" in toggle.get_attribute("class").split(),
        link.get_attribute("aria-current"),
    )


@pytest.mark.browser
def test_staff_reach_every_destination_through_the_menus_with_the_keyboard(page, live_server, login, transactional_db):
    login(page, _staff().email, PASSWORD)
    page.goto(f"{live_server.url}/dashboard/")

    # Enter opens a menu, the arrow keys move to the link, Enter follows it; there the menu's
    # button shows as active and the link as the current page.
    visits = []
    for menu, links in STAFF_MENUS.items():
        for label, _path in links:
            page.locator("#main-nav").get_by_role("button", name=menu, exact=True).focus()
            page.keyboard.press("Enter")
            opened = (
                page.locator("#main-nav").get_by_role("button", name=menu, exact=True).get_attribute("aria-expanded")
            )
            for _ in range(len(links)):
                page.keyboard.press("ArrowDown")
                if page.evaluate("document.activeElement.textContent.trim()") == label:
                    break
            with page.expect_navigation():
                page.keyboard.press("Enter")
            where = page.url.removeprefix(live_server.url)
            visits.append((menu, opened, label, where, None if where == ADMIN else _menu_state(page, menu, label)))
            if where == ADMIN:
                page.go_back()
    # Escape closes a menu and gives the focus back to its button; so does a click elsewhere.
    toggle = page.locator("#main-nav").get_by_role("button", name="Teams", exact=True)
    toggle.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    after_escape = (toggle.get_attribute("aria-expanded"), page.evaluate("document.activeElement.id"))
    toggle.click()
    page.locator("main").click()
    after_click = toggle.get_attribute("aria-expanded")
    menu_visible = page.get_by_role("link", name="Mentoring", exact=True).is_visible()

    assert visits == [
        (menu, "true", label, path, None if path == ADMIN else ("false", True, "page"))
        for menu, links in STAFF_MENUS.items()
        for label, path in links
    ]
    assert after_escape == ("false", toggle.get_attribute("id"))
    assert (after_click, menu_visible) == ("false", False)


@pytest.mark.browser
def test_on_a_phone_the_menu_button_gives_every_link(browser, live_server, login, transactional_db):
    context = browser.new_context(locale="en-GB", viewport={"width": 360, "height": 780})
    context.set_default_timeout(10_000)
    phone = context.new_page()
    login(phone, _staff().email, PASSWORD)
    phone.goto(f"{live_server.url}/dashboard/")
    nav = phone.locator("#main-nav")

    hidden_before = nav.is_visible()
    phone.get_by_role("button", name="Show or hide the menu").click()
    visible = {label: nav.get_by_role("link", name=label, exact=True).is_visible() for label, _path in STAFF_LINKS}
    for menu, links in STAFF_MENUS.items():
        nav.get_by_role("button", name=menu, exact=True).click()
        visible |= {label: nav.get_by_role("link", name=label, exact=True).is_visible() for label, _path in links}
    hrefs = {
        label: nav.get_by_role("link", name=label, exact=True, include_hidden=True).get_attribute("href")
        for label, _path in STAFF_LINKS + [link for links in STAFF_MENUS.values() for link in links]
    }
    width = phone.evaluate("document.documentElement.scrollWidth")
    nav.get_by_role("button", name="Teams", exact=True).click()
    nav.get_by_role("link", name="Mentoring", exact=True).click()
    phone.wait_for_url(f"{live_server.url}/mentoring/overview/")
    context.close()

    everything = STAFF_LINKS + [link for links in STAFF_MENUS.values() for link in links]
    assert (hidden_before, width) == (False, 360)
    assert visible == {label: True for label, _path in everything}
    assert hrefs == dict(everything)
