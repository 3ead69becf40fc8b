"""Exports of the staff tables of an intake, as CSV (streamed) or XLSX, through the one shared
writer (`portal.exports`, formula cells neutralised, numbers and dates typed in XLSX).

Each export is a table function `(request, intake) -> (header, rows)`; rows is an iterable read
once, so long tables stream. The figures come from the owning apps' selectors, the same the pages
show. A new export: a function here and one entry in `EXPORTS`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class Export:
    label: str
    table: Callable


def applications_table(request, intake) -> tuple[list, Iterable[list]]:
    """The staff list of applications with the filters of the page applied (same query string)."""
    from applications.display import answer_value
    from applications.filters import StaffApplicationFilter
    from applications.selectors import applications_for_intake

    filterset = StaffApplicationFilter(
        request.GET or None, queryset=applications_for_intake(intake=intake), intake=intake
    )
    header = [
        _("Title"),
        _("Status"),
        _("Contact person"),
        _("E-mail"),
        _("Countries"),
        _("Organisations"),
        _("Team members"),
        _("Core areas"),
        _("Submitted"),
    ]

    def rows():
        for application in filterset.qs.iterator(chunk_size=500):
            organisations = list(application.organisations.all())
            yield [
                application.title,
                application.get_status_display(),
                application.contact_person.get_full_name(),
                application.contact_person.email,
                ", ".join(sorted({o.country.code for o in organisations})),
                "; ".join(o.name for o in organisations),
                application.member_count,
                ", ".join(str(a) for a in answer_value(application, "core_areas")),
                application.submitted_at,
            ]

    return header, rows()


def scores_table(request, intake) -> tuple[list, Iterable[list]]:
    """Every criterion score of every counted review (reviewer names hidden under blind review)."""
    from selection.models import CriterionScore, Review
    from selection.selectors import COUNTED_REVIEW, reviews_with_totals, selection_settings_for

    blind = selection_settings_for(intake=intake).blind_review
    totals = dict(reviews_with_totals(intake=intake).values_list("pk", "total"))
    reviews = (
        Review.objects.filter(COUNTED_REVIEW, assignment__application__intake=intake)
        .select_related("assignment__application", "assignment__reviewer")
        .prefetch_related(Prefetch("scores", queryset=CriterionScore.objects.select_related("criterion")))
        .order_by("assignment__application__title", "assignment__application_id", "pk")
    )
    header = [_("Application"), _("Reviewer"), _("Review total"), _("Criterion"), _("Score"), _("Out of"), _("Comment")]

    def rows():
        numbers: dict[int, int] = {}
        for review in reviews.iterator(chunk_size=500):
            application = review.assignment.application
            numbers[application.pk] = numbers.get(application.pk, 0) + 1
            reviewer = (
                _("Reviewer %(n)d") % {"n": numbers[application.pk]}
                if blind
                else review.assignment.reviewer.get_full_name()
            )
            for score in review.scores.all():
                yield [
                    application.title,
                    reviewer,
                    totals.get(review.pk),
                    score.criterion.name,
                    score.score,
                    score.criterion.max_score,
                    score.comment,
                ]

    return header, rows()


def ranking_table(request, intake) -> tuple[list, Iterable[list]]:
    """The ranking as the page shows it, with per-criterion means, streamed row by row (`ranking_iter`)."""
    from selection.selectors import ranking_criteria, ranking_iter, reviews_required_for

    criteria = ranking_criteria(intake=intake)
    required = reviews_required_for(intake)
    header = [
        _("Rank"),
        _("Title"),
        _("Countries"),
        _("Mean"),
        _("Valid reviews"),
        _("Reviews required"),
        _("Spread"),
        _("Normalised"),
        _("Status"),
        *[c.name for c in criteria],
    ]
    return header, (
        [
            row.rank,
            row.application.title,
            ", ".join(row.countries),
            row.mean,
            row.reviews_done,
            required,
            row.spread,
            row.normalised,
            row.status_label,
            *[mean for _criterion, mean in row.criterion_means],
        ]
        for row in ranking_iter(intake=intake)
    )


def sessions_table(request, intake) -> tuple[list, Iterable[list]]:
    """Every coaching session of the intake's teams; never the private notes."""
    from mentoring.models import CoachingSession

    sessions = (
        CoachingSession.objects.filter(application__intake=intake)
        .select_related("application", "assignment__mentor")
        .prefetch_related("participants__user", "tags")
        .order_by("application__title", "starts_at", "pk")
    )
    header = [
        _("Team"),
        _("Mentor"),
        _("Date and time"),
        _("Duration (minutes)"),
        _("Mode"),
        _("Who took part"),
        _("Topic tags"),
        _("Topics"),
        _("Notes shared with the team"),
    ]
    return header, (
        [
            s.application.title,
            s.assignment.mentor.get_full_name(),
            s.starts_at,
            s.duration_minutes,
            s.get_mode_display(),
            ", ".join(p.user.get_full_name() for p in s.participants.all()),
            ", ".join(t.name for t in s.tags.all()),
            s.topics,
            s.shared_notes,
        ]
        for s in sessions.iterator(chunk_size=500)
    )


def participants_table(request, intake) -> tuple[list, Iterable[list]]:
    from change_projects.models import Participant

    participants = (
        Participant.objects.filter(project__intake=intake)
        .select_related("user", "project")
        .order_by("project__title", "user__full_name", "pk")
    )
    header = [_("Team"), _("Name"), _("E-mail"), _("Country"), _("Position"), _("Gender")]
    return header, (
        [
            p.project.title,
            p.user.get_full_name(),
            p.user.email,
            p.user.country.code if p.user.country else "",
            p.user.position,
            p.user.get_gender_display(),
        ]
        for p in participants.iterator(chunk_size=500)
    )


def coaching_table(request, intake) -> tuple[list, Iterable[list]]:
    """Mentoring's staff overview of the intake (no notes of any kind)."""
    from mentoring.selectors import overview_table

    return overview_table(intake=intake)


def attendance_table(request, intake) -> tuple[list, Iterable[list]]:
    """One row per booked participant, visit and day: present, absent or not recorded."""
    from study_visits.enums import PlaceStatus
    from study_visits.models import Place

    places = (
        Place.objects.filter(visit__intake=intake, status=PlaceStatus.BOOKED)
        .select_related("visit", "user", "application")
        .prefetch_related("attendance")
        .order_by("visit__starts_on", "visit_id", "user__full_name", "pk")
    )
    header = [_("Study visit"), _("Day"), _("Participant"), _("Team"), _("Present")]

    def rows():
        for place in places:
            marks = {a.day: a.present for a in place.attendance.all()}
            for day in place.visit.days():
                mark = marks.get(day)
                present = "" if mark is None else (_("yes") if mark else _("no"))
                yield [place.visit.title, day, place.user.get_full_name(), place.application.title, present]

    return header, rows()


def indicators_table(request, intake) -> tuple[list, Iterable[list]]:
    """Indicators per team × reporting period, from submitted, returned and approved reports."""
    from change_projects.enums import ReportStatus
    from change_projects.models import IndicatorActual

    actuals = (
        IndicatorActual.objects.filter(report__project__intake=intake)
        .filter(~Q(report__status=ReportStatus.DRAFT))
        .select_related("indicator__project", "report__period__phase")
        .order_by("indicator__project__title", "indicator__order", "indicator_id", "report__period__due_on")
    )
    header = [
        _("Team"),
        _("Indicator"),
        _("Unit"),
        _("Baseline"),
        _("Target"),
        _("Period"),
        _("Actual"),
        _("Numerator"),
        _("Denominator"),
        _("Report"),
    ]
    return header, (
        [
            a.indicator.project.title,
            a.indicator.name,
            a.indicator.unit,
            a.indicator.baseline if a.indicator.baseline is not None else a.indicator.baseline_text,
            a.indicator.target if a.indicator.target is not None else a.indicator.target_text,
            str(a.report.period.phase),
            a.value if a.value is not None else a.value_text,
            a.numerator,
            a.denominator,
            a.report.get_status_display(),
        ]
        for a in actuals.iterator(chunk_size=500)
    )


EXPORTS: dict[str, Export] = {
    "applications": Export(gettext_lazy("Applications (with the list's filters)"), applications_table),
    "scores": Export(gettext_lazy("Scores per criterion"), scores_table),
    "ranking": Export(gettext_lazy("Ranking with per-criterion means"), ranking_table),
    "participants": Export(gettext_lazy("Participants"), participants_table),
    "coaching": Export(gettext_lazy("Coaching overview"), coaching_table),
    "sessions": Export(gettext_lazy("Coaching sessions"), sessions_table),
    "attendance": Export(gettext_lazy("Study-visit attendance"), attendance_table),
    "indicators": Export(gettext_lazy("Indicators per team and period"), indicators_table),
}
FORMATS = ("csv", "xlsx")
