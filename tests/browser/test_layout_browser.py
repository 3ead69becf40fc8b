"""Pages fit the screen: nothing scrolls sideways on a phone, nothing spills out of the bar."""

import os

import pytest

from tests.factories import ApplicationFactory, StaffFactory
from tests.factories.accounts import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PAGE_WIDTH = "document.documentElement.scrollWidth"


# Whether a <select> is wide enough for its chosen option, its padding and its arrow.
FITS_ITS_TEXT = """e => {
  const style = getComputedStyle(e);
  const context = document.createElement("canvas").getContext("2d");
  context.font = style.font;
  const text = context.measureText(e.options[e.selectedIndex].text).width;
  return e.clientWidth >= text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
}"""


def _staff(**kwargs):
    return StaffFactory(**kwargs)


@pytest.mark.browser
def test_application_pages_do_not_scroll_sideways_on_a_phone(phone, live_server, login, transactional_db):
    application = ApplicationFactory(complete=True)
    login(phone, application.contact_person.email, PASSWORD)

    widths = {}
    for name in ["team", "attachments", "checklist", "status"]:
        phone.goto(f"{live_server.url}/applications/{application.pk}/{name}/")
        widths[name] = phone.evaluate(PAGE_WIDTH)
    status_tab_visible = phone.get_by_role("link", name="Status", exact=True).is_visible()

    assert widths == {"team": 390, "attachments": 390, "checklist": 390, "status": 390}
    assert status_tab_visible


@pytest.mark.browser
def test_staff_application_list_does_not_scroll_sideways_on_a_phone(phone, live_server, login, transactional_db):
    application = ApplicationFactory(submitted=True)
    staff = _staff()
    login(phone, staff.email, PASSWORD)

    phone.goto(f"{live_server.url}/applications/staff/intake/{application.intake_id}/")
    width = phone.evaluate(PAGE_WIDTH)

    assert width == 390


@pytest.mark.browser
def test_staff_navigation_stays_inside_the_bar_with_the_language_named(page, live_server, login, transactional_db):
    staff = _staff(full_name="Ingrid Lindqvist")
    login(page, staff.email, PASSWORD)

    page.goto(f"{live_server.url}/dashboard/")
    bar = page.locator("nav.navbar .container").bounding_box()
    change = page.get_by_role("button", name="Change").bounding_box()
    select = page.locator("#language-select")
    select_fits_its_text = select.evaluate(FITS_ITS_TEXT)

    assert change["x"] + change["width"] <= bar["x"] + bar["width"]
    assert select_fits_its_text
