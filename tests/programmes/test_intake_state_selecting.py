import pytest

from programmes.enums import IntakeState
from programmes.selectors import catalogue_programmes
from tests.factories import ApplicationFactory, IntakeFactory


def test_intake_past_deadline_with_nothing_screened_is_closed(db):
    intake = IntakeFactory(closed=True)
    ApplicationFactory(intake=intake, submitted=True)

    assert intake.state() == IntakeState.CLOSED


@pytest.mark.parametrize("trait", ["eligible", "ineligible", "under_review", "accepted"])
def test_intake_is_selecting_once_an_application_is_screened(db, trait):
    intake = IntakeFactory(closed=True)
    ApplicationFactory(intake=intake, submitted=True)
    ApplicationFactory(intake=intake, **{trait: True})

    assert intake.state() == IntakeState.SELECTING


def test_listed_intakes_know_selection_state_without_extra_queries(db, django_assert_num_queries):
    selecting = IntakeFactory(closed=True)
    ApplicationFactory(intake=selecting, eligible=True)
    closed = IntakeFactory(closed=True)
    ApplicationFactory(intake=closed, submitted=True)

    # programmes, their intakes (with the screened count), the intakes' phases
    with django_assert_num_queries(3):
        programmes = list(catalogue_programmes())
        states = {i.pk: i.state() for p in programmes for i in p.listed_intakes}

    assert states == {selecting.pk: IntakeState.SELECTING, closed.pk: IntakeState.CLOSED}
