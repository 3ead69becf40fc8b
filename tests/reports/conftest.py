import pytest

from tests.factories import ApplicationFactory, IntakeFactory, RubricCriterionFactory, UserFactory
from tests.factories.selection import scored_review


@pytest.fixture
def scored_intake(db, settings, tmp_path):
    """Two applications scored by two reviewers on a two-criterion rubric; files in a temporary folder."""
    settings.MEDIA_ROOT = tmp_path
    intake = IntakeFactory(closed=True, team_places=1, name="Cohort 2027")
    RubricCriterionFactory(intake=intake, name="Relevance", weight=60, max_score=3, order=0)
    RubricCriterionFactory(intake=intake, name="Commitment", weight=40, max_score=6, order=1)
    first = ApplicationFactory(intake=intake, under_review=True, title="Open budget hearings in Kisumu")
    second = ApplicationFactory(intake=intake, under_review=True, title="Citizen panels in Maputo")
    ada = UserFactory(full_name="Ada Reviewer", country="SE")
    ben = UserFactory(full_name="Ben Reviewer", country="SE")
    scored_review(application=first, reviewer=ada, scores=[3, 6])
    scored_review(application=first, reviewer=ben, scores=[2, 3])
    scored_review(application=second, reviewer=ada, scores=[1, 3])
    return {"intake": intake, "first": first, "second": second, "reviewers": [ada, ben]}
