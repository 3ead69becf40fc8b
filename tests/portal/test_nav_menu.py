from django.urls import reverse

from portal.registry import NavItem, nav_menu
from tests.factories import IntakeFactory, StaffFactory


def _menu(response):
    return [
        (str(entry.label), entry.is_menu, entry.active, [(str(link.label), link.current) for link in entry.links])
        for entry in response.context["nav_menu"]
    ]


def test_staff_links_sit_in_two_menus_and_the_page_marks_its_menu_and_link(client, db):
    client.force_login(StaffFactory(is_staff=True))

    on_the_list = client.get(reverse("selection:intake_list"))
    below_it = client.get(reverse("selection:intake_home", kwargs={"intake_pk": IntakeFactory().pk}))

    assert _menu(on_the_list) == [
        ("Dashboard", False, False, [("Dashboard", False)]),
        ("Programmes", False, False, [("Programmes", False)]),
        ("Intakes", True, True, [("Manage programmes", False), ("Selection", True), ("Reports", False)]),
        ("Teams", True, False, [("Study visits", False), ("Mentoring", False)]),
    ]
    # A page below a menu's link (an intake's selection page) marks the menu, not the link.
    assert [(label, active, links) for label, _is_menu, active, links in _menu(below_it)][2] == (
        "Intakes",
        True,
        [("Manage programmes", False), ("Selection", False), ("Reports", False)],
    )
    # The Django admin sits in the account menu, under the person's name.
    assert [(str(link.label), link.url) for link in on_the_list.context["nav_account_links"]] == [("Admin", "/admin/")]


def test_a_menu_with_one_visible_link_shows_that_link_alone():
    only = NavItem("Mentoring", "mentoring:overview", lambda user: True, order=70, group="teams")

    entries = nav_menu([only], "/mentoring/overview/")

    assert [(e.label, e.is_menu, e.active, [(link.url, link.current) for link in e.links]) for e in entries] == [
        ("Mentoring", False, True, [("/mentoring/overview/", True)])
    ]
