"""bench/seed.py at a tiny scale: what it makes, and that a second run writes nothing."""

import io

import pytest

from accounts.models import User
from applications.enums import ApplicationStatus as S
from applications.models import Application, TeamMember
from bench.client import totp
from bench.seed import STAFF_EMAIL, seed
from programmes.models import Intake
from selection.models import CriterionScore, Decision, Review, ReviewAssignment
from selection.selectors import ranking


@pytest.mark.django_db
def test_seed_fills_every_stage_at_a_tiny_scale():
    seed(scale=0.02, stdout=io.StringIO())

    assert Intake.objects.count() == 4
    assert Application.objects.count() == 4 * 12
    assert TeamMember.objects.count() == 3 * 4 * 12
    assert set(Application.objects.values_list("status", flat=True)) == {
        S.DRAFT, S.SUBMITTED, S.WITHDRAWN, S.INELIGIBLE, S.ELIGIBLE, S.UNDER_REVIEW, S.ACCEPTED, S.WAITLISTED,
        S.REJECTED,
    }  # fmt: skip
    assert ReviewAssignment.objects.filter(application__status__in=[S.DRAFT, S.SUBMITTED]).count() == 0
    assert CriterionScore.objects.count() == 5 * Review.objects.count()
    assert Decision.objects.exclude(application__status__in=[S.ACCEPTED, S.WAITLISTED, S.REJECTED]).count() == 0
    assert User.objects.get(email=STAFF_EMAIL).groups.get().name == "Programme staff"


@pytest.mark.django_db
def test_seeded_intakes_rank():
    seed(scale=0.02, stdout=io.StringIO())
    intake = Intake.objects.filter(applications__status=S.UNDER_REVIEW).distinct().first()

    rows = ranking(intake=intake)

    assert len(rows) == Application.objects.filter(intake=intake, status__in=[S.ELIGIBLE, S.UNDER_REVIEW]).count()
    assert rows[0].mean is not None


@pytest.mark.django_db
def test_seed_refuses_to_run_twice():
    seed(scale=0.02, stdout=io.StringIO())
    out = io.StringIO()

    result = seed(scale=0.02, stdout=out)

    assert result is None
    assert Application.objects.count() == 4 * 12
    assert out.getvalue() == f"This database is already seeded ({STAFF_EMAIL} exists); nothing was written.\n"


def test_totp_matches_the_rfc_6238_test_vector():
    # RFC 6238 appendix B: secret "12345678901234567890", T = 59 s, SHA-1 → 94287082 (last six digits).
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

    assert totp(secret, at=59) == "287082"


@pytest.mark.django_db
def test_seed_gives_every_project_team_a_mentor_with_sessions_and_actions_in_every_state():
    from change_projects.models import ChangeProject
    from mentoring.models import CoachingAction, CoachingSession, MentoredTeam
    from mentoring.rules import is_team_mentor

    seed(scale=0.02, stdout=io.StringIO())

    teams = set(ChangeProject.objects.values_list("application_id", flat=True))
    assert teams and set(MentoredTeam.objects.values_list("application_id", flat=True)) == teams
    assert CoachingSession.objects.count() == 40  # 2,000 at scale 1
    assert set(CoachingAction.objects.values_list("status", flat=True)) == {
        "open", "done", "carried_over", "dropped"
    }  # fmt: skip
    team = MentoredTeam.objects.select_related("assignment__mentor", "application").first()
    assert is_team_mentor(team.assignment.mentor, team.application)
