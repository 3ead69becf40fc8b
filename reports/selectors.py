"""What each report shows, read in a fixed number of queries whatever the size of the intake.

Figures come from the selection selectors (the same the pages and exports use), so a report,
its page and its export always agree.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Avg, Prefetch, Q
from django.utils.translation import gettext as _

from applications.display import answer_value
from applications.models import Application, TeamMember
from applications.outline import SECTIONS
from programmes.models import RubricCriterion
from selection.models import CriterionScore, Review
from selection.selectors import CENT, COUNTED_REVIEW, cohort_balance, ranking, selection_settings_for

from .enums import JobStatus
from .models import ReportJob


def _criteria(intake) -> list:
    return list(RubricCriterion.objects.filter(intake=intake).order_by("order", "pk"))


def criterion_means(*, intake) -> dict[int, dict[int, Decimal]]:
    """application id → criterion id → mean score over the counted reviews (one query)."""
    rows = (
        CriterionScore.objects.filter(
            review__in=Review.objects.filter(COUNTED_REVIEW, assignment__application__intake=intake),
            score__isnull=False,
        )
        .values("review__assignment__application_id", "criterion_id")
        .annotate(mean=Avg("score"))
    )
    means: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for row in rows:
        means[row["review__assignment__application_id"]][row["criterion_id"]] = Decimal(str(row["mean"])).quantize(CENT)
    return means


def dossier_data(*, intake) -> dict:
    """Every application still in or through selection, in ranking order, with its outline and reviews."""
    rows = ranking(intake=intake)
    settings = selection_settings_for(intake=intake)
    ids = [row.application.pk for row in rows]
    applications = {
        a.pk: a
        for a in Application.objects.filter(pk__in=ids)
        .select_related("contact_person")
        .prefetch_related(
            "organisations",
            "attachments",
            Prefetch("members", queryset=TeamMember.objects.select_related("user").order_by("pk")),
        )
    }
    reviews = defaultdict(list)
    for review in (
        Review.objects.filter(COUNTED_REVIEW, assignment__application_id__in=ids)
        .select_related("assignment__reviewer")
        .prefetch_related(Prefetch("scores", queryset=CriterionScore.objects.select_related("criterion")))
        .order_by("assignment__application_id", "submitted_at", "pk")
    ):
        reviews[review.assignment.application_id].append(review)
    totals = {(t.reviewer_id, row.application.pk): t.total for row in rows for t in row.totals}
    entries = []
    for row in rows:
        application = applications[row.application.pk]
        entry_reviews = []
        for number, review in enumerate(reviews[application.pk], start=1):
            reviewer = review.assignment.reviewer
            entry_reviews.append(
                {
                    "reviewer": None if settings.blind_review else reviewer.get_full_name() or reviewer.email,
                    "number": number,
                    "total": totals.get((reviewer.pk, application.pk)),
                    "recommendation": review.get_recommendation_display(),
                    "comment": review.comment,
                    "scores": [
                        {
                            "criterion": s.criterion.name,
                            "score": s.score,
                            "max": s.criterion.max_score,
                            "comment": s.comment,
                        }
                        for s in review.scores.all()
                    ],
                }
            )
        entries.append(
            {
                "row": row,
                "application": application,
                "members": list(application.members.all()),
                "organisations": list(application.organisations.all()),
                "attachments": list(application.attachments.all()),
                "sections": [
                    (section, [(application._meta.get_field(n), answer_value(application, n)) for n in section.fields])
                    for section in SECTIONS
                ],
                "reviews": entry_reviews,
            }
        )
    return {"entries": entries, "blind": settings.blind_review}


def selection_result_data(*, intake) -> dict:
    """The ranking with per-criterion means, the decisions with their internal reasons, and the cohort."""
    rows = ranking(intake=intake)
    criteria = _criteria(intake)
    means = criterion_means(intake=intake)
    table = [
        {"row": row, "criterion_means": [(c, means.get(row.application.pk, {}).get(c.pk)) for c in criteria]}
        for row in rows
    ]
    balance = cohort_balance(intake=intake)
    groups = [
        (_("Countries"), balance["countries"]),
        (_("Gender"), balance["genders"]),
        (_("Roles"), balance["roles"]),
        (_("Organisation types"), balance["organisation_types"]),
        (_("Core areas"), balance["core_areas"]),
    ]
    return {"criteria": criteria, "table": table, "balance": balance, "balance_groups": groups}


def jobs_for_intake(*, intake, kinds):
    """An intake's report jobs of these kinds, newest first (one query; the page paginates)."""
    return ReportJob.objects.filter(intake=intake, kind__in=list(kinds)).select_related("requested_by")


def jobs_of_user(*, user):
    return ReportJob.objects.filter(requested_by=user).select_related("intake__programme")


def latest_done(*, intake, kind):
    return ReportJob.objects.filter(Q(intake=intake, kind=kind, status=JobStatus.DONE)).order_by("-created_at").first()


def intakes_for_reports():
    """Intakes staff make reports for, newest first (one query)."""
    from programmes.models import Intake

    return list(Intake.objects.select_related("programme").order_by("-opens_at", "-pk")[:50])


# --- A team's change-project report ------------------------------------------------------------


def change_project_data(*, application) -> dict:
    """The team's plan, milestones, indicators (charts from approved reports only), risks, approved
    reports (their last submitted version), and a coaching summary without any private note."""
    from change_projects.charts import indicator_chart
    from change_projects.enums import ReportStatus
    from change_projects.models import ChangeProject, IndicatorActual, ReportVersion
    from change_projects.selectors import project_plan, snapshot_display
    from mentoring.selectors import team_actions, team_assignment, team_sessions

    project = ChangeProject.objects.select_related("application", "intake__programme").get(application=application)
    plan = project_plan(project=project)
    approved = (
        IndicatorActual.objects.filter(report__project=project, report__status=ReportStatus.APPROVED)
        .select_related("report__period__phase")
        .order_by("report__period__due_on")
    )
    by_indicator = defaultdict(list)
    for actual in approved:
        by_indicator[actual.indicator_id].append((str(actual.report.period.phase), actual.value, actual.value_text))
    for indicator in plan["indicators"]:
        indicator.chart = indicator_chart(indicator, by_indicator[indicator.pk])
    versions = {}
    for version in (
        ReportVersion.objects.filter(report__project=project, report__status=ReportStatus.APPROVED)
        .select_related("report__period__phase")
        .order_by("report__period__due_on", "number")
    ):
        versions[version.report_id] = version  # the last submitted version is the one approved
    reports = [
        {
            "phase": str(v.report.period.phase),
            "approved_at": v.report.approved_at,
            "content": snapshot_display(v.content),
        }
        for v in versions.values()
    ]
    sessions = list(team_sessions(application=application))
    minutes = sum(s.duration_minutes for s in sessions)
    return {
        "project": project,
        "members": list(project.participants.select_related("user").order_by("user__full_name")),
        "plan": plan,
        "reports": reports,
        "assignment": team_assignment(application=application),
        "sessions": sessions,
        "coaching_hours": Decimal(minutes) / 60,
        "actions": list(team_actions(application=application)),
    }
