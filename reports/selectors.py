"""What each report shows, read in a fixed number of queries whatever the size of the intake.

Figures come from the selection selectors (the same the pages and exports use), so a report,
its page and its export always agree.
"""

from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Avg, Count, Prefetch, Q, Sum
from django.utils.translation import gettext as _

from applications.display import answer_value
from applications.models import Application, TeamMember
from applications.outline import SECTIONS
from programmes.models import RubricCriterion
from selection.models import CriterionScore, Review
from selection.selectors import (
    CENT,
    COUNTED_REVIEW,
    cohort_balance,
    ranking,
    reviews_required_for,
    selection_settings_for,
)

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
    return {"entries": entries, "blind": settings.blind_review, "reviews_required": reviews_required_for(intake)}


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
    return {
        "criteria": criteria,
        "table": table,
        "balance": balance,
        "balance_groups": groups,
        "reviews_required": reviews_required_for(intake),
    }


def jobs_for_intake(*, intake, kinds):
    """An intake's report jobs of these kinds, newest first (one query; the page paginates)."""
    return ReportJob.objects.filter(intake=intake, kind__in=list(kinds)).select_related("requested_by", "participant")


def participants_for_certificates(*, intake):
    """The intake's participants, by name (change projects' one definition of a participant)."""
    from change_projects.selectors import participants_of

    return participants_of(intake=intake)


def certificate_intakes(*, user) -> list:
    """The intakes `user` takes part in, for their own certificate (one query).

    `pk__in` rather than a join and DISTINCT, which compared the intakes' and programmes' whole rows.
    """
    from change_projects.models import ChangeProject
    from programmes.models import Intake

    projects = ChangeProject.objects.filter(participants__user=user).order_by()
    return list(
        Intake.objects.filter(pk__in=projects.values("intake_id")).select_related("programme").order_by("-opens_at")
    )


def jobs_of_user(*, user):
    return ReportJob.objects.filter(requested_by=user).select_related(
        "intake__programme", "requested_by", "participant"
    )


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


# --- The intake summary for funders ----------------------------------------------------------------


def intake_summary_data(*, intake, now) -> dict:
    """What funders read, from approved data only: the cohort, its change projects' progress as the
    approved progress reports state it, and the coaching given. Fixed query count."""
    from applications.enums import SDG_CHOICES
    from change_projects.enums import ReportStatus
    from change_projects.models import ChangeProject, IndicatorActual, ReportVersion
    from change_projects.selectors import indicator_on_track, local_today
    from mentoring.models import CoachingSession, MentorWork
    from programmes.enums import CoreArea

    projects = list(
        ChangeProject.objects.filter(intake=intake)
        .select_related("application")
        .prefetch_related("application__organisations", "indicators")
        .order_by("title", "pk")
    )
    phases = list(intake.phases.all())
    start = min((p.starts_on for p in phases), default=None)
    end = max((p.ends_on for p in phases), default=None)
    today = local_today(intake, now)
    # The latest approved actual of each indicator.
    latest: dict[int, IndicatorActual] = {}
    for actual in (
        IndicatorActual.objects.filter(report__project__intake=intake, report__status=ReportStatus.APPROVED)
        .select_related("indicator")
        .order_by("report__period__due_on", "pk")
    ):
        latest[actual.indicator_id] = actual
    # Milestones as the latest approved report of each project states them.
    milestones: dict[int, list] = {}
    for version in (
        ReportVersion.objects.filter(report__project__intake=intake, report__status=ReportStatus.APPROVED)
        .order_by("report__period__due_on", "number")
        .values("report__project_id", "content")
    ):
        milestones[version["report__project_id"]] = version["content"].get("milestones", [])
    sessions = {
        row["application_id"]: row
        for row in CoachingSession.objects.filter(application__intake=intake)
        .values("application_id")
        .annotate(n=Count("pk"), minutes=Sum("duration_minutes"))
    }
    other_hours = MentorWork.objects.filter(assignment__intake=intake).aggregate(h=Sum("hours"))["h"] or Decimal(0)

    rows, areas, sdgs = [], Counter(), Counter()
    totals = {"indicators": 0, "reported": 0, "on_track": 0, "milestones": 0, "milestones_done": 0}
    for project in projects:
        application = project.application
        areas.update(application.core_areas)
        sdgs.update(application.sdgs)
        stated = milestones.get(project.pk, [])
        done = sum(1 for m in stated if m.get("status") == "done")
        indicators = list(project.indicators.all())
        reported = [latest[i.pk] for i in indicators if i.pk in latest]
        judged = [
            indicator_on_track(a.indicator, a.value, start=a.indicator.baseline_date or start, end=end, today=today)
            for a in reported
        ]
        coaching = sessions.get(application.pk, {"n": 0, "minutes": 0})
        rows.append(
            {
                "project": project,
                "countries": sorted({o.country.name for o in application.organisations.all()}),
                "milestones": len(stated),
                "milestones_done": done,
                "indicators": len(indicators),
                "reported": len(reported),
                "on_track": sum(1 for j in judged if j),
                "sessions": coaching["n"],
                "coaching_hours": Decimal(coaching["minutes"] or 0) / 60,
            }
        )
        totals["indicators"] += len(indicators)
        totals["reported"] += len(reported)
        totals["on_track"] += sum(1 for j in judged if j)
        totals["milestones"] += len(stated)
        totals["milestones_done"] += done
    session_minutes = sum((s["minutes"] or 0) for s in sessions.values())
    sdg_names = dict(SDG_CHOICES)
    from study_visits.enums import PlaceStatus
    from study_visits.models import StudyVisit

    visits = list(
        StudyVisit.objects.filter(intake=intake)
        .annotate(
            booked=Count("places", filter=Q(places__status=PlaceStatus.BOOKED), distinct=True),
            present_days=Count("places__attendance", filter=Q(places__attendance__present=True), distinct=True),
        )
        .order_by("starts_on", "pk")
    )
    balance = cohort_balance(intake=intake)
    return {
        "rows": rows,
        "totals": totals,
        "balance": balance,
        "balance_groups": [
            (_("Countries"), balance["countries"]),
            (_("Gender"), balance["genders"]),
            (_("Roles"), balance["roles"]),
            (_("Organisation types"), balance["organisation_types"]),
        ],
        "core_areas": sorted(
            ((CoreArea(a).label, n) for a, n in areas.items() if a in CoreArea.values), key=lambda p: (-p[1], str(p[0]))
        ),
        "sdgs": sorted(
            ((sdg_names[s], n) for s, n in sdgs.items() if s in sdg_names), key=lambda p: (-p[1], str(p[0]))
        ),
        "phases": phases,
        "visits": visits,
        "coaching": {
            "sessions": sum(s["n"] for s in sessions.values()),
            "session_hours": Decimal(session_minutes) / 60,
            "other_hours": other_hours,
        },
    }


# --- An attendance certificate --------------------------------------------------------------------


def certificate_data(*, intake, participant, now) -> dict:
    """The participant's team and change project, the intake's phases so far, and the study visits
    of the intake with the days the participant was recorded present."""
    from change_projects.models import ChangeProject
    from change_projects.selectors import local_today
    from study_visits.enums import PlaceStatus
    from study_visits.models import Place

    project = (
        ChangeProject.objects.filter(intake=intake, participants__user=participant)
        .select_related("application")
        .first()
    )
    today = local_today(intake, now)
    phases = [p for p in intake.phases.all() if p.starts_on <= today]
    visits = []
    for place in (
        Place.objects.filter(user=participant, visit__intake=intake, status=PlaceStatus.BOOKED)
        .select_related("visit")
        .prefetch_related("attendance")
        .order_by("visit__starts_on", "pk")
    ):
        days = place.visit.days()
        present = sorted(a.day for a in place.attendance.all() if a.present)
        if present:
            visits.append({"visit": place.visit, "present": present, "days": len(days)})
    return {"participant": participant, "project": project, "phases": phases, "visits": visits}
