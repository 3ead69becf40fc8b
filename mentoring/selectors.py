"""Every non-trivial read of mentoring, with a fixed number of queries per page.

Figures (last session, open and overdue actions, hours used) are computed in the database with
subqueries, one per figure, so they never multiply each other through joins.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from applications.models import Application, TeamMember
from change_projects.models import Milestone, Risk
from portal.permissions import keep_rule_answers
from programmes.enums import IntakeRoleType
from programmes.models import Intake, Phase
from selection.selectors import applications_selected

from .enums import OUTSTANDING_ACTION_STATES
from .models import (
    CoachingAction,
    CoachingSession,
    MentorAssignment,
    MentoredTeam,
    MentoringSettings,
    MentorWork,
    TopicTag,
)

DEFAULT_NO_COACHING_DAYS = MentoringSettings._meta.get_field("no_coaching_days").default
HOURS = DecimalField(max_digits=10, decimal_places=2)


def assignable_teams(*, intake) -> QuerySet[Application]:
    """The intake's selected teams (accepted and told), which staff may give a mentor."""
    return applications_selected(intake=intake).order_by("title", "pk")


def mentor_intakes(*, user) -> list[Intake]:
    """Intakes where `user` is a mentor, each with its selected teams (`selected_teams`).

    Selected means accepted and told (`applications_selected`): a staged acceptance stays hidden.
    """
    selected = applications_selected().select_related("contact_person")
    return list(
        Intake.objects.filter(roles__user=user, roles__role=IntakeRoleType.MENTOR)
        .select_related("programme")
        .prefetch_related(Prefetch("applications", queryset=selected, to_attr="selected_teams"), "phases")
        .order_by("-opens_at")
    )


# --- Figures as subqueries ----------------------------------------------------------------------


def _count(queryset, group: str = "application", column: str = "pk") -> Subquery:
    """How many rows of `queryset` its outer row has. Counting a column of an index the filter uses (never
    null) rather than the primary key lets PostgreSQL count from the index alone, without the table's rows."""
    return Subquery(
        queryset.order_by().values(group).annotate(n=Count(column)).values("n")[:1], output_field=IntegerField()
    )


def _count_all(queryset, column: str = "pk") -> Subquery:
    """How many rows `queryset` has: a COUNT with no GROUP BY, so one row (0 when there are none)."""
    return Subquery(
        queryset.order_by().annotate(n=Func(column, function="COUNT")).values("n")[:1], output_field=IntegerField()
    )


def _sum(queryset, expression, group: str = "application", output_field=HOURS) -> Subquery:
    return Subquery(
        queryset.order_by().values(group).annotate(total=Sum(expression)).values("total")[:1],
        output_field=output_field,
    )


def _minutes(queryset, group: str = "application") -> Coalesce:
    # Whole minutes in SQL; hours are divided in Python (SQLite would divide integers).
    return Coalesce(_sum(queryset, "duration_minutes", group, output_field=IntegerField()), 0)


def hours_of(minutes: int) -> Decimal:
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.01"))


def _with_team_figures(queryset: QuerySet[Application], *, today: date) -> QuerySet[Application]:
    sessions = CoachingSession.objects.filter(application=OuterRef("pk"))
    outstanding = CoachingAction.objects.filter(application=OuterRef("pk"), status__in=OUTSTANDING_ACTION_STATES)
    return queryset.annotate(
        last_session_at=Subquery(sessions.order_by("-starts_at").values("starts_at")[:1]),
        # Counted from the indexes (application, starts_at) and (application, status, due_on).
        session_count=Coalesce(_count(sessions, column="starts_at"), 0),
        open_actions=Coalesce(_count(outstanding, column="due_on"), 0),
        overdue_actions=Coalesce(_count(outstanding.filter(due_on__lt=today), column="due_on"), 0),
        session_minutes=_minutes(sessions),
    )


def _assignment_hours(queryset: QuerySet[MentorAssignment]) -> QuerySet[MentorAssignment]:
    work = _sum(MentorWork.objects.filter(assignment=OuterRef("pk")), "hours", group="assignment")
    return queryset.annotate(
        session_minutes_used=_minutes(CoachingSession.objects.filter(assignment=OuterRef("pk")), group="assignment"),
        other_hours_used=Coalesce(work, Value(Decimal(0))),
    )


@dataclass(frozen=True)
class BudgetUse:
    sessions: Decimal
    other_work: Decimal
    budget: Decimal

    @property
    def used(self) -> Decimal:
        return (self.sessions + self.other_work).quantize(Decimal("0.01"))

    @property
    def left(self) -> Decimal:
        return self.budget - self.used

    @property
    def over(self) -> bool:
        return self.used > self.budget

    @property
    def percent(self) -> int:
        return min(100, int(self.used * 100 / self.budget)) if self.budget else 100


def budget_use(assignment: MentorAssignment) -> BudgetUse:
    """Hours used by sessions and other work against the agreement's budget (annotated by the selectors)."""
    if not hasattr(assignment, "session_minutes_used"):
        assignment = _assignment_hours(MentorAssignment.objects.filter(pk=assignment.pk)).get()
    return BudgetUse(
        sessions=hours_of(assignment.session_minutes_used),
        other_work=Decimal(assignment.other_hours_used).quantize(Decimal("0.01")),
        budget=assignment.budget_hours,
    )


# --- The mentor's pages -------------------------------------------------------------------------


def mentor_assignments(*, mentor) -> list[MentorAssignment]:
    """The mentor's agreements (the mentor role still held), with hours used and the teams' figures. 4 queries."""
    today = timezone.localdate()
    teams = _with_team_figures(
        Application.objects.select_related("intake").order_by("title", "pk"), today=today
    ).prefetch_related(Prefetch("members", queryset=TeamMember.objects.select_related("user")))
    return list(
        _assignment_hours(
            MentorAssignment.objects.filter(
                mentor=mentor, intake__roles__user=mentor, intake__roles__role=IntakeRoleType.MENTOR
            )
        )
        .select_related("intake__programme")
        .prefetch_related(Prefetch("teams", queryset=teams))
        .order_by("-intake__opens_at", "pk")
    )


def team_assignment(*, application) -> MentorAssignment | None:
    """The team's mentor agreement with the mentor, or None."""
    team = MentoredTeam.objects.select_related("assignment__mentor", "assignment__intake").filter(
        application=application
    )
    first = team.first()
    return first.assignment if first else None


def team_sessions(*, application) -> QuerySet[CoachingSession]:
    """The team's sessions, newest first, with who took part, tags and the actions agreed. 4 queries a page."""
    return (
        CoachingSession.objects.filter(application=application)
        .select_related("assignment__mentor")
        .prefetch_related(
            Prefetch("participants", queryset=TeamMember.objects.select_related("user")),
            "tags",
            Prefetch("agreed_actions", queryset=CoachingAction.objects.select_related("owner")),
        )
        .order_by("-starts_at", "-pk")
    )


def team_session_list(*, application) -> QuerySet[CoachingSession]:
    """The team's sessions for its coaching page, newest first: when, how, how long, tags, topics. 2 queries a page.

    Who took part, the actions agreed and the notes are on each session's own page: not loaded here.
    """
    return (
        CoachingSession.objects.filter(application=application)
        .select_related("assignment__mentor", "assignment__intake")
        .only(
            "starts_at",
            "duration_minutes",
            "mode",
            "topics",
            "assignment__mentor_time_zone",
            "assignment__mentor__time_zone",
            "assignment__intake__time_zone",
        )
        .prefetch_related("tags")
        .order_by("-starts_at", "-pk")
    )


# An action row is read whole (services move the actions the session form lists, and their history copies
# every field); of its owner, only the name and address are shown: a user's whole row cost more than the action.
ACTION_FIELDS = tuple(field.name for field in CoachingAction._meta.concrete_fields)


def team_actions(*, application, outstanding_only: bool = False) -> QuerySet[CoachingAction]:
    """The team's agreed actions, the outstanding ones first, by due date, with their owner's name and e-mail."""
    # Through the team's manager every action shares `application`, which keeps the permission answers
    # of its rows: a page of actions asks "is this the team's mentor / a member" once, not per action.
    actions = (
        keep_rule_answers(application)
        .coaching_actions.select_related("owner")
        .only(*ACTION_FIELDS, "owner__full_name", "owner__email")
    )
    if outstanding_only:
        actions = actions.filter(status__in=OUTSTANDING_ACTION_STATES)
    return actions.order_by("due_on", "pk")


def session_with_details() -> QuerySet[CoachingSession]:
    """Sessions for one session's page: the team, its intake and mentor, who took part, tags, actions."""
    return CoachingSession.objects.select_related("application__intake", "assignment__mentor").prefetch_related(
        Prefetch("participants", queryset=TeamMember.objects.select_related("user")),
        "tags",
        "milestones",
        "risks",
        Prefetch("agreed_actions", queryset=CoachingAction.objects.select_related("owner")),
    )


def coaching_actions_open(*, application) -> list[CoachingAction]:
    """The team's open and carried-over actions, by due date: for its dashboard and next progress report. 1 query."""
    return list(team_actions(application=application, outstanding_only=True))


# --- The staff overview -------------------------------------------------------------------------


def _phase_start(today: date) -> Subquery:
    """The start of the intake's phase running now, or the latest phase already started."""
    return Subquery(
        Phase.objects.filter(intake=OuterRef("intake"), starts_on__lte=today)
        .order_by("-starts_on")
        .values("starts_on")[:1]
    )


def _localized(path: str, field: str) -> list[str]:
    """`field` of a translated model reached through `path`, with its column in every language (for `only`)."""
    return [path + field] + [path + build_localized_fieldname(field, lang) for lang in mt_settings.AVAILABLE_LANGUAGES]


# What the overview, its export and `left_alone` read of a team: the long answers of the application,
# the intake's and programme's texts and the mentor's account are not loaded for a few hundred rows.
OVERVIEW_ROW_FIELDS = (
    "title",
    "intake__time_zone",
    *_localized("intake__", "name"),
    *_localized("intake__programme__", "title"),
    "mentored_team__assignment__starts_on",
    "mentored_team__assignment__ends_on",
    "mentored_team__assignment__mentor__email",
    "mentored_team__assignment__mentor__full_name",
)


def overview_rows(
    *, intake=None, mentor=None, today: date | None = None, with_programme: bool = True
) -> QuerySet[Application]:
    """Every selected team with its mentor and coaching figures, for staff. 1 query (every row at once).

    "Today" (for overdue actions and the running phase) is the intake's day when one intake is shown,
    so the figures agree with `left_alone`, which counts in each intake's zone.
    `with_programme=False` leaves out each row's programme (the page names the intake only; the export
    names both): a few hundred model instances fewer.
    """
    if today is None:
        today = intake.local(timezone.now()).date() if intake is not None else timezone.localdate()
    teams = applications_selected()
    if intake is not None:
        teams = teams.filter(intake=intake)
    if mentor is not None:
        teams = teams.filter(mentored_team__assignment__mentor=mentor)
    phase_sessions = CoachingSession.objects.filter(
        application=OuterRef("pk"), starts_at__date__gte=OuterRef("phase_start")
    )
    return (
        _with_team_figures(teams, today=today)
        .annotate(
            phase_start=_phase_start(today),
            # starts_at, read from the index (application, starts_at), both for the count and the date filter.
            sessions_this_phase=Coalesce(_count(phase_sessions, column="starts_at"), 0),
            no_coaching_days=Coalesce("intake__mentoring_settings__no_coaching_days", DEFAULT_NO_COACHING_DAYS),
            programme_ends_on=Subquery(
                Phase.objects.filter(intake=OuterRef("intake")).order_by("-ends_on").values("ends_on")[:1]
            ),
        )
        .select_related("intake__programme" if with_programme else "intake", "mentored_team__assignment__mentor")
        .only(*(f for f in OVERVIEW_ROW_FIELDS if with_programme or not f.startswith("intake__programme__")))
        .order_by("intake__programme__title", "intake__name", "title", "pk")
    )


@dataclass(frozen=True)
class LeftAlone:
    team: Application
    days: int | None  # None: no mentor yet
    since: date | None


def days_without_coaching(team: Application, now: datetime) -> int | None:
    """Whole days in the intake's zone since the last session (or since the agreement began)."""
    today = team.intake.local(now).date()
    if team.last_session_at is not None:
        return (today - team.intake.local(team.last_session_at).date()).days
    mentored = getattr(team, "mentored_team", None)
    if mentored is None:
        return None
    return (today - mentored.assignment.starts_on).days


def coaching_is_over(team: Application, today: date) -> bool:
    """The mentor agreement has ended or, for a team without a mentor, the programme's last phase has:
    nobody is waiting for coaching any more (a finished intake's teams are history, not left alone)."""
    if _has_mentor(team):
        return team.mentored_team.assignment.ends_on < today
    ends_on = getattr(team, "programme_ends_on", None)
    return ends_on is not None and ends_on < today


def left_alone(rows, *, now: datetime | None = None) -> list[LeftAlone]:
    """Teams still being coached with no coaching for more than their intake's N days, or no mentor at all;
    longest first."""
    now = now or timezone.now()
    found = []
    for team in rows:
        if coaching_is_over(team, team.intake.local(now).date()):
            continue
        if not _has_mentor(team):
            found.append(LeftAlone(team=team, days=None, since=None))
            continue
        days = days_without_coaching(team, now)
        if days is not None and days > team.no_coaching_days:
            since = team.intake.local(team.last_session_at).date() if team.last_session_at else None
            found.append(LeftAlone(team=team, days=days, since=since))
    return sorted(found, key=lambda item: (item.days is not None, -(item.days or 0)))


def mentor_workload(*, intake=None, mentor=None) -> QuerySet[MentorAssignment]:
    """Each mentor's agreements: teams, sessions, open actions and hours against the budget. 1 query.

    Every figure is a subquery on the agreement: no join to the teams, so each is worked out once per
    agreement and not once per team (a GROUP BY over the joined teams repeated them all).
    """
    assignments = MentorAssignment.objects.all()
    if intake is not None:
        assignments = assignments.filter(intake=intake)
    if mentor is not None:
        assignments = assignments.filter(mentor=mentor)
    teams = MentoredTeam.objects.filter(assignment=OuterRef("pk"))
    sessions = CoachingSession.objects.filter(assignment=OuterRef("pk"))
    open_actions = CoachingAction.objects.filter(
        application__mentored_team__assignment=OuterRef("pk"),
        status__in=OUTSTANDING_ACTION_STATES,
    )
    return (
        _assignment_hours(assignments)
        .annotate(
            team_count=Coalesce(_count(teams, "assignment"), 0),
            # Counted from the indexes on the sessions' agreement and (application, status, due_on).
            session_count=Coalesce(_count(sessions, "assignment", column="assignment"), 0),
            open_action_count=_count_all(open_actions, column="due_on"),
        )
        .select_related("mentor", "intake__programme")
        .order_by("mentor__full_name", "intake__name", "pk")
    )


# --- The digest ---------------------------------------------------------------------------------


def digest_actions(*, today: date | None = None) -> dict:
    """Outstanding actions grouped by owner: {owner: [actions]}, for the weekly digest. 1 query."""
    grouped: dict = {}
    actions = (
        CoachingAction.objects.filter(status__in=OUTSTANDING_ACTION_STATES, owner__is_active=True)
        .select_related("owner", "application__intake__programme")
        .order_by("owner_id", "due_on", "pk")
    )
    for action in actions:
        grouped.setdefault(action.owner, []).append(action)
    return grouped


# --- Forms' choices -----------------------------------------------------------------------------


def session_form_choices(*, application, assignment) -> dict:
    """What the session form offers: the team's members, the active tags, the outstanding actions."""
    return {
        "assignment": assignment,
        "members": TeamMember.objects.filter(application=application).select_related("user"),
        "tags": TopicTag.objects.filter(is_active=True).order_by("name"),
        "outstanding": team_actions(application=application, outstanding_only=True),
        "milestones": Milestone.objects.filter(project__application=application).order_by("due_on", "pk"),
        "risks": Risk.objects.filter(project__application=application).order_by("pk"),
    }


def assignment_work(*, assignment) -> QuerySet[MentorWork]:
    return MentorWork.objects.filter(assignment=assignment).select_related("application").order_by("-worked_on", "-pk")


def overview_filter_choices() -> dict:
    """The intakes and the people with a mentor agreement, for the overview's filter menus.

    `pk__in` rather than a join and DISTINCT, which compared the intakes' and users' whole rows.
    """
    agreements = MentorAssignment.objects.order_by()
    return {
        "intakes": Intake.objects.filter(pk__in=agreements.values("intake_id"))
        .select_related("programme")
        .order_by("-opens_at"),
        "mentors": User.objects.filter(pk__in=agreements.values("mentor_id")).order_by("full_name"),
    }


def unassigned_teams(*, intake) -> QuerySet[Application]:
    """Selected teams of the intake with no mentor yet."""
    return assignable_teams(intake=intake).filter(mentored_team__isnull=True)


def participant_coaching(*, user) -> list[Application]:
    """The selected teams `user` is a member of, with their mentor and outstanding actions. 2 queries.

    The dashboard panel shows the team's title, its mentor's name and address, and each action's text, owner
    and due date: only those are read (an application's row holds its long answers, ~10 KB at bench scale).
    """
    outstanding = (
        CoachingAction.objects.filter(status__in=OUTSTANDING_ACTION_STATES)
        .select_related("owner")
        .only("application", "description", "due_on", "status", "owner__full_name", "owner__email")
    )
    return list(
        applications_selected()
        .filter(members__user=user)
        .select_related("mentored_team__assignment__mentor")
        .only(
            "title",
            "mentored_team__assignment__mentor__full_name",
            "mentored_team__assignment__mentor__email",
        )
        .prefetch_related(Prefetch("coaching_actions", queryset=outstanding.order_by("due_on", "pk"), to_attr="todo"))
        .order_by("-intake__opens_at")
    )


# --- Exports (rows for the shared writer in portal/exports.py) -----------------------------------


def team_history_table(*, application, include_private: bool) -> tuple[list[str], list[list]]:
    """A team's coaching history, one row per session; private notes only when `include_private`."""
    from django.utils.translation import gettext as _

    from programmes.display import local_datetime_text

    headers = [
        _("Date and time"),
        _("Duration (minutes)"),
        _("Mode"),
        _("Who took part"),
        _("Topic tags"),
        _("Topics"),
        _("Notes shared with the team"),
        _("Actions agreed"),
    ]
    if include_private:
        headers.append(_("Private notes"))
    rows = []
    for session in team_sessions(application=application).select_related("application__intake"):
        row = [
            local_datetime_text(session.application.intake, session.starts_at),
            session.duration_minutes,
            session.get_mode_display(),
            ", ".join(p.user.get_full_name() for p in session.participants.all()),
            ", ".join(t.name for t in session.tags.all()),
            session.topics,
            session.shared_notes,
            "; ".join(
                f"{a.description} ({a.owner.get_full_name()}, {a.due_on:%Y-%m-%d}, {a.get_status_display()})"
                for a in session.agreed_actions.all()
            ),
        ]
        if include_private:
            row.append(session.private_notes)
        rows.append(row)
    return headers, rows


def overview_table(*, intake=None, mentor=None) -> tuple[list[str], list[list]]:
    """The staff overview as a table: one row per selected team."""
    from django.utils.translation import gettext as _

    headers = [
        _("Intake"),
        _("Team"),
        _("Mentor"),
        _("Last session"),
        _("Sessions this phase"),
        _("Open actions"),
        _("Overdue actions"),
        _("Team's hours"),
    ]
    rows = []
    for team in overview_rows(intake=intake, mentor=mentor):
        mentored = team.mentored_team if _has_mentor(team) else None
        rows.append(
            [
                str(team.intake),
                team.title,
                mentored.assignment.mentor.get_full_name() if mentored else "",
                team.intake.local(team.last_session_at).date().isoformat() if team.last_session_at else "",
                team.sessions_this_phase,
                team.open_actions,
                team.overdue_actions,
                hours_of(team.session_minutes),
            ]
        )
    return headers, rows


def _has_mentor(team) -> bool:
    try:
        return team.mentored_team is not None
    except MentoredTeam.DoesNotExist:
        return False
