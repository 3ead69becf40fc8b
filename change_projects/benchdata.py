"""Benchmark data (see bench/seed.py): running change projects of the confirmed teams.

Up to 400 projects at scale 1 (fewer if fewer teams confirmed): each with its team as participants,
a results chain, four milestones (some done, some overdue, some delayed), two indicators, two risks,
reporting periods on the intake's first two phases and reports in every state with actuals.
"""

from datetime import timedelta
from decimal import Decimal

from applications.enums import ApplicationStatus as S
from applications.models import TeamMember
from programmes.models import Phase
from selection.models import Confirmation

from .enums import IndicatorKind, MilestoneStatus, PlanStatus, ReportStatus, RiskCategory, RiskStatus
from .models import (
    ChangeProject,
    Indicator,
    IndicatorActual,
    Milestone,
    Participant,
    ProgressReport,
    ReportingPeriod,
    ReportVersion,
    ResultItem,
    Risk,
)

REPORT_STATES = [ReportStatus.APPROVED, ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.DRAFT]
MILESTONE_STATES = [MilestoneStatus.DONE, MilestoneStatus.IN_PROGRESS, MilestoneStatus.DELAYED, MilestoneStatus.PLANNED]


def seed(ctx) -> None:
    rng, today = ctx.rng, ctx.now.date()
    confirmed = set(
        Confirmation.objects.filter(status="confirmed", application__status=S.ACCEPTED).values_list(
            "application_id", flat=True
        )
    )
    applications = [a for a in ctx.made["applications"] if a.pk in confirmed][: ctx.count(400)]
    if not applications:
        return
    projects = ctx.bulk(
        ChangeProject,
        [
            ChangeProject(
                application=a,
                intake=a.intake,
                title=a.title or f"Change project {a.pk}",
                problem=a.problem,
                objectives=a.objectives,
                plan_status=PlanStatus.APPROVED if rng.random() < 0.8 else PlanStatus.DRAFT,
            )
            for a in applications
        ],
    )
    members: dict[int, list[int]] = {}
    for application_id, user_id in TeamMember.objects.filter(application__in=applications).values_list(
        "application_id", "user_id"
    ):
        members.setdefault(application_id, []).append(user_id)
    ctx.bulk(Participant, [Participant(project=p, user_id=u) for p in projects for u in members[p.application_id]])

    periods_by_intake: dict[int, list[ReportingPeriod]] = {}
    for intake_id in {p.intake_id for p in projects}:
        phases = list(Phase.objects.filter(intake_id=intake_id).order_by("starts_on")[:2])
        periods_by_intake[intake_id] = ctx.bulk(
            ReportingPeriod,
            [ReportingPeriod(phase=ph, intake_id=intake_id, due_on=ph.ends_on + timedelta(days=14)) for ph in phases],
        )

    outcomes = ctx.bulk(
        ResultItem, [ResultItem(project=p, level="outcome", title="Residents are heard") for p in projects]
    )
    ctx.bulk(
        ResultItem,
        [ResultItem(project=o.project, level="output", title="Hearing calendar", contributes_to=o) for o in outcomes],
    )
    milestones, indicators, risks = [], [], []
    for p in projects:
        owner = members[p.application_id][0]
        for n, days in enumerate((-90, -20, 30, 120)):
            status = MILESTONE_STATES[n] if days < 0 else rng.choice(MILESTONE_STATES[1:])
            milestones.append(
                Milestone(
                    project=p,
                    title=f"Milestone {n + 1}",
                    due_on=today + timedelta(days=days),
                    owner_id=owner,
                    status=status,
                    note="Waiting for the council's vote." if status == MilestoneStatus.DELAYED else "",
                )
            )
        indicators.append(
            Indicator(
                project=p,
                name="Wards with a public hearing",
                unit="%",
                kind=IndicatorKind.PERCENTAGE,
                baseline=Decimal("0"),
                baseline_date=today - timedelta(days=200),
                target=Decimal("100"),
            )
        )
        indicators.append(
            Indicator(
                project=p,
                name="Residents attending",
                unit="people",
                baseline=Decimal("0"),
                baseline_date=today - timedelta(days=200),
                target=Decimal(rng.choice([200, 400, 600])),
            )
        )
        for category in rng.sample([c for c, _label in RiskCategory.choices], 2):
            risks.append(
                Risk(
                    project=p,
                    title="Something may go wrong",
                    category=category,
                    likelihood=rng.randint(1, 3),
                    impact=rng.randint(1, 3),
                    owner_id=owner,
                    status=rng.choice([RiskStatus.OPEN, RiskStatus.OPEN, RiskStatus.CLOSED]),
                )
            )
    ctx.bulk(Milestone, milestones)
    indicators = ctx.bulk(Indicator, indicators)
    ctx.bulk(Risk, risks)

    by_project: dict[int, list[Indicator]] = {}
    for indicator in indicators:
        by_project.setdefault(indicator.project_id, []).append(indicator)
    reports = []
    for p in projects:
        for index, period in enumerate(periods_by_intake[p.intake_id]):
            state = ReportStatus.APPROVED if index == 0 and rng.random() < 0.7 else rng.choice(REPORT_STATES)
            reports.append(
                ProgressReport(
                    project=p,
                    period=period,
                    status=state,
                    activities_done="Hearings held as planned.",
                    return_comment="Please add the attendance lists." if state == ReportStatus.RETURNED else "",
                    submitted_at=ctx.now if state != ReportStatus.DRAFT else None,
                    approved_at=ctx.now if state == ReportStatus.APPROVED else None,
                )
            )
    reports = ctx.bulk(ProgressReport, reports)
    actuals, versions = [], []
    for r in reports:
        share = Decimal(rng.randint(1, 12))
        for indicator in by_project[r.project_id]:
            if indicator.kind == IndicatorKind.PERCENTAGE:
                value = (share * 100 / 12).quantize(Decimal("0.01"))
                actuals.append(
                    IndicatorActual(report=r, indicator=indicator, numerator=share, denominator=12, value=value)
                )
            else:
                actuals.append(IndicatorActual(report=r, indicator=indicator, value=Decimal(rng.randint(10, 500))))
        if r.status != ReportStatus.DRAFT:
            versions.append(
                ReportVersion(
                    report=r, number=1, content={"text": {"activities_done": r.activities_done}}, submitted_at=ctx.now
                )
            )
    ctx.bulk(IndicatorActual, actuals)
    ctx.bulk(ReportVersion, versions)
    ctx.made["change_projects"] = projects
    ctx.made["summary"].append(f"{len(projects)} change projects, {len(reports)} progress reports")
