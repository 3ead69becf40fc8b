import pytest

from tests.factories import ApplicationFactory, IntakeFactory, RubricCriterionFactory


@pytest.fixture
def intake(db):
    """An intake closed for applications with a two-criterion rubric whose totals are not whole numbers.

    Relevance: weight 60, scored 0..3; Commitment: weight 40, scored 0..6.
    """
    intake = IntakeFactory(closed=True, team_places=2)
    RubricCriterionFactory(intake=intake, name="Relevance", weight=60, max_score=3, order=0)
    RubricCriterionFactory(intake=intake, name="Commitment", weight=40, max_score=6, order=1)
    return intake


@pytest.fixture
def make_application(intake):
    def _make(**kwargs):
        kwargs.setdefault("under_review", True)
        return ApplicationFactory(intake=intake, **kwargs)

    return _make
