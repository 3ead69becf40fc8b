"""Every non-trivial read of selection: figures computed in the database, pages at a fixed query count.

The figures, once, for every page, export and report:
- a review's weighted total (0..100) = Σ score ÷ criterion maximum × criterion weight, over its criteria;
- an application's mean = the sum of its counted reviews' unrounded totals ÷ their number;
- counted reviews are submitted and not voided (a late conflict voids a review; it stays in the history).
Totals and means are rounded to two decimals in the database, so the table, the CSV and the PDF agree.
"""

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    Count,
    DecimalField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, Round
from django.utils.translation import gettext as _

from applications.enums import (
    ACCEPTED_STATES,
    DECIDED_STATES,
    IN_SELECTION_STATES,
    STAGED_STATES,
    WAITLISTED_STATES,
    ApplicationStatus,
)
from applications.models import Application, Organisation, TeamMember
from programmes.enums import CoreArea, IntakeRoleType
from programmes.models import Intake, IntakeRole, RubricCriterion

from .enums import AssignmentStatus, ConfirmationStatus, ReviewStatus
from .models import (
    ConflictDeclaration,
    CriterionScore,
    Decision,
    ReviewAssignment,
    SelectionSettings,
)

CENT = Decimal("0.01")
FIGURE = DecimalField(max_digits=9, decimal_places=2)
PRECISE = DecimalField(max_digits=20, decimal_places=10)
# The statuses the ranking lists: still in selection or decided.
RANKED_STATES = frozenset(IN_SELECTION_STATES | DECIDED_STATES)


class _Arithmetic(Func):
    """Arithmetic written as a template, e.g. "({0} * 1.0 * {1} / {2})".

    The `* 1.0` keeps the division exact: numeric on PostgreSQL, real on SQLite. Django's SQLite
    wrapper would cast intermediate results back to NUMERIC (an integer when whole) and turn the
    division into an integer division, so this expression skips it.
    """

    def __init__(self, *expressions, sql: str, output_field=PRECISE):
        self.sql = sql
        super().__init__(*expressions, output_field=output_field)

    def as_sql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for expression in self.get_source_expressions():
            sql, expression_params = compiler.compile(expression)
            parts.append(sql)
            params.extend(expression_params)
        return self.sql.format(*parts), params

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, **extra_context)


def _share(prefix: str = "") -> _Arithmetic:
    """One criterion's part of a weighted total: score ÷ maximum × weight."""
    return _Arithmetic(
        F(f"{prefix}score"),
        F(f"{prefix}criterion__weight"),
        F(f"{prefix}criterion__max_score"),
        sql="({0} * 1.0 * {1} / {2})",
    )


COUNTED_REVIEW = Q(status=ReviewStatus.SUBMITTED, assignment__status=AssignmentStatus.ACTIVE)


def selection_settings_for(*, intake) -> SelectionSettings:
    """The intake's settings, or unsaved defaults (one query, none when loaded with `select_related`)."""
    if Intake.selection_settings.is_cached(intake):
        try:
            return intake.selection_settings
        except SelectionSettings.DoesNotExist:
            return SelectionSettings(intake=intake)
    return SelectionSettings.objects.filter(intake=intake).first() or SelectionSettings(intake=intake)


def reviews_required_for(intake) -> int:
    """The intake's required valid reviews per application; no query when the settings came with the intake
    (`select_related("selection_settings")`)."""
    try:
        return intake.selection_settings.reviews_required
    except SelectionSettings.DoesNotExist:
        return SelectionSettings._meta.get_field("reviews_required").default


def reviews_with_totals(*, intake) -> QuerySet:
    """Counted reviews of an intake, each with its weighted total (0..100, two decimals)."""
    from .models import Review

    return (
        Review.objects.filter(COUNTED_REVIEW, assignment__application__intake=intake)
        .annotate(total=Round(Sum(_share("scores__")), 2, output_field=FIGURE))
        .order_by("assignment__application_id", "assignment__reviewer__full_name", "pk")
    )


def review_total(*, review) -> Decimal | None:
    """One review's weighted total, also for drafts (what the reviewer sees while scoring)."""
    result = CriterionScore.objects.filter(review=review, score__isnull=False).aggregate(
        total=Round(Sum(_share()), 2, output_field=FIGURE)
    )
    return None if result["total"] is None else result["total"].quantize(CENT)


def review_totals_for_application(*, application) -> dict[int, Decimal]:
    """Every review's weighted total for one application, voided and draft ones included (staff page)."""
    from .models import Review

    rows = (
        Review.objects.filter(assignment__application=application)
        .annotate(total=Round(Sum(_share("scores__")), 2, output_field=FIGURE))
        .values_list("pk", "total")
    )
    return {pk: None if total is None else total.quantize(CENT) for pk, total in rows}


def _cents(value) -> Decimal | None:
    """A figure the database rounded, in the notation of two decimals (SQLite returns floats)."""
    if value is None:
        return None
    return (value if isinstance(value, Decimal) else Decimal(str(value))).quantize(CENT)


@dataclass(frozen=True)
class TieBreak:
    """How equal means are ordered: the higher mean on one criterion, then (optionally) the smaller spread."""

    criterion_id: int | None = None
    smaller_spread: bool = False

    def __bool__(self) -> bool:
        return self.criterion_id is not None or self.smaller_spread


def _ranking_sql(
    *,
    intake,
    where: str = "",
    where_params=(),
    order: str = "rk.position",
    limit=None,
    offset=0,
    states=RANKED_STATES,
    criteria: tuple[int, ...] = (),
    tie_break: TieBreak = TieBreak(),
):
    """The ranking of an intake as one SQL statement over narrow columns, computed over the whole intake.

    Per review its weighted total (a grouped join, no correlated subquery); per application the mean of
    its counted reviews' unrounded totals (rounded to cents), the spread of their rounded totals, reviews
    done and assigned, and the mean score on each of `criteria`; then, with window functions over every
    application in `states`: the position (mean, then the tie-break, then the id), the rank (equal on
    every key: the same rank), how many share the mean and the rank, where the cut-off falls and each
    waitlisted team's reserve number. `where` and `limit`/`offset` choose only what is returned, so
    ranks, ties, reserves and the cut-off stay those of the whole intake. Table names come from the
    models, every value is a parameter.
    """
    from .models import Review

    app = Application._meta.db_table
    assignment = ReviewAssignment._meta.db_table
    review = Review._meta.db_table
    score = CriterionScore._meta.db_table
    criterion = RubricCriterion._meta.db_table
    states = sorted(states)
    in_states = ", ".join(["%s"] * len(states))
    waitlisted = sorted(WAITLISTED_STATES)
    in_waitlisted = ", ".join(["%s"] * len(waitlisted))
    # Each criterion's score of a review (one score per criterion and review), then its mean per application.
    criteria = list(criteria)
    if tie_break.criterion_id is not None and tie_break.criterion_id not in criteria:
        criteria.append(tie_break.criterion_id)
    per_review = "".join(f", MAX(CASE WHEN s.criterion_id = %s THEN s.score END) AS c{i}" for i in range(len(criteria)))
    per_application = "".join(f", ROUND(AVG(pa.c{i} * 1.0), 2) AS cm{i}" for i in range(len(criteria)))
    shown = "".join(f", rk.cm{i}" for i in range(len(criteria)))
    keys, partition = ["f.mean IS NULL", "f.mean DESC"], ["f.mean"]
    if tie_break.criterion_id is not None:
        index = criteria.index(tie_break.criterion_id)
        keys += [f"f.cm{index} IS NULL", f"f.cm{index} DESC"]
        partition.append(f"f.cm{index}")
    if tie_break.smaller_spread:
        keys += ["f.spread"]
        partition.append("f.spread")
    keys, partition = ", ".join(keys), ", ".join(partition)
    places = intake.team_places or 0
    sql = f"""
        WITH per_assignment AS (
            SELECT a.application_id AS application_id, a.id AS assignment_id, r.id AS review_id,
                   SUM(s.score * 1.0 * c.weight / c.max_score) AS raw_total, COUNT(s.id) AS n_scores{per_review}
            FROM {assignment} a
            JOIN {app} ap ON ap.id = a.application_id
            LEFT JOIN {review} r ON r.assignment_id = a.id AND r.status = %s
            LEFT JOIN {score} s ON s.review_id = r.id
            LEFT JOIN {criterion} c ON c.id = s.criterion_id
            WHERE ap.intake_id = %s AND ap.status IN ({in_states}) AND a.status = %s
            GROUP BY a.application_id, a.id, r.id
        ),
        figures AS (
            SELECT ap.id AS id, ap.title AS title, ap.status AS status, ap.intake_id AS intake_id,
                   ROUND(SUM(pa.raw_total) * 1.0 / NULLIF(
                       SUM(CASE WHEN pa.review_id IS NOT NULL AND pa.n_scores > 0 THEN 1 ELSE 0 END), 0), 2) AS mean,
                   MAX(CASE WHEN pa.review_id IS NOT NULL THEN ROUND(COALESCE(pa.raw_total, 0), 2) END)
                   - MIN(CASE WHEN pa.review_id IS NOT NULL THEN ROUND(COALESCE(pa.raw_total, 0), 2) END) AS spread,
                   COUNT(pa.review_id) AS reviews_done, COUNT(pa.assignment_id) AS reviews_assigned{per_application}
            FROM {app} ap LEFT JOIN per_assignment pa ON pa.application_id = ap.id
            WHERE ap.intake_id = %s AND ap.status IN ({in_states})
            GROUP BY ap.id, ap.title, ap.status, ap.intake_id
        ),
        ranked AS (
            SELECT f.*,
                   ROW_NUMBER() OVER (ORDER BY {keys}, f.id) AS position,
                   CASE WHEN f.mean IS NULL THEN NULL ELSE RANK() OVER (ORDER BY {keys}) END AS rank,
                   COUNT(*) OVER (PARTITION BY f.mean) AS same_mean,
                   COUNT(*) OVER (PARTITION BY {partition}) AS same_rank,
                   CASE WHEN f.status IN ({in_waitlisted}) THEN ROW_NUMBER() OVER (
                       PARTITION BY CASE WHEN f.status IN ({in_waitlisted}) THEN 1 ELSE 0 END ORDER BY {keys}, f.id
                   ) END AS reserve
            FROM figures f
        ),
        rk AS (
            SELECT ranked.*,
                   MAX(CASE WHEN position = %s THEN rank END) OVER () AS cut_rank,
                   MAX(CASE WHEN position = %s THEN rank END) OVER () AS next_rank
            FROM ranked
        )
        SELECT rk.id, rk.title, rk.status, rk.intake_id,
               rk.mean, rk.spread, rk.reviews_done, rk.reviews_assigned, rk.position, rk.rank, rk.reserve{shown},
               CASE WHEN rk.mean IS NOT NULL AND rk.same_rank > 1 THEN 1 ELSE 0 END AS tie,
               CASE WHEN rk.mean IS NOT NULL AND rk.same_mean > 1 AND rk.same_rank = 1 THEN 1 ELSE 0 END AS tie_broken,
               CASE WHEN rk.cut_rank IS NOT NULL AND rk.cut_rank = rk.next_rank AND rk.rank = rk.cut_rank
                    THEN 1 ELSE 0 END AS tie_at_cutoff
        FROM rk
        {("WHERE " + where) if where else ""}
        ORDER BY {order}
        {"LIMIT %s OFFSET %s" if limit is not None else ""}
    """  # noqa: S608 - table names from the models, every value a parameter
    params = [
        *criteria, ReviewStatus.SUBMITTED, intake.pk, *states, AssignmentStatus.ACTIVE,
        intake.pk, *states,
        *waitlisted, *waitlisted,
        places if places else -1, places + 1 if places else -1,
        *where_params,
    ]  # fmt: skip
    if limit is not None:
        params += [limit, offset]
    return sql, params


# The page's sort orders; every one ends on the position, so equal keys keep the ranking order.
RANKING_ORDERS = {
    "rank": "rk.position",
    "spread": "rk.spread IS NULL, rk.spread DESC, rk.position",
    "title": "LOWER(rk.title), rk.position",
    "status": "rk.status, rk.position",
}


def applications_with_figures(
    *,
    intake,
    where: str = "",
    where_params=(),
    order="rank",
    limit=None,
    offset=0,
    states=RANKED_STATES,
    criteria: tuple[int, ...] = (),
    tie_break: TieBreak = TieBreak(),
):
    """The intake's ranked applications (narrow: id, title, status) with their figures, rank and flags.

    One query (a RawQuerySet of Application; chain `prefetch_related` for the page's slice). The figures
    are computed over every application in `states` whatever `where` and the slice keep; `cm0`, `cm1`…
    are the mean scores on `criteria`, in that order.
    """
    sql, params = _ranking_sql(
        intake=intake,
        where=where,
        where_params=where_params,
        order=RANKING_ORDERS[order],
        limit=limit,
        offset=offset,
        states=states,
        criteria=criteria,
        tie_break=tie_break,
    )
    return Application.objects.raw(sql, params)


@dataclass
class ReviewerTotal:
    reviewer_id: int
    reviewer_name: str
    total: Decimal
    z: Decimal | None = None


@dataclass
class RankingRow:
    application: Application
    mean: Decimal | None
    reviews_done: int
    reviews_assigned: int
    totals: list[ReviewerTotal] = field(default_factory=list)
    rank: int | None = None
    spread: Decimal | None = None
    spread_flagged: bool = False
    tie: bool = False
    tie_at_cutoff: bool = False
    above_cutoff: bool = False
    normalised: Decimal | None = None
    position: int | None = None
    tie_broken: bool = False
    reserve: int | None = None
    criterion_means: list = field(default_factory=list)  # (criterion, mean score) in rubric order

    @property
    def status_label(self) -> str:
        """The status as people read it; Django's get_status_display re-translates every choice on each call."""
        return _status_labels()[self.application.status]

    @property
    def countries(self) -> list:
        return sorted({o.country.code for o in self.application.organisations.all()})

    @property
    def country_names(self) -> list:
        """The organisations' countries as people read them (the table); the codes stay for filters and CSV."""
        names = _country_names()
        return sorted({names.get(o.country.code, o.country.code) for o in self.application.organisations.all()})

    @property
    def decision(self):
        decisions = list(self.application.decisions.all())
        return decisions[0] if decisions else None


def _status_labels() -> dict[str, str]:
    """Application statuses and their labels in the active language, translated once per language."""
    from django.utils.translation import get_language

    language = get_language()
    labels = _STATUS_LABELS.get(language)
    if labels is None:
        labels = _STATUS_LABELS[language] = {value: str(label) for value, label in ApplicationStatus.choices}
    return labels


_STATUS_LABELS: dict[str, dict[str, str]] = {}


def _country_names() -> dict[str, str]:
    """Country names in the active language, read once per language (a `Country.name` looks the name up
    through the whole translated list each time: a third of a millisecond, for every row)."""
    from django.utils.translation import get_language
    from django_countries import countries

    language = get_language()
    names = _COUNTRY_NAMES.get(language)
    if names is None:
        names = _COUNTRY_NAMES[language] = {code: str(name) for code, name in countries}
    return names


_COUNTRY_NAMES: dict[str, dict[str, str]] = {}


def _z_scores(totals_by_reviewer: dict[int, list[Decimal]]) -> dict[int, tuple[Decimal, Decimal]]:
    """Each reviewer's mean and population standard deviation of their totals."""
    result = {}
    for reviewer_id, totals in totals_by_reviewer.items():
        mean = statistics.fmean(totals)
        spread = statistics.pstdev(totals) if len(totals) > 1 else 0
        result[reviewer_id] = (Decimal(str(mean)), Decimal(str(spread)))
    return result


def _row(application, *, places: int, settings: SelectionSettings, criteria=()) -> RankingRow:
    """A ranking row from one row of `applications_with_figures` (figures, rank and flags from the database)."""
    rank = application.rank
    spread = _cents(application.spread) if application.reviews_done else None
    return RankingRow(
        application=application,
        mean=_cents(application.mean),
        reviews_done=application.reviews_done,
        reviews_assigned=application.reviews_assigned,
        rank=rank,
        spread=spread,
        spread_flagged=spread is not None and spread > settings.spread_threshold,
        tie=bool(application.tie),
        tie_at_cutoff=bool(application.tie_at_cutoff),
        above_cutoff=rank is not None and rank <= places,
        position=application.position,
        tie_broken=bool(application.tie_broken),
        reserve=application.reserve,
        criterion_means=[(c, _cents(getattr(application, f"cm{i}"))) for i, c in enumerate(criteria)],
    )


def _review_totals(*, intake, application_ids=None, reviewer_ids=None):
    """Narrow (application id, reviewer id, reviewer name, total) of counted reviews, one query."""
    queryset = reviews_with_totals(intake=intake)
    if application_ids is not None:
        queryset = queryset.filter(assignment__application_id__in=application_ids)
    if reviewer_ids is not None:
        queryset = queryset.filter(assignment__reviewer_id__in=reviewer_ids)
    return queryset.values_list(
        "assignment__application_id", "assignment__reviewer_id", "assignment__reviewer__full_name", "total"
    )


def _index_totals(totals, *, shown=None) -> tuple[dict, dict]:
    """Reviewer totals by application (only `shown` ones, or all) and every total by reviewer."""
    by_application: dict[int, list[ReviewerTotal]] = defaultdict(list)
    by_reviewer: dict[int, list[Decimal]] = defaultdict(list)
    for application_id, reviewer_id, reviewer_name, total in totals:
        total = (total or Decimal(0)).quantize(CENT)
        if shown is None or application_id in shown:
            by_application[application_id].append(ReviewerTotal(reviewer_id, reviewer_name, total))
        by_reviewer[reviewer_id].append(total)
    return by_application, by_reviewer


def _put_totals(row: RankingRow, by_application: dict, reviewer_stats: dict | None) -> None:
    """The row's reviewer totals and, given the reviewers' statistics, their z-scores and the row's mean z."""
    row.totals = by_application.get(row.application.pk, [])
    if reviewer_stats is not None and row.totals:
        zs = []
        for t in row.totals:
            mean, deviation = reviewer_stats[t.reviewer_id]
            t.z = ((t.total - mean) / deviation).quantize(CENT) if deviation else Decimal("0.00")
            zs.append(t.z)
        row.normalised = (sum(zs) / len(zs)).quantize(CENT)


def _attach_totals(rows: list[RankingRow], totals, *, normalise: bool) -> None:
    """Put each row's reviewer totals on it and, with `normalise`, the z-scores among each reviewer's totals.

    `totals` must hold every counted review of each reviewer who appears on `rows` (their whole intake),
    so a reviewer's mean and spread are those of all their totals, whichever rows are shown.
    """
    by_application, by_reviewer = _index_totals(totals, shown={row.application.pk for row in rows})
    reviewer_stats = _z_scores(by_reviewer) if normalise else None
    for row in rows:
        _put_totals(row, by_application, reviewer_stats)


def _prefetched(applications):
    return applications.prefetch_related(
        "organisations",
        Prefetch("decisions", queryset=Decision.objects.select_related("decided_by").order_by("-decided_at", "-pk")),
    )


def ranking_criteria(*, intake) -> list:
    """The intake's rubric criteria in order (narrow), for the per-criterion means and the tie-break rule."""
    return list(intake.criteria.order_by("order", "pk").only("id", "name", "order", "intake_id"))


def tie_break_for(settings: SelectionSettings) -> TieBreak:
    """The intake's tie-break rule as the ranking statement applies it."""
    return TieBreak(criterion_id=settings.tie_break_criterion_id, smaller_spread=settings.tie_break_spread)


def tie_break_rule_text(settings: SelectionSettings, criteria: list) -> str:
    """The intake's tie-break rule in words, as the ranking page states it."""
    names = {c.pk: c.name for c in criteria}
    name = names.get(settings.tie_break_criterion_id)
    if name and settings.tie_break_spread:
        return _(
            "Equal means are ordered by the higher mean on “%(criterion)s”, then by the smaller spread between "
            "reviewers; teams equal on all three share a rank."
        ) % {"criterion": name}
    if name:
        return _("Equal means are ordered by the higher mean on “%(criterion)s”; teams equal on both share a rank.") % {
            "criterion": name
        }
    if settings.tie_break_spread:
        return _("Equal means are ordered by the smaller spread between reviewers; teams equal on both share a rank.")
    return _("No tie-break rule is set: equal means share a rank.")


def ranking(*, intake, settings: SelectionSettings | None = None) -> list[RankingRow]:
    """The whole ranking of an intake: best mean first, then the tie-break rule; a tie at the cut-off is flagged.

    Six queries whatever the number of rows: the settings, the criteria, the ranked figures (one statement,
    see `_ranking_sql`), organisations, decisions, and the reviewers' totals (narrow tuples). Normalised
    scores: each review's total as a z-score among that reviewer's own totals, averaged per application (a
    harsh and a lenient reviewer made comparable), computed exactly in Python. Pages use `ranking_page`.
    """
    settings = settings or selection_settings_for(intake=intake)
    criteria = ranking_criteria(intake=intake)
    places = intake.team_places or 0
    applications = applications_with_figures(
        intake=intake, criteria=tuple(c.pk for c in criteria), tie_break=tie_break_for(settings)
    )
    rows = [_row(a, places=places, settings=settings, criteria=criteria) for a in _prefetched(applications)]
    _attach_totals(rows, _review_totals(intake=intake), normalise=True)
    return rows


def ranking_iter(*, intake, settings: SelectionSettings | None = None, chunk_size: int = 500) -> Iterator[RankingRow]:
    """The whole ranking row by row, for exports: a generator that reads nothing until the first row is asked for.

    The reviewers' totals are read once as narrow tuples (their statistics need all of them), the ranked
    figures through one statement's iterator, the organisations a chunk of rows at a time; no row list of
    the whole intake is built.
    """
    settings = settings or selection_settings_for(intake=intake)
    places = intake.team_places or 0
    criteria = ranking_criteria(intake=intake)
    by_application, by_reviewer = _index_totals(_review_totals(intake=intake).iterator(chunk_size=2000))
    reviewer_stats = _z_scores(by_reviewer)
    chunk: list[Application] = []

    def rows(applications):
        prefetch_related_objects(applications, "organisations")
        for application in applications:
            row = _row(application, places=places, settings=settings, criteria=criteria)
            _put_totals(row, by_application, reviewer_stats)
            yield row

    figures = applications_with_figures(
        intake=intake, criteria=tuple(c.pk for c in criteria), tie_break=tie_break_for(settings)
    )
    for application in figures.iterator():
        chunk.append(application)
        if len(chunk) >= chunk_size:
            yield from rows(chunk)
            chunk = []
    yield from rows(chunk)


def rows_ranked_above(*, rows: list[RankingRow], application) -> list[RankingRow]:
    """Rows with a strictly higher mean than `application` that are not accepted."""
    this = next((r for r in rows if r.application.pk == application.pk), None)
    if this is None:
        return []
    return [
        r
        for r in rows
        if r.mean is not None
        and (this.mean is None or r.mean > this.mean)
        and r.application.status not in ACCEPTED_STATES
        and r.application.pk != application.pk
    ]


# --- Cohort balance -------------------------------------------------------------------------


def cohort_balance(*, intake) -> dict:
    """What the accepted set looks like against the places: countries, organisation types, members, core areas."""
    from django_countries import countries as country_names

    from accounts.models import Gender
    from programmes.enums import MemberRoleType, OrganisationType

    accepted = list(
        Application.objects.filter(intake=intake, status__in=sorted(ACCEPTED_STATES))
        .order_by("pk")
        .prefetch_related("organisations", Prefetch("members", queryset=TeamMember.objects.order_by("pk")))
    )
    countries, types, roles, genders, areas = Counter(), Counter(), Counter(), Counter(), Counter()
    for application in accepted:
        organisations = list(application.organisations.all())
        for code in {o.country.code for o in organisations}:
            countries[code] += 1
        for organisation in organisations:
            types[organisation.type] += 1
        for member in application.members.all():
            roles[member.role_type or ""] += 1
            genders[member.gender or ""] += 1
        for area in application.core_areas:
            areas[area] += 1

    def labelled(counter, labels):
        return sorted(((labels.get(k) or "—", n) for k, n in counter.items()), key=lambda p: (-p[1], str(p[0])))

    return {
        "places": intake.team_places,
        "accepted": len(accepted),
        "free": max(intake.team_places - len(accepted), 0),
        "countries": labelled(countries, dict(country_names)),
        "organisation_types": labelled(types, dict(OrganisationType.choices)),
        "roles": labelled(roles, dict(MemberRoleType.choices)),
        "genders": labelled(genders, dict(Gender.choices)),
        "core_areas": labelled(areas, dict(CoreArea.choices)),
    }


# --- Reviewers --------------------------------------------------------------------------------


def assignments_for_reviewer(*, reviewer) -> QuerySet[ReviewAssignment]:
    """A reviewer's active assignments with their review and declaration, for the queue (one query).

    The applications' outline answers and the programmes' long texts are not loaded: the queue shows titles.
    """
    from applications.selectors import LONG_ANSWERS

    return (
        ReviewAssignment.objects.filter(reviewer=reviewer, status=AssignmentStatus.ACTIVE)
        .select_related("application__intake__programme", "review")
        .defer(
            *(f"application__{name}" for name in LONG_ANSWERS),
            "application__intake__programme__summary",
            "application__intake__programme__objectives",
            "application__intake__programme__expected_outcomes",
            "review__comment",
        )
        .annotate(
            declared=Exists(ConflictDeclaration.objects.filter(application=OuterRef("application"), reviewer=reviewer))
        )
        .order_by("application__intake__closes_at", "application__title", "pk")
    )


def reviewer_progress(assignments: QuerySet[ReviewAssignment]) -> dict:
    """How many of these assignments there are and how many have a submitted review (one count query)."""
    return assignments.aggregate(
        assigned=Count("pk"), done=Count("pk", filter=Q(review__status=ReviewStatus.SUBMITTED))
    )


def reviewers_for_intake(*, intake) -> list:
    """The intake's reviewers with their load: active assignments and submitted reviews."""
    from accounts.models import User

    return list(
        User.objects.filter(intake_roles__intake=intake, intake_roles__role=IntakeRoleType.REVIEWER)
        .annotate(
            load=Count(
                "review_assignments",
                filter=Q(
                    review_assignments__application__intake=intake, review_assignments__status=AssignmentStatus.ACTIVE
                ),
                distinct=True,
            ),
            done=Count(
                "review_assignments",
                filter=Q(
                    review_assignments__application__intake=intake,
                    review_assignments__status=AssignmentStatus.ACTIVE,
                    review_assignments__review__status=ReviewStatus.SUBMITTED,
                ),
                distinct=True,
            ),
        )
        .order_by("full_name", "email")
    )


def intake_reviewer_ids(*, intake) -> set[int]:
    return set(IntakeRole.objects.filter(intake=intake, role=IntakeRoleType.REVIEWER).values_list("user_id", flat=True))


def _count_subquery(queryset, field_name: str):
    """A correlated count (0 when none) of `queryset` rows grouped by `field_name`."""
    counted = queryset.order_by().values(field_name).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _valid_reviews_subquery(application_ref: str = "pk"):
    """How many counted reviews (submitted, not voided) an application has."""
    from .models import Review

    return _count_subquery(
        Review.objects.filter(COUNTED_REVIEW, assignment__application=OuterRef(application_ref)),
        "assignment__application",
    )


def valid_review_count(*, application) -> int:
    """Counted reviews of one application: submitted and not voided by a conflict (one query)."""
    from .models import Review

    return Review.objects.filter(COUNTED_REVIEW, assignment__application=application).count()


def applications_for_assignment(*, intake) -> QuerySet[Application]:
    """Applications reviewers can be assigned to, with their countries, active assignments and valid reviews."""
    return (
        Application.objects.filter(intake=intake, status__in=sorted(IN_SELECTION_STATES))
        .only("pk", "intake_id", "status", "title")
        .annotate(valid_reviews=_valid_reviews_subquery())
        .prefetch_related(
            "organisations",
            Prefetch(
                "assignments",
                queryset=ReviewAssignment.objects.filter(status=AssignmentStatus.ACTIVE).select_related(
                    "reviewer", "review"
                ),
                to_attr="active_assignments",
            ),
        )
        .order_by("title", "pk")
    )


def conflicts_for_intake(*, intake) -> QuerySet[ConflictDeclaration]:
    """The intake's declarations, conflicts first, with the application's valid reviews and active reviewers.

    The two counts say whether a replacement reviewer is needed (one query for the page).
    """
    from applications.selectors import LONG_ANSWERS

    return (
        ConflictDeclaration.objects.filter(application__intake=intake)
        .select_related("application", "reviewer", "declared_by")
        .defer(*(f"application__{name}" for name in LONG_ANSWERS))  # the page shows the title only
        .annotate(
            valid_reviews=_valid_reviews_subquery("application"),
            active_reviewers=_count_subquery(
                ReviewAssignment.objects.filter(application=OuterRef("application"), status=AssignmentStatus.ACTIVE),
                "application",
            ),
        )
        .order_by("-has_conflict", "-updated_at", "pk")
    )


def decisions_pending_release(*, intake) -> list[Decision]:
    """The latest decision of each application whose decision is staged (decided, not released)."""
    decisions = (
        Decision.objects.filter(application__intake=intake, application__status__in=sorted(STAGED_STATES))
        .select_related("application", "decided_by")
        .order_by("application_id", "-decided_at", "-pk")
    )
    latest: dict[int, Decision] = {}
    for decision in decisions:
        latest.setdefault(decision.application_id, decision)
    return sorted(latest.values(), key=lambda d: (d.outcome, d.application.title, d.application_id))


def pending_release_count(*, intake) -> int:
    return Application.objects.filter(intake=intake, status__in=sorted(STAGED_STATES)).count()


def waitlist_top(*, intake, settings: SelectionSettings | None = None) -> RankingRow | None:
    """The next reserve: the best-ranked waitlisted application (the intake's tie-break rule applied).

    One query over the waitlisted applications only (their figures and order), never the whole ranking.
    """
    settings = settings or selection_settings_for(intake=intake)
    found = list(
        applications_with_figures(intake=intake, states=WAITLISTED_STATES, limit=1, tie_break=tie_break_for(settings))
    )
    return _row(found[0], places=0, settings=settings) if found else None


def ranking_rows_for(*, intake, application_ids, settings: SelectionSettings | None = None) -> dict:
    """The ranking rows (rank, cut-off side, reserve) of some applications, by id: two queries whatever the number.

    Ranks and the cut-off are those of the whole intake; only these rows are returned.
    """
    settings = settings or selection_settings_for(intake=intake)
    ids = sorted(set(application_ids))
    if not ids:
        return {}
    found = applications_with_figures(
        intake=intake,
        where="rk.id IN (" + ", ".join(["%s"] * len(ids)) + ")",
        where_params=ids,
        tie_break=tie_break_for(settings),
    )
    places = intake.team_places or 0
    return {a.pk: _row(a, places=places, settings=settings) for a in found}


def reserve_number(*, application) -> int | None:
    """A waitlisted team's place in the reserve order (1 = offered the next free place), or None."""
    if application.status not in WAITLISTED_STATES:
        return None
    settings = selection_settings_for(intake=application.intake)
    found = list(
        applications_with_figures(
            intake=application.intake,
            states=WAITLISTED_STATES,
            where="rk.id = %s",
            where_params=[application.pk],
            tie_break=tie_break_for(settings),
        )
    )
    return found[0].reserve if found else None


def places_free(*, intake) -> int:
    """The intake's places not taken by an accepted team (staged or released), one count."""
    accepted = Application.objects.filter(intake=intake, status__in=sorted(ACCEPTED_STATES)).count()
    return max((intake.team_places or 0) - accepted, 0)


# --- Who is selected: the one answer every app reads ------------------------------------------


def applications_selected(*, intake=None, confirmed: bool = False) -> QuerySet[Application]:
    """Teams whose acceptance has been released to them (and, with `confirmed`, who confirmed their place).

    A staged acceptance (ACCEPTED_PENDING) is not selected: nobody but staff may learn of it before
    the release. Dashboards, mentor lists and anything later ask this, never `status` directly.
    """
    queryset = Application.objects.filter(status=ApplicationStatus.ACCEPTED)
    if intake is not None:
        queryset = queryset.filter(intake=intake)
    if confirmed:
        queryset = queryset.filter(confirmation__status=ConfirmationStatus.CONFIRMED)
    return queryset


def is_application_selected(application, *, confirmed: bool = False) -> bool:
    """`applications_selected` for one application (no query unless `confirmed`)."""
    if application.status != ApplicationStatus.ACCEPTED:
        return False
    if not confirmed:
        return True
    return applications_selected(confirmed=True).filter(pk=application.pk).exists()


def in_a_selected_team(user) -> bool:
    """Whether `user` is a member of a selected team: the participant's dashboard panels (programme,
    coaching, study visit places, certificate) ask it first, so nobody else pays their queries. No query
    of its own once the dashboard's applications panel has read the person's applications."""
    from applications.selectors import applications_for_user

    if not user.is_authenticated:
        return False
    return any(is_application_selected(application) for application in applications_for_user(user=user))


# --- What the selection pages read (views stay thin) -------------------------------------------


def reviewers_queryset(*, intake) -> QuerySet:
    """The intake's reviewers, by name: the choices of the assignment and conflict forms."""
    from accounts.models import User

    return User.objects.filter(intake_roles__intake=intake, intake_roles__role=IntakeRoleType.REVIEWER).order_by(
        "full_name"
    )


def applications_for_review() -> QuerySet[Application]:
    """Applications with everything the conflict question and the review page show (loaded once)."""
    return Application.objects.select_related(
        "intake__programme", "intake__selection_settings", "contact_person"
    ).prefetch_related(
        "organisations",
        Prefetch("members", queryset=TeamMember.objects.select_related("user")),
        "attachments",
    )


@dataclass
class ReviewSheet:
    """A reviewer's review as the page shows it: the saved review, or an empty one not yet saved."""

    assignment: ReviewAssignment
    review: object
    scores: list
    locked: bool
    total: Decimal | None


def review_sheet(*, application, reviewer) -> ReviewSheet | None:
    """The reviewer's own active assignment, review, total so far and a score row per criterion.

    Two queries (the assignment with its review and total; the criteria with this review's scores);
    None when the reviewer has no active assignment. Reading it writes nothing.
    """
    from programmes.models import RubricCriterion

    from .models import Review

    totals = (
        CriterionScore.objects.filter(review__assignment=OuterRef("pk"), score__isnull=False)
        .values("review")
        .annotate(total=Round(Sum(_share()), 2, output_field=FIGURE))
        .values("total")
    )
    assignment = (
        ReviewAssignment.objects.filter(application=application, reviewer=reviewer, status=AssignmentStatus.ACTIVE)
        .select_related("review")
        .annotate(total=Subquery(totals, output_field=FIGURE))
        .order_by("pk")
        .first()
    )
    if assignment is None:
        return None
    assignment.application = application
    try:
        review = assignment.review
    except Review.DoesNotExist:
        review = Review(assignment=assignment)
    criteria = RubricCriterion.objects.filter(intake_id=application.intake_id).order_by("order", "pk")
    if review.pk:
        mine = CriterionScore.objects.filter(review=review.pk, criterion=OuterRef("pk"))
        criteria = criteria.annotate(
            saved_score=Subquery(mine.values("score")[:1]), saved_comment=Subquery(mine.values("comment")[:1])
        )
    scores = [
        CriterionScore(
            criterion=c, score=getattr(c, "saved_score", None), comment=getattr(c, "saved_comment", None) or ""
        )
        for c in criteria
    ]
    total = None if not review.pk or assignment.total is None else assignment.total.quantize(CENT)
    return ReviewSheet(assignment=assignment, review=review, scores=scores, locked=review.is_submitted, total=total)


def ranking_countries(*, intake) -> list[tuple[str, str]]:
    """The countries of the intake's ranked applications, for the ranking's filter (one query)."""
    from django_countries import countries as country_names

    codes = (
        Organisation.objects.filter(application__intake=intake, application__status__in=sorted(RANKED_STATES))
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    names = dict(country_names)
    return sorted((code, names.get(code, code)) for code in codes)


class RankedRows:
    """The ranking as a sequence Django's Paginator can slice: a count, then one page of rows.

    Ranks, ties, the cut-off and the figures are computed over the whole intake in the database; only the
    page's slice is loaded, with its organisations, decisions and reviewer totals (a fixed number of queries).
    """

    def __init__(self, *, intake, settings, criteria=(), country="", flagged=False, sort="rank", normalise=False):
        self.intake, self.settings, self.normalise = intake, settings, normalise
        self.criteria = list(criteria)
        self.sort = sort if sort in RANKING_ORDERS else "rank"
        conditions, params = [], []
        if country:
            table = Organisation._meta.db_table
            conditions.append(
                f"EXISTS (SELECT 1 FROM {table} o WHERE o.application_id = rk.id AND o.country = %s)"  # noqa: S608 - table name from the model
            )
            params.append(country)
        if flagged:
            conditions.append("rk.spread > %s AND rk.reviews_done > 0")
            params.append(settings.spread_threshold)
        self.where, self.params = " AND ".join(conditions), params

    def count(self) -> int:
        """How many rows the filters keep (without the figures unless the filter needs them)."""
        if not self.where:
            return Application.objects.filter(intake=self.intake, status__in=sorted(RANKED_STATES)).count()
        sql, params = _ranking_sql(
            intake=self.intake, where=self.where, where_params=self.params, tie_break=tie_break_for(self.settings)
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) counted", params)  # noqa: S608 - see _ranking_sql
            return cursor.fetchone()[0]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("RankedRows is sliced by the paginator")
        start, stop = index.start or 0, index.stop
        applications = _prefetched(
            applications_with_figures(
                intake=self.intake,
                where=self.where,
                where_params=self.params,
                order=self.sort,
                limit=None if stop is None else stop - start,
                offset=start,
                criteria=tuple(c.pk for c in self.criteria),
                tie_break=tie_break_for(self.settings),
            )
        )
        places = self.intake.team_places or 0
        rows = [_row(a, places=places, settings=self.settings, criteria=self.criteria) for a in applications]
        if rows:
            ids = [row.application.pk for row in rows]
            if self.normalise:
                # Every total of the reviewers shown, so their z-scores are over all they scored in the intake.
                reviewers = ReviewAssignment.objects.filter(application_id__in=ids).values("reviewer_id")
                totals = _review_totals(intake=self.intake, reviewer_ids=reviewers)
            else:
                totals = _review_totals(intake=self.intake, application_ids=ids)
            _attach_totals(rows, totals, normalise=self.normalise)
        return rows


def ranking_page(
    *, intake, settings, criteria=(), page=None, per_page=50, country="", flagged=False, sort="rank", normalise=False
):
    """One page of the ranking (Django's Paginator over `RankedRows`): ranks, ties and cut-off are the intake's."""
    rows = RankedRows(
        intake=intake,
        settings=settings,
        criteria=criteria,
        country=country,
        flagged=flagged,
        sort=sort,
        normalise=normalise,
    )
    return Paginator(rows, per_page).get_page(page)


def sample_application(*, intake, outcome):
    """An application to preview an outcome's e-mail with: one with that decision, else any."""
    from applications.enums import STAGED_OF

    queryset = Application.objects.filter(intake=intake).select_related("intake__programme", "contact_person")
    return queryset.filter(status__in=[outcome, STAGED_OF[outcome]]).first() or queryset.order_by("pk").first()


def any_decision(*, intake) -> bool:
    return Decision.objects.filter(application__intake=intake).exists()


def confirmations_for_intake(*, intake) -> list:
    """The intake's confirmations, open ones last, by title."""
    from .models import Confirmation

    return list(
        Confirmation.objects.filter(application__intake=intake)
        .select_related("application__contact_person")
        .order_by("closed_at", "application__title")
    )


def counted_reviews(assignments: list[ReviewAssignment]) -> int:
    """How many of these assignments have a review that counts (submitted, assignment not voided); no query."""
    return sum(
        1 for a in assignments if not a.is_voided and getattr(a, "review", None) is not None and a.review.is_submitted
    )


def assignments_for_application(*, application) -> list[ReviewAssignment]:
    """Every assignment of one application with its review and scores, voided ones last (staff page)."""
    return list(
        ReviewAssignment.objects.filter(application=application)
        .select_related("reviewer", "review")
        .prefetch_related("review__scores__criterion")
        .order_by("status", "reviewer__full_name")
    )


def applications_in_selection(*, intake) -> QuerySet[Application]:
    """The choices of the assignment and conflict forms: id and title only (hundreds per intake)."""
    return (
        Application.objects.filter(intake=intake, status__in=sorted(IN_SELECTION_STATES))
        .only("pk", "title")
        .order_by("title", "pk")
    )


def pending_reviewer_invitations(*, intake) -> list:
    return list(intake.reviewer_invitations.filter(accepted_at__isnull=True))
