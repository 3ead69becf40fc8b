"""Benchmark data (see bench/seed.py): mentors, their agreements and 2,000 coaching sessions at scale 1.

Every change-project team gets a mentor (about eight teams per mentor, each mentor holding the
mentor role in the intake); the sessions are spread over those teams in the last 300 days, each
with the team's members, a tag, shared and private notes, and one or two agreed actions in every
state (open, done, carried over, dropped; some overdue). Mentors also log other work.
"""

from datetime import timedelta
from decimal import Decimal

from applications.models import TeamMember
from programmes.enums import IntakeRoleType
from programmes.models import IntakeRole

from .enums import ActionStatus, BudgetUnit, SessionMode, WorkKind
from .models import CoachingAction, CoachingSession, MentorAssignment, MentoredTeam, MentorWork, TopicTag

TEAMS_PER_MENTOR = 8
TAGS = ["Stakeholder mapping", "Citizen dialogue", "Participatory budgeting", "Council procedure", "Monitoring"]
ACTION_STATES = [
    ActionStatus.OPEN,
    ActionStatus.OPEN,
    ActionStatus.DONE,
    ActionStatus.CARRIED_OVER,
    ActionStatus.DROPPED,
]


def seed(ctx) -> None:
    from accounts.benchdata import make_users

    rng, now = ctx.rng, ctx.now
    projects = ctx.made.get("change_projects") or []
    if not projects:
        return
    teams_by_intake: dict[int, list] = {}
    for project in projects:
        teams_by_intake.setdefault(project.intake_id, []).append(project.application)
    mentor_count = sum(-(-len(teams) // TEAMS_PER_MENTOR) for teams in teams_by_intake.values())
    mentors = make_users(ctx, prefix="bench-mentor-", count=mentor_count, organisation="Mentor pool")
    tags = [TopicTag.objects.get_or_create(name=name)[0] for name in TAGS]

    assignments, mentored, roles = [], [], []
    pool = iter(mentors)
    for intake_id, teams in teams_by_intake.items():
        for start in range(0, len(teams), TEAMS_PER_MENTOR):
            mentor = next(pool)
            roles.append(IntakeRole(intake_id=intake_id, user=mentor, role=IntakeRoleType.MENTOR))
            assignment = MentorAssignment(
                intake_id=intake_id,
                mentor=mentor,
                starts_on=(now - timedelta(days=320)).date(),
                ends_on=(now + timedelta(days=200)).date(),
                budget_amount=Decimal(rng.choice([40, 60, 80])),
                budget_unit=BudgetUnit.HOURS,
                expectations="A session with each team every month.",
                mentor_time_zone=rng.choice(["", "Africa/Nairobi", "America/La_Paz", "Europe/Stockholm"]),
            )
            assignment.bench_teams = teams[start : start + TEAMS_PER_MENTOR]
            assignments.append(assignment)
    ctx.bulk(IntakeRole, roles)
    assignments = ctx.bulk(MentorAssignment, assignments)
    for assignment in assignments:
        mentored += [MentoredTeam(assignment=assignment, application=team) for team in assignment.bench_teams]
    ctx.bulk(MentoredTeam, mentored)
    assignment_of = {m.application_id: m.assignment for m in mentored}

    members: dict[int, list[TeamMember]] = {}
    for member in TeamMember.objects.filter(application_id__in=assignment_of).only("pk", "application_id", "user_id"):
        members.setdefault(member.application_id, []).append(member)
    team_ids = sorted(assignment_of)
    sessions = []
    for n in range(ctx.count(2000)):
        # A few teams (the first ones) are left without coaching: the staff overview flags them.
        application_id = team_ids[rng.randrange(min(len(team_ids), max(1, len(team_ids) - 3)))]
        assignment = assignment_of[application_id]
        sessions.append(
            CoachingSession(
                application_id=application_id,
                assignment=assignment,
                logged_by=assignment.mentor,
                starts_at=now - timedelta(days=rng.randint(1, 300), hours=rng.randint(0, 8)),
                duration_minutes=rng.choice([45, 60, 90, 120]),
                mode=rng.choice(SessionMode.values),
                topics=f"Session {n + 1}: progress on the plan and the next council meeting.",
                shared_notes="We agreed the next steps and who does what.",
                private_notes="The team needs encouragement with the council.",
            )
        )
    sessions = ctx.bulk(CoachingSession, sessions)
    ctx.bulk(
        CoachingSession.participants.through,
        [
            CoachingSession.participants.through(coachingsession_id=s.pk, teammember_id=m.pk)
            for s in sessions
            for m in members.get(s.application_id, [])[:3]
        ],
    )
    ctx.bulk(
        CoachingSession.tags.through,
        [CoachingSession.tags.through(coachingsession_id=s.pk, topictag_id=rng.choice(tags).pk) for s in sessions],
    )
    actions = []
    for s in sessions:
        team = members.get(s.application_id) or []
        for _k in range(rng.randint(1, 2)):
            owner = rng.choice(team).user_id if team and rng.random() < 0.8 else s.assignment.mentor_id
            actions.append(
                CoachingAction(
                    application_id=s.application_id,
                    session=s,
                    description="Share the draft hearing calendar with the council",
                    owner_id=owner,
                    due_on=(s.starts_at + timedelta(days=rng.choice([14, 21, 30]))).date(),
                    status=rng.choice(ACTION_STATES),
                )
            )
    ctx.bulk(CoachingAction, actions)
    ctx.bulk(
        MentorWork,
        [
            MentorWork(
                assignment=a,
                application=a.bench_teams[0],
                kind=rng.choice(WorkKind.values),
                worked_on=(now - timedelta(days=rng.randint(1, 200))).date(),
                hours=Decimal(rng.choice(["1.5", "2", "3"])),
                note="Read the progress report.",
            )
            for a in assignments
        ],
    )
    ctx.made["mentors"] = mentors
    ctx.made["summary"].append(
        f"{len(mentors)} mentors, {len(sessions)} coaching sessions, {len(actions)} agreed actions"
    )
