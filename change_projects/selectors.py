"""Reads of change projects, each with a fixed number of queries."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, QuerySet

from applications.models import Application
from selection.selectors import applications_selected

from .enums import OWED_REPORT_STATES
from .models import ChangeProject, IndicatorActual, MilestoneUpdate, ProgressReport, ReportingPeriod


def selected_teams_of(*, user) -> list[Application]:
    """The selected (accepted and told) applications `user` is a member of, with their intake's phases."""
    return list(
        applications_selected()
        .filter(members__user=user)
        .select_related("intake__programme", "change_project")
        .prefetch_related("intake__phases", "members__user")
        .order_by("-intake__opens_at")
    )


def participants_of(*, intake) -> QuerySet:
    """The intake's participants: members of its teams' change projects (users), by name."""
    return (
        get_user_model()
        .objects.filter(participations__project__intake=intake)
        .distinct()
        .order_by("full_name", "email")
    )


def projects_of(*, user) -> QuerySet[ChangeProject]:
    """The change projects `user` takes part in, newest intake first."""
    return (
        ChangeProject.objects.filter(participants__user=user)
        .select_related("intake__programme")
        .order_by("-intake__opens_at", "title")
    )


def report_snapshot(*, report: ProgressReport) -> dict:
    """The report as it reads now (text, milestone updates, actuals): what a submitted version keeps."""
    updates = MilestoneUpdate.objects.filter(report=report).select_related("milestone")
    actuals = IndicatorActual.objects.filter(report=report).select_related("indicator")
    return {
        "text": {
            name: getattr(report, name)
            for name in ("activities_done", "deviations", "risks_changed", "lessons", "support_needed")
        },
        "milestones": [
            {"title": u.milestone.title, "status": u.status, "note": u.note, "due_on": u.milestone.due_on.isoformat()}
            for u in updates
        ],
        "indicators": [
            {
                "name": a.indicator.name,
                "unit": a.indicator.unit,
                "kind": a.indicator.kind,
                "baseline": _text(a.indicator.baseline) or a.indicator.baseline_text,
                "target": _text(a.indicator.target) or a.indicator.target_text,
                "actual": _text(a.value) or a.value_text,
                "numerator": _text(a.numerator),
                "denominator": _text(a.denominator),
                "note": a.note,
            }
            for a in actuals
        ],
        "evidence": list(report.evidence.order_by("pk").values_list("original_name", flat=True)),
    }


def _text(value) -> str:
    return "" if value is None else f"{value.normalize():f}"


def reminders_due(*, now: datetime, days_before: int = 7) -> list[tuple]:
    """(project, period, "before"|"after") for each team still owing a report: due within
    `days_before` days, or overdue (both judged in the intake's time zone)."""
    result = []
    periods = ReportingPeriod.objects.select_related("intake").prefetch_related(
        Prefetch("intake__change_projects", to_attr="projects"),
        Prefetch("reports", to_attr="all_reports"),
        Prefetch("reminders", to_attr="sent"),
    )
    for period in periods:
        due_at = period.due_at
        if now >= due_at:
            kind = "after"
        elif now >= due_at - timedelta(days=days_before):
            kind = "before"
        else:
            continue
        done = {r.project_id for r in period.all_reports if r.status not in OWED_REPORT_STATES}
        sent = {(r.project_id, r.kind) for r in period.sent}
        for project in period.intake.projects:
            if project.pk not in done and (project.pk, kind) not in sent:
                result.append((project, period, kind))
    return result
