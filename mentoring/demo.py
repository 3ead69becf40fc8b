"""Demo mentoring: the demo mentor coaches two teams of the past intake, with sessions and actions in
every state; one team has gone past the no-coaching threshold. Idempotent.

Told as of `programmes.demo.follow_up_day` (for the finished past intake, a day in its home phase):
each step is written inside `demo_dated`, so sessions, actions and the feed keep their own days.
"""

from datetime import datetime, timedelta
from decimal import Decimal

from portal.services import demo_dated
from programmes.demo import at, follow_up_day
from selection.selectors import applications_selected

from .enums import ActionStatus, BudgetUnit, SessionMode, WorkKind
from .models import MentorAssignment, TopicTag
from .services import mentor_assignment_create, mentor_work_log, mentoring_settings_update, session_log

TAGS = ["Stakeholder mapping", "Citizen dialogue", "Budgeting", "Communication", "Risk management"]
TEAMS = ["Citizen feedback on heritage-zone permits", "Musrenbang that includes people with disabilities"]


def _at(intake, days_ago: int, hour: int) -> datetime:
    """`hour` o'clock in the intake's zone, `days_ago` days before the day the story is told as of."""
    return at(intake, follow_up_day(intake) - timedelta(days=days_ago), hour)


def seed(*, stdout) -> None:
    from accounts.demo import demo_user

    mentor, staff = demo_user("mentor"), demo_user("staff")
    teams = list(applications_selected().filter(title__in=TEAMS).select_related("intake"))
    if len(teams) < 2 or MentorAssignment.objects.filter(mentor=mentor).exists():
        return
    teams.sort(key=lambda team: TEAMS.index(team.title))
    hoi_an, surakarta = teams
    intake = hoi_an.intake
    tags = {name: TopicTag.objects.get_or_create(name=name)[0] for name in TAGS}
    today = follow_up_day(intake)
    last_day = max([phase.ends_on for phase in intake.phases.all()], default=today + timedelta(days=270))
    if not mentor.time_zone:  # the mentor's own zone, from their profile, is shown next to the team's
        mentor.time_zone = "Africa/Dakar"
        mentor.save(update_fields=["time_zone"])
    with demo_dated(_at(intake, 92, 10)):
        mentoring_settings_update(intake=intake, by=staff, no_coaching_days=30)
        assignment = mentor_assignment_create(
            intake=intake,
            mentor=mentor,
            teams=teams,
            by=staff,
            starts_on=today - timedelta(days=90),
            ends_on=min(today + timedelta(days=270), last_day),
            budget_amount=Decimal("6"),
            budget_unit=BudgetUnit.DAYS,
            expectations="A session with each team every month; read and comment on each progress report.",
        )
    hoi_an_members = [m.user for m in hoi_an.members.select_related("user")]
    with demo_dated(_at(intake, 50, 12)):
        first = _first_session(hoi_an, mentor, intake, tags, hoi_an_members, today)
    earlier = {a.description: a for a in first.agreed_actions.all()}
    with demo_dated(_at(intake, 21, 11)):
        second = _second_session(hoi_an, mentor, intake, tags, hoi_an_members, today, earlier)
    with demo_dated(_at(intake, 45, 10)):
        _surakarta_session(surakarta, mentor, intake, tags, today)
    for days_ago, kind, hours, team, note in [
        (51, WorkKind.PREPARATION, Decimal("2"), hoi_an, ""),
        (45, WorkKind.TRAVEL, Decimal("6"), surakarta, "Dakar – Solo via Jakarta (part)"),
        (15, WorkKind.REPORT_READING, Decimal("1.5"), hoi_an, ""),
    ]:
        with demo_dated(_at(intake, days_ago, 18)):
            mentor_work_log(
                assignment=assignment,
                by=mentor,
                kind=kind,
                worked_on=today - timedelta(days_ago),
                hours=hours,
                application=team,
                note=note,
            )
    stdout.write(f"Mentoring: {mentor} coaches {len(teams)} teams; {second.application} last coached 21 days ago")


def _first_session(hoi_an, mentor, intake, tags, hoi_an_members, today):
    return session_log(
        application=hoi_an,
        by=mentor,
        starts_at=_at(intake, 50, 9),
        duration_minutes=90,
        mode=SessionMode.ONLINE,
        participants=list(hoi_an.members.all()),
        tags=[tags["Stakeholder mapping"]],
        topics="Who decides on heritage permits, and who waits for them.",
        shared_notes="We mapped the offices a permit passes through and the families most affected.",
        private_notes="The head of urban management is sceptical of publishing waiting times.",
        actions=[
            {
                "description": "List every step of a repair permit",
                "owner": hoi_an_members[0],
                "due_on": today - timedelta(40),
            },
            {
                "description": "Ask the ward offices for last year's waiting times",
                "owner": hoi_an_members[1],
                "due_on": today - timedelta(35),
            },
            {"description": "Send examples of permit trackers", "owner": mentor, "due_on": today - timedelta(43)},
            {
                "description": "Survey families in the old town",
                "owner": hoi_an_members[-1],
                "due_on": today - timedelta(30),
            },
        ],
    )


def _second_session(hoi_an, mentor, intake, tags, hoi_an_members, today, earlier):
    return session_log(
        application=hoi_an,
        by=mentor,
        starts_at=_at(intake, 21, 9),
        duration_minutes=60,
        mode=SessionMode.PROGRAMME_PHASE,
        participants=list(hoi_an.members.all()[:2]),
        tags=[tags["Citizen dialogue"], tags["Communication"]],
        topics="How to tell families where their file is.",
        shared_notes="The permit steps are listed; waiting times are still missing.",
        follow_ups={
            earlier["List every step of a repair permit"]: (ActionStatus.DONE, None),
            earlier["Ask the ward offices for last year's waiting times"]: (
                ActionStatus.CARRIED_OVER,
                today - timedelta(3),
            ),
            earlier["Send examples of permit trackers"]: (ActionStatus.DONE, None),
            earlier["Survey families in the old town"]: (ActionStatus.DROPPED, None),
        },
        actions=[
            {
                "description": "Draft the text for the ward office notice board",
                "owner": hoi_an_members[-1],
                "due_on": today + timedelta(10),
            },
        ],
    )


def _surakarta_session(surakarta, mentor, intake, tags, today):
    session_log(
        application=surakarta,
        by=mentor,
        starts_at=_at(intake, 45, 8),
        duration_minutes=75,
        mode=SessionMode.IN_PERSON,
        participants=list(surakarta.members.all()),
        tags=[tags["Stakeholder mapping"], tags["Budgeting"]],
        topics="Which musrenbang venues are accessible; who pays for sign-language interpreters.",
        shared_notes="Three of the five district venues need ramps.",
        private_notes="The council member may not stand again; the project needs a second political champion.",
        actions=[
            {
                "description": "Check the five venues with the disability forum",
                "owner": surakarta.contact_person,
                "due_on": today - timedelta(20),
            },
        ],
    )
