from io import StringIO

from accounts import demo as accounts_demo
from accounts.demo import demo_user
from programmes import demo
from programmes.enums import IntakeState
from programmes.models import Intake, IntakeRole, Phase, Programme, RubricCriterion


def _counts():
    return [m.objects.count() for m in (Programme, Intake, Phase, RubricCriterion, IntakeRole)]


def test_demo_seed_creates_programme_with_open_and_past_intake(db):
    accounts_demo.seed(stdout=StringIO())

    demo.seed(stdout=StringIO())

    programme = Programme.objects.get(slug=demo.SLUG)
    assert [(i.state(), i.phases.count()) for i in programme.intakes.order_by("-opens_at")] == [
        (IntakeState.OPEN, 4),
        (IntakeState.FINISHED, 4),
    ]
    assert list(programme.intakes.order_by("-opens_at").first().criteria.values_list("weight", flat=True)) == [
        30,
        20,
        20,
        15,
        15,
    ]


def test_demo_seed_gives_reviewer_and_mentor_their_intake_roles(db):
    accounts_demo.seed(stdout=StringIO())

    demo.seed(stdout=StringIO())

    open_intake, past_intake = Intake.objects.order_by("-opens_at")
    assert list(IntakeRole.objects.order_by("role").values_list("user", "role", "intake")) == [
        (demo_user("mentor").pk, "mentor", past_intake.pk),
        (demo_user("reviewer").pk, "reviewer", open_intake.pk),
    ]


def test_demo_seed_twice_changes_nothing(db):
    accounts_demo.seed(stdout=StringIO())
    demo.seed(stdout=StringIO())
    before = _counts()

    demo.seed(stdout=StringIO())

    assert _counts() == before == [1, 2, 8, 10, 2]
