import pytest
from django.urls import reverse

from mentoring.selectors import mentor_intakes
from tests.factories import ApplicationFactory, IntakeFactory, MentorFactory


def test_mentor_sees_selected_teams_of_their_intake_only(client, db):
    intake = IntakeFactory(closed=True)
    other_intake = IntakeFactory(closed=True)
    selected = ApplicationFactory(intake=intake, accepted=True, title="Citizen budget in Mbale")
    ApplicationFactory(intake=intake, rejected=True, title="Not selected team")
    ApplicationFactory(intake=other_intake, accepted=True, title="Another intake's team")
    client.force_login(MentorFactory(intake=intake))

    response = client.get(reverse("portal:dashboard"))

    [panel] = [p for p in response.context["panels"] if str(p.title) == "Your mentoring"]
    assert [i.selected_teams for i in panel.context["intakes"]] == [[selected]]


@pytest.mark.parametrize("teams", [1, 4])
def test_mentor_intakes_query_count_does_not_grow_with_teams(db, django_assert_num_queries, teams):
    intake = IntakeFactory(closed=True)
    mentor = MentorFactory(intake=intake)
    ApplicationFactory.create_batch(teams, intake=intake, accepted=True)

    with django_assert_num_queries(3):
        intakes = mentor_intakes(user=mentor)
        names = [team.contact_person.full_name for team in intakes[0].selected_teams]

    assert len(names) == teams
