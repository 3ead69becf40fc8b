"""The release page lists each team's current decision once (issue 10, item 6)."""

import re

from django.core import mail
from django.urls import reverse

from selection import services
from tests.factories import scored_review


def _pending_items(page: str) -> list[str]:
    block = page.split("Decisions not yet released", 1)[1].split("</ul>", 1)[0]
    return [re.sub(r"\s+", " ", item).strip() for item in re.findall(r"<li[^>]*>(.*?)</li>", block, re.S)]


def test_release_page_shows_each_teams_current_decision_once(staff_client, intake, make_application, staff):
    first, second = make_application(title="Open budgets"), make_application(title="Water councils")
    scored_review(application=first, scores=[3, 6])
    scored_review(application=second, scores=[1, 1])
    services.decision_record(application=first, outcome="accepted", reason="Strong project.", by=staff)
    services.decision_record(application=second, outcome="rejected", reason="Weak.", by=staff)
    services.decision_record(application=first, outcome="waitlisted", reason="Country balance.", by=staff)
    services.decision_record(application=second, outcome="waitlisted", reason="Second thoughts.", by=staff)
    services.decision_record(application=first, outcome="accepted", reason="A place is free.", by=staff)

    page = staff_client.get(reverse("selection:release", kwargs={"intake_pk": intake.pk})).content.decode()

    assert _pending_items(page) == ["Open budgets — Accepted", "Water councils — Waiting list"]


def test_release_tells_each_team_its_current_decision_once(
    intake, make_application, staff, django_capture_on_commit_callbacks
):
    application = make_application(title="Open budgets")
    scored_review(application=application, scores=[3, 6])
    services.decision_record(application=application, outcome="accepted", reason="Strong.", by=staff)
    services.decision_record(application=application, outcome="waitlisted", reason="Balance.", by=staff)

    with django_capture_on_commit_callbacks(execute=True):
        released = services.decisions_release(intake=intake, by=staff)

    assert [d.outcome for d in released] == ["waitlisted"]
    assert [("waiting list" in m.body, "is selected" in m.body) for m in mail.outbox] == [(True, False)]
