from tests.factories import IntakeFactory, ReviewerFactory


def test_intake_factory_with_rubric_weights_add_up_to_100(db):
    intake = IntakeFactory(with_rubric=True)

    assert sum(c.weight for c in intake.criteria.all()) == 100


def test_reviewer_factory_gives_reviewer_role(db):
    intake = IntakeFactory()

    reviewer = ReviewerFactory(intake=intake)

    assert list(intake.roles.values_list("user__email", "role")) == [(reviewer.email, "reviewer")]
