"""The keyboard focus is visible on every kind of control, on white and on the dark navbar."""

import pytest

from tests.factories import ApplicationFactory
from tests.factories.accounts import PASSWORD

RING = "rgb(11, 12, 12) solid 3px"
HALO = "rgb(255, 191, 71) 0px 0px 0px 6px"

FOCUS_STYLE = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  return [e.tagName.toLowerCase() + (e.className ? "." + e.className.split(" ")[0] : ""),
          `${style.outlineColor} ${style.outlineStyle} ${style.outlineWidth}`, style.boxShadow];
}"""


def _relative_luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a, b):
    high, low = sorted([_relative_luminance(a), _relative_luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_focus_ring_colours_reach_3_to_1_on_white_and_on_the_navbar():
    # The inner ring carries the contrast on light backgrounds, the outer one on the navbar.
    assert round(_contrast("#0b0c0c", "#ffffff"), 1) == 19.6
    assert round(_contrast("#ffbf47", "#1f4e79"), 1) == 5.3
    assert round(_contrast("#ffbf47", "#0b0c0c"), 1) == 11.9


@pytest.mark.browser
def test_every_control_on_the_team_page_shows_the_focus_ring(page, live_server, login, transactional_db):
    application = ApplicationFactory(complete=True)
    login(page, application.contact_person.email, PASSWORD)
    page.goto(f"{live_server.url}/applications/{application.pk}/team/")

    seen = {}
    for _ in range(60):
        page.keyboard.press("Tab")
        kind, outline, shadow = page.evaluate(FOCUS_STYLE)
        if kind != "body":  # past the last control the focus leaves the page for a moment
            seen.setdefault(kind, (outline, shadow))

    assert sorted(seen) == [
        "a",
        "a.btn",
        "a.nav-link",
        "a.navbar-brand",
        "a.text-danger",
        "a.visually-hidden-focusable",
        "button.btn",
        "button.nav-link",  # the account menu's button, under the person's name
        "div.table-responsive",  # the members table's scroll region (includes/_table_scroll.html)
        "input.emailinput",
        "input.textinput",
        "select.form-select",
        "select.lazyselect",
        "select.select",
    ]
    assert {kind: style for kind, style in seen.items() if style != (RING, HALO)} == {}
