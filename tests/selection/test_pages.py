"""What staff read on the ranking, assignments and release pages."""

import csv
import io
import re

from django.urls import reverse

from tests.factories import DecisionFactory, OrganisationFactory, ReviewAssignmentFactory, UserFactory, scored_review
from tests.programmes.html import texts_by_testid

from .html import messages_shown


def _two_country_application(make_application):
    application = make_application(title="Lake basin councils", organisation=False)
    OrganisationFactory(application=application, country="UG", name="Jinja City")
    OrganisationFactory(application=application, country="KE", name="Kisumu County")
    return application


def test_ranking_table_names_the_countries_and_the_csv_keeps_the_codes(staff_client, intake, make_application):
    application = _two_country_application(make_application)
    scored_review(application=application, scores=[2, 5], full_name="Ana")

    page = staff_client.get(reverse("selection:ranking", args=[intake.pk]))
    export = b"".join(staff_client.get(reverse("selection:ranking_csv", args=[intake.pk])).streaming_content).decode()

    assert texts_by_testid(page, "countries") == ["Kenya, Uganda"]
    assert list(csv.reader(io.StringIO(export)))[1][2:6] == ["Lake basin councils", "KE UG", "Under review", "73.33"]


def test_ranking_country_filter_offers_names_and_keeps_the_ranks(staff_client, intake, make_application):
    kenyan = make_application(title="Ward budget hearings")
    scored_review(application=kenyan, scores=[3, 6])
    ugandan = make_application(title="Open permits register", organisation=False)
    OrganisationFactory(application=ugandan, country="UG")
    scored_review(application=ugandan, scores=[1, 1])

    response = staff_client.get(reverse("selection:ranking", args=[intake.pk]), {"country": "UG"})

    assert [(r.rank, r.application.title) for r in response.context["rows"]] == [(2, "Open permits register")]
    assert texts_by_testid(response, "countries") == ["Uganda"]
    assert 'value="UG" selected>Uganda</option>' in response.content.decode()


def test_assignments_page_names_countries_and_offers_reassign_only_before_submission(
    staff_client, intake, make_application
):
    application = _two_country_application(make_application)
    scored_review(application=application, scores=[2, 5], full_name="Ana Submitted")
    open_assignment = ReviewAssignmentFactory(application=application, reviewer=UserFactory(full_name="Ben Open"))

    response = staff_client.get(reverse("selection:assignments", args=[intake.pk]))
    reassign_links = re.findall(r'href="(/selection/assignments/\d+/reassign/)"', response.content.decode())

    assert texts_by_testid(response, "countries") == ["Uganda, Kenya"]
    assert reassign_links == [reverse("selection:reassign", args=[open_assignment.pk])]


def test_release_page_before_any_decision_says_none_is_recorded(staff_client, intake, make_application):
    make_application()

    response = staff_client.get(reverse("selection:release", args=[intake.pk]))

    assert texts_by_testid(response, "release-state") == ["No decisions are recorded yet. Decide on the ranking page."]
    assert messages_shown(response) == []


def test_release_page_after_release_says_every_decision_is_released(staff_client, intake, make_application, staff):
    from selection import services

    application = make_application(accepted=True, under_review=False)
    DecisionFactory(application=application)
    services.decisions_release(intake=intake, by=staff)

    response = staff_client.get(reverse("selection:release", args=[intake.pk]))

    assert texts_by_testid(response, "release-state") == ["Every decision has been released."]


def test_assignments_page_lists_a_page_of_rows_and_offers_every_application(staff_client, intake, make_application):
    titles = [f"Project {n:02d}" for n in range(27)]
    for title in titles:
        make_application(title=title)
    url = reverse("selection:assignments", args=[intake.pk])

    first = staff_client.get(url)
    second = staff_client.get(url, {"page": 2})

    assert [a.title for a in first.context["rows"]] == titles[:25]
    assert [a.title for a in second.context["rows"]] == titles[25:]
    offered = re.findall(r'<option value="\d+">([^<]*)</option>', str(first.context["one"]["application"]))
    assert offered == [f"{title}" for title in titles]
