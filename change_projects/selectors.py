"""Reads of change projects, each with a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Max, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from applications.models import Application, TeamMember
from applications.selectors import LONG_ANSWERS
from portal.models import Audience
from selection.selectors import applications_selected

from .enums import (
    OPEN_MILESTONE_STATES,
    OWED_REPORT_STATES,
    MilestoneStatus,
    ReportStatus,
    ResultLevel,
    RiskLevel,
    RiskStatus,
)
from .models import ChangeProject, IndicatorActual, MilestoneUpdate, ProgressReport, ReportingPeriod


def selected_teams_of(*, user) -> list[Application]:
    """The selected (accepted and told) applications `user` is a member of, with their intake's phases.

    Without the outline's long answers (the dashboard panel shows the title): ~10 KB a row at bench scale.
    """
    return list(
        applications_selected()
        .filter(members__user=user)
        .defer(*LONG_ANSWERS)
        .select_related("intake__programme", "change_project")
        .prefetch_related("intake__phases", Prefetch("members", queryset=TeamMember.objects.select_related("user")))
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


# --- Pages ------------------------------------------------------------------------------------


def local_today(intake, now: datetime) -> date:
    """Today's date in the intake's time zone."""
    return timezone.localtime(now, intake.tzinfo).date()


def project_for_page(*, pk: int) -> ChangeProject:
    """The project with what every page shows (intake, programme, application, participants, mentor)."""
    return (
        ChangeProject.objects.select_related("intake__programme", "application")
        .prefetch_related("participants__user")
        .get(pk=pk)
    )


def mentor_of(*, project):
    """The team's mentor (a user) or None."""
    from mentoring.models import MentoredTeam

    team = (
        MentoredTeam.objects.filter(application_id=project.application_id).select_related("assignment__mentor").first()
    )
    return team.assignment.mentor if team else None


@dataclass
class PhaseStep:
    phase: object
    state: str  # "past", "current" or "future"
    here: bool


def phase_timeline(*, phases, today: date) -> list[PhaseStep]:
    """The phases in order, with “you are here” on the current phase (or the next one, between phases)."""
    steps = []
    for phase in phases:
        state = "past" if phase.ends_on < today else "current" if phase.starts_on <= today else "future"
        steps.append(PhaseStep(phase, state, False))
    here = next((s for s in steps if s.state == "current"), None) or next(
        (s for s in steps if s.state == "future"), None
    )
    if here is not None:
        here.here = True
    return steps


def _period_rows(*, project, periods, reports, now):
    by_period = {r.period_id: r for r in reports}
    rows = []
    for period in periods:
        period.intake = project.intake  # the same intake; saves a query per period
        report = by_period.get(period.pk)
        owed = report is None or report.status in OWED_REPORT_STATES
        rows.append({"period": period, "report": report, "overdue": owed and period.is_overdue(now)})
    return rows


def project_reports(*, project, now: datetime) -> list[dict]:
    """Each reporting period of the project's intake with the team's report (or None) and whether it is overdue."""
    periods = ReportingPeriod.objects.filter(intake_id=project.intake_id).select_related("phase").order_by("due_on")
    reports = ProgressReport.objects.filter(project=project)
    return _period_rows(project=project, periods=list(periods), reports=list(reports), now=now)


def indicator_on_track(indicator, actual, *, start: date | None, end: date | None, today: date) -> bool | None:
    """The stated rule: on track when the share of the way from baseline to target reached is at least the
    share of the programme's time elapsed, minus ten points. None when it cannot be judged."""
    progress = indicator.progress(actual)
    if progress is None or start is None or end is None or end <= start:
        return None
    elapsed = min(max((today - start).days / (end - start).days, 0.0), 1.0)
    return progress >= elapsed - ON_TRACK_TOLERANCE


ON_TRACK_TOLERANCE = 0.10


def team_dashboard(*, project, now: datetime) -> dict:
    """Everything the team dashboard shows, in a fixed number of queries."""
    from .charts import indicator_chart

    intake = project.intake
    today = local_today(intake, now)
    phases = list(intake.phases.all())
    milestones = list(project.milestones.select_related("owner"))
    open_milestones = [m for m in milestones if m.status in OPEN_MILESTONE_STATES]
    for m in milestones:
        m.is_overdue = m.status in OPEN_MILESTONE_STATES and m.due_on < today
    reports_rows = project_reports(project=project, now=now)
    actuals = list(
        IndicatorActual.objects.filter(report__project=project)
        .exclude(report__status=ReportStatus.DRAFT)
        .select_related("report__period__phase")
        .order_by("report__period__due_on")
    )
    by_indicator: dict[int, list] = {}
    for a in actuals:
        by_indicator.setdefault(a.indicator_id, []).append(a)
    indicators = list(project.indicators.all())
    for indicator in indicators:
        own = by_indicator.get(indicator.pk, [])
        indicator.chart = indicator_chart(indicator, [(str(a.report.period.phase), a.value, a.value_text) for a in own])
    risks = list(project.risks.filter(status=RiskStatus.OPEN).select_related("owner"))
    next_report = next(
        (row for row in reports_rows if row["report"] is None or row["report"].status != ReportStatus.APPROVED), None
    )
    return {
        "timeline": phase_timeline(phases=phases, today=today),
        "next_milestones": open_milestones[:5],
        "overdue_milestones": [m for m in open_milestones if m.is_overdue],
        "indicators": indicators,
        "risks": sorted(risks, key=lambda r: -r.likelihood * r.impact),
        "next_report": next_report,
        "today": today,
    }


# --- Staff overview of an intake -------------------------------------------------------------


def intake_overview(*, intake, now: datetime, filters: dict | None = None) -> QuerySet[ChangeProject]:
    """The intake's projects with their figures: milestones done / overdue, open risk score, mentor.

    Last report, indicators on track come from `overview_rows` on the page's projects.
    """
    filters = filters or {}
    today = local_today(intake, now)
    open_risks = Q(risks__status=RiskStatus.OPEN)
    projects = (
        ChangeProject.objects.filter(intake=intake)
        .select_related("application__mentored_team__assignment__mentor")
        .annotate(
            milestones_done=Count("milestones", filter=Q(milestones__status=MilestoneStatus.DONE), distinct=True),
            milestones_overdue=Count(
                "milestones",
                filter=Q(milestones__status__in=OPEN_MILESTONE_STATES, milestones__due_on__lt=today),
                distinct=True,
            ),
            risk_score=Coalesce(Max(F("risks__likelihood") * F("risks__impact"), filter=open_risks), 0),
        )
    )
    if filters.get("q"):
        projects = projects.filter(title__icontains=filters["q"])
    if filters.get("risk"):
        low, high = RISK_SCORES[filters["risk"]]
        projects = projects.filter(risk_score__gte=low, risk_score__lte=high)
    if filters.get("report_status"):
        projects = projects.filter(reports__status=filters["report_status"]).distinct()
    order = OVERVIEW_ORDER.get(filters.get("sort") or "title", ("title", "pk"))
    return projects.order_by(*order)


RISK_SCORES = {RiskLevel.LOW: (0, 2), RiskLevel.MEDIUM: (3, 4), RiskLevel.HIGH: (6, 9)}
OVERVIEW_ORDER = {
    "title": ("title", "pk"),
    "overdue": ("-milestones_overdue", "title", "pk"),
    "risk": ("-risk_score", "title", "pk"),
    "done": ("-milestones_done", "title", "pk"),
}


def overview_rows(*, projects, intake, now: datetime) -> list[dict]:
    """The page's projects with last report and state, and indicators on track (two more queries)."""
    projects = list(projects)
    today = local_today(intake, now)
    phases = list(intake.phases.all())
    start = min((p.starts_on for p in phases), default=None)
    end = max((p.ends_on for p in phases), default=None)
    reports = ProgressReport.objects.filter(project__in=projects).select_related("period__phase")
    last_report: dict[int, ProgressReport] = {}
    for report in sorted(reports, key=lambda r: (r.period.due_on, r.pk)):
        last_report[report.project_id] = report
    actuals = (
        IndicatorActual.objects.filter(report__project__in=projects, value__isnull=False)
        .exclude(report__status=ReportStatus.DRAFT)
        .select_related("indicator", "report__period")
        .order_by("report__period__due_on")
    )
    latest: dict[int, IndicatorActual] = {}
    for actual in actuals:
        latest[actual.indicator_id] = actual
    on_track: dict[int, list[bool]] = {}
    for actual in latest.values():
        judged = indicator_on_track(
            actual.indicator, actual.value, start=actual.indicator.baseline_date or start, end=end, today=today
        )
        if judged is not None:
            on_track.setdefault(actual.indicator.project_id, []).append(judged)
    rows = []
    for project in projects:
        team = getattr(project.application, "mentored_team", None)
        judged = on_track.get(project.pk, [])
        level = risk_level_from_score(project.risk_score) if project.risk_score else None
        rows.append(
            {
                "project": project,
                "mentor": team.assignment.mentor if team else None,
                "last_report": last_report.get(project.pk),
                "on_track": sum(judged),
                "judged": len(judged),
                "risk_level": level,
                "risk_level_label": RiskLevel(level).label if level else "",
            }
        )
    return rows


def risk_level_from_score(score: int) -> str:
    return next(level for level, (low, high) in RISK_SCORES.items() if low <= score <= high)


def period_counts(*, intake, now: datetime) -> list[dict]:
    """Per reporting period: how many teams have a submitted, returned, approved or overdue report."""
    periods = list(ReportingPeriod.objects.filter(intake=intake).select_related("phase").order_by("due_on"))
    project_count = ChangeProject.objects.filter(intake=intake).count()
    counts = (
        ProgressReport.objects.filter(period__intake=intake)
        .values("period_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by = {(c["period_id"], c["status"]): c["n"] for c in counts}
    rows = []
    for period in periods:
        period.intake = intake
        done = sum(by.get((period.pk, s), 0) for s in (ReportStatus.SUBMITTED, ReportStatus.APPROVED))
        rows.append(
            {
                "period": period,
                "submitted": by.get((period.pk, ReportStatus.SUBMITTED), 0),
                "returned": by.get((period.pk, ReportStatus.RETURNED), 0),
                "approved": by.get((period.pk, ReportStatus.APPROVED), 0),
                "overdue": project_count - done if period.is_overdue(now) else 0,
            }
        )
    return rows


def report_for_page(*, pk: int) -> ProgressReport:
    return ProgressReport.objects.select_related(
        "project__intake__programme", "project__application", "period__phase"
    ).get(pk=pk)


def report_review(*, report) -> dict:
    """A report's versions, the mentor's comments and its feed entries for the review page."""
    return {
        "versions": list(report.versions.select_related("submitted_by")),
        "comments": list(report.comments.select_related("author", "version")),
        "evidence": list(report.evidence.all()),
    }


def feed_audiences(*, user, project) -> list[str]:
    """Which feed entries `user` reads on this project: staff all; the mentor staff+mentor ones; the team its own."""
    from accounts.rules import is_programme_staff

    from .rules import is_project_mentor

    if is_programme_staff(user):
        return list(Audience.values)
    if is_project_mentor(user, project):
        return [Audience.TEAM, Audience.MENTOR]
    return [Audience.TEAM]


def project_plan(*, project) -> dict:
    """The plan page: the results chain (outcomes with their outputs and activities), milestones,
    indicators, risks."""
    results = list(project.results.all())
    children: dict[int | None, list] = {}
    for item in results:
        children.setdefault(item.contributes_to_id, []).append(item)
    for item in results:
        item.children = children.get(item.pk, [])
    levels = {ResultLevel.OUTCOME: 0, ResultLevel.OUTPUT: 1, ResultLevel.ACTIVITY: 2}
    roots = sorted(children.get(None, []), key=lambda r: (levels[r.level], r.order, r.pk))
    return {
        "results_roots": roots,
        "results": results,
        "milestones": list(project.milestones.select_related("owner", "result")),
        "indicators": list(project.indicators.select_related("result")),
        "risks": list(project.risks.select_related("owner")),
    }


def report_form_rows(*, report) -> dict:
    """The pre-filled rows of a report form: milestone updates and indicator actuals (with the indicator)."""
    return {
        "updates": report.milestone_updates.select_related("milestone__owner"),
        "actuals": report.actuals.select_related("indicator"),
    }


def compare_versions(left, right) -> list[tuple[str, str, str]]:
    """(what, left text, right text) for two submitted versions, section by section."""
    from .forms import REPORT_TEXT_FIELDS
    from .models import ProgressReport

    rows = []
    for name in REPORT_TEXT_FIELDS:
        label = str(ProgressReport._meta.get_field(name).verbose_name).capitalize()
        rows.append((label, left.content.get("text", {}).get(name, ""), right.content.get("text", {}).get(name, "")))
    for key, label in (("milestones", "title"), ("indicators", "name")):
        a = {item[label]: item for item in left.content.get(key, [])}
        b = {item[label]: item for item in right.content.get(key, [])}
        for title in list(dict.fromkeys([*a, *b])):
            rows.append((title, _describe(key, a.get(title)), _describe(key, b.get(title))))
    return rows


def _describe(key, item) -> str:
    from .enums import MilestoneStatus

    if item is None:
        return "—"
    if key == "milestones":
        text = str(MilestoneStatus(item["status"]).label)
    else:
        text = item["actual"] or "—"
        if item.get("numerator") and item.get("denominator"):
            text = f"{text} % ({item['numerator']} / {item['denominator']})"
        elif item["unit"] and item["actual"]:
            text = f"{text} {item['unit']}"
    return f"{text} — {item['note']}" if item.get("note") else text


def snapshot_display(content: dict) -> dict:
    """A snapshot with labels in the reader's language (the stored JSON keeps values only)."""
    from .enums import MilestoneStatus
    from .forms import REPORT_TEXT_FIELDS
    from .models import ProgressReport

    text = content.get("text", {})
    return {
        **content,
        "milestones": [
            {**m, "status_label": MilestoneStatus(m["status"]).label} for m in content.get("milestones", [])
        ],
        "labelled_text": [
            (str(ProgressReport._meta.get_field(n).verbose_name).capitalize(), text.get(n, ""))
            for n in REPORT_TEXT_FIELDS
        ],
    }


def application_outline(*, application) -> list[tuple]:
    """The application's outline, section by section: (section, [(field, value), ...])."""
    from applications.display import section_answers

    return section_answers(application)
