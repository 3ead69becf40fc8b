"""Selection's paginated lists keep their filters from page to page."""

import html
import re

from django.urls import reverse

from tests.factories import ApplicationFactory, ConflictDeclarationFactory, ReviewerFactory


def _page_links(response) -> list[tuple[str, str]]:
    """(text, address) of the page links under a list."""
    found = re.findall(r'<a class="page-link" href="([^"]*)">([^<]*)</a>', response.content.decode())
    return [(text, html.unescape(href)) for href, text in found]


def test_conflicts_list_pages_keep_the_filter(staff_client, intake):
    reviewer = ReviewerFactory(intake=intake, full_name="Sara Lind", country="SE")
    for _ in range(26):
        ConflictDeclarationFactory(application=ApplicationFactory(intake=intake, under_review=True), reviewer=reviewer)
    ConflictDeclarationFactory(application__intake=intake, reviewer=reviewer, conflict=True)
    url = reverse("selection:conflicts", args=[intake.pk])

    first = staff_client.get(url, {"has_conflict": "false"})
    second = staff_client.get(url, {"has_conflict": "false", "page": "2"})

    assert _page_links(first) == [("Next", "?has_conflict=false&page=2")]
    assert _page_links(second) == [("Previous", "?has_conflict=false&page=1")]
    assert len(second.context["page_obj"].object_list) == 1
