import io

from django.core.management import call_command
from django.utils import timezone

from change_projects.models import ChangeProject, ProgressReport
from change_projects.selectors import project_reports


def test_demo_has_running_projects_in_several_states_with_the_participant_in_one(db):
    call_command("demo", stdout=io.StringIO())
    call_command("demo", stdout=io.StringIO())

    projects = ChangeProject.objects.order_by("pk")
    assert [p.title for p in projects] == [
        "Citizen feedback on heritage-zone permits",
        "Musrenbang that includes people with disabilities",
    ]
    on_track, troubled = projects
    assert on_track.participants.filter(user__email="participant@example.org").exists()
    assert list(ProgressReport.objects.order_by("project", "period__due_on").values_list("project", "status")) == [
        (on_track.pk, "approved"),
        (on_track.pk, "submitted"),
        (troubled.pk, "returned"),
    ]
    rows = project_reports(project=troubled, now=timezone.now())
    assert [(row["period"].phase.name, row["overdue"]) for row in rows][:2] == [
        ("Phase 1: training in Sweden", True),
        ("Phase 2: regional workshop", True),
    ]
    assert list(troubled.milestones.filter(status="delayed").values_list("note", flat=True)) == [
        "The council postponed its vote."
    ]
    assert [r.level for r in troubled.risks.all()] == ["high"]
