"""bench/seed.py's change-project step at a tiny scale."""

import io

import pytest

from bench.seed import seed
from change_projects.models import ChangeProject, IndicatorActual, Participant, ProgressReport
from selection.models import Confirmation


@pytest.mark.django_db
def test_seed_gives_confirmed_teams_running_projects_with_reports():
    ctx = seed(scale=0.02, stdout=io.StringIO())

    projects = ChangeProject.objects.all()
    confirmed = Confirmation.objects.filter(status="confirmed", application__status="accepted").count()
    assert projects.count() == min(confirmed, ctx.count(400)) > 0
    assert projects.exclude(application__confirmation__status="confirmed").count() == 0
    assert Participant.objects.count() == 3 * projects.count()
    assert ProgressReport.objects.filter(status="approved").exists()
    assert IndicatorActual.objects.filter(indicator__kind="percentage", value__isnull=False).exists()
