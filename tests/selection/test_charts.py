"""The cohort balance and the reviewers' spread as small inline-SVG charts, each with its text alternative;
the balance fragment opened directly comes inside a whole page (title, language)."""

import re

from django.urls import reverse

from selection import services
from tests.factories import OrganisationFactory, StaffFactory, UserFactory, scored_review


def _svg_titles(response):
    return re.findall(r'<title id="chart-[a-z-]+-title">([^<]*)</title>', response.content.decode())


def test_balance_is_drawn_as_bar_charts_with_the_figures_as_their_text(staff_client, intake, make_application, staff):
    application = make_application()
    scored_review(application=application, scores=[3, 6])
    OrganisationFactory(application=application, country="TZ", type="cso")
    services.decision_record(application=application, outcome="accepted", reason="Strong.", by=staff)

    response = staff_client.get(reverse("selection:balance", args=[intake.pk]), HTTP_HX_REQUEST="true")

    titles = _svg_titles(response)
    assert titles[:2] == [
        "Countries: Kenya: 1; Tanzania: 1",
        "Organisation types: Civil-society organisation: 1; Municipality: 1",
    ]
    assert len(titles) == 5
    assert response.content.decode().count('role="img"') == 5
    assert "<html" not in response.content.decode()


def test_balance_fragment_opened_directly_is_a_whole_page_with_title_and_language(client, intake):
    client.force_login(StaffFactory(preferred_language="fr"))

    response = client.get(reverse("selection:balance", args=[intake.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<html lang="fr">', html)
    assert re.search(rf"<title>[^<]+ · {re.escape(intake.name)} · [^<]+</title>", html)
    assert "<h1" in html
    assert 'id="balance"' in html
    assert response["Vary"].count("HX-Request") == 1


def test_reviewers_spread_is_a_dot_chart_of_the_submitted_totals(staff_client, intake, make_application):
    application = make_application()
    scored_review(application=application, scores=[3, 6], reviewer=UserFactory(full_name="Ada Olsson"))
    scored_review(application=application, scores=[1, 2], reviewer=UserFactory(full_name="Ben Mwangi"))
    scored_review(application=application, scores=[2, 2], reviewer=UserFactory(full_name="Cy Draft"), submitted=False)

    response = staff_client.get(reverse("selection:application_reviews", args=[application.pk]))

    assert _svg_titles(response) == ["Reviewers' totals, out of 100: Ada Olsson: 100; Ben Mwangi: 33.33"]
    assert response.content.decode().count("<circle") == 2
