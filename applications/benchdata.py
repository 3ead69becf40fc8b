"""Benchmark data (see bench/seed.py): 600 team applications per intake, three people in each team.

Outline answers are long, as real ones are (half to nine tenths of each word limit), so pages that
load them by mistake show it. An intake's applications are spread over the states its stage has.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from portal.models import Activity, Audience
from programmes.enums import MemberRoleType, OrganisationType

from .enums import STAGED_STATES
from .enums import ApplicationStatus as S
from .models import WORD_LIMITS, Application, Attachment, Organisation, TeamMember

_VOCABULARY = """
council residents budget hearing ward participation women youth transparency accountability public
meeting committee plan service water sanitation market traders informal settlement district mayor
official civil society association report publish online notice board complaint answer request
inclusion equality disability language minority schedule monthly quarterly training staff time
commitment funds procurement contract audit open data neighbourhood street lighting waste collection
health clinic school road transport housing land registry permit fee revenue tax dialogue forum
survey feedback indicator baseline target result outcome output activity milestone risk election
turnover support partner network region municipality county village community leader elder radio
newspaper social media website portal map gender balance poor excluded group rural urban centre
"""
WORDS = _VOCABULARY.split()
TOPICS = [
    "Ward budget hearings",
    "Citizen service desks",
    "Open contracting",
    "Participatory planning",
    "Youth councils",
    "Complaint handling",
    "Open council meetings",
    "Inclusive water services",
    "Market traders' forum",
    "Gender-responsive budgeting",
    "Community scorecards",
    "Public notice boards",
]
PLACES = [
    "Kisumu",
    "El Alto",
    "Huế",
    "Mbale",
    "Arusha",
    "Ndola",
    "Siem Reap",
    "Cochabamba",
    "Medellín",
    "Bogor",
    "Gulu",
    "Mwanza",
    "Kitwe",
    "Đà Nẵng",
    "Battambang",
    "Sucre",
    "Pasto",
    "Yogyakarta",
    "Jinja",
    "Dodoma",
]
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.ELIGIBLE: [S.SUBMITTED, S.ELIGIBLE],
    S.INELIGIBLE: [S.SUBMITTED, S.INELIGIBLE],
    S.UNDER_REVIEW: [S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW],
    S.ACCEPTED: [S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.ACCEPTED_PENDING, S.ACCEPTED],
    S.WAITLISTED: [S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.WAITLISTED_PENDING, S.WAITLISTED],
    S.REJECTED: [S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.REJECTED_PENDING, S.REJECTED],
    S.WITHDRAWN: [S.SUBMITTED, S.WITHDRAWN],
}
ROLES = [MemberRoleType.OFFICIAL, MemberRoleType.POLITICIAN, MemberRoleType.CIVIL_SOCIETY]


def _statuses(kind: str, n: int, places: int) -> list[str]:
    """The statuses of an intake's n applications for its stage (open, selecting or decided)."""
    if kind == "open":
        drafts = n // 2
        withdrawn = max(1, n * 3 // 100)
        return [S.DRAFT] * drafts + [S.WITHDRAWN] * withdrawn + [S.SUBMITTED] * (n - drafts - withdrawn)
    # Closed: 64 % ranked (384 of 600), the rest drafts, withdrawals, not eligible and not yet screened.
    head = [S.DRAFT] * (n * 40 // 600) + [S.WITHDRAWN] * (n * 40 // 600) + [S.INELIGIBLE] * (n * 76 // 600)
    head += [S.SUBMITTED] * (n * 60 // 600)
    ranked = n - len(head)
    if kind == "selecting":
        eligible = max(1, ranked * 6 // 100)
        return head + [S.ELIGIBLE] * eligible + [S.UNDER_REVIEW] * (ranked - eligible)
    accepted = min(places, ranked // 3)
    waitlisted = min(max(1, 30 * ranked // 384), ranked - accepted)
    return (
        head + [S.ACCEPTED] * accepted + [S.WAITLISTED] * waitlisted + [S.REJECTED] * (ranked - accepted - waitlisted)
    )


def _text(rng, limit: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(limit // 2, limit * 9 // 10))
    return " ".join(words).capitalize() + "."


def seed(ctx) -> None:
    from accounts.benchdata import make_users

    rng = ctx.rng
    staff = ctx.made["staff"][0]
    application_type = ContentType.objects.get_for_model(Application)
    per_intake = ctx.count(600, minimum=12)
    plan = []  # (intake, status)
    for intake in ctx.made["intakes"]:
        plan += [(intake, status) for status in _statuses(intake.bench_kind, per_intake, intake.team_places)]
    people = make_users(ctx, prefix="applicant-", count=3 * len(plan))
    applications = []
    for index, (intake, status) in enumerate(plan):
        submitted = None if status == S.DRAFT else intake.opens_at + timedelta(minutes=rng.randint(60, 89 * 24 * 60))
        applications.append(
            Application(
                intake=intake,
                contact_person=people[3 * index],
                status=status,
                submitted_at=submitted,
                title=f"{rng.choice(TOPICS)} in {rng.choice(PLACES)} ({index + 1})",
                core_areas=rng.sample(["participation", "equality", "transparency", "accountability"], 2),
                sdgs=sorted(rng.sample(range(1, 18), 2)),
                builds_on_previous=index % 7 == 0,
                **{name: _text(rng, limit) for name, limit in WORD_LIMITS.items()},
            )
        )
    applications = ctx.bulk(Application, applications)
    # auto_now_add stamps every row "now": spread the creation times as real ones are.
    Application.objects.filter(pk__in=[a.pk for a in applications if a.submitted_at]).update(
        created_at=F("submitted_at") - timedelta(days=5)
    )
    members, organisations, changes, attachments = [], [], [], []
    for index, application in enumerate(applications):
        team = people[3 * index : 3 * index + 3]
        for position, user in enumerate(team):
            members.append(
                TeamMember(
                    application=application,
                    user=user,
                    role_type=ROLES[position],
                    gender=user.gender,
                    english_level="B2",
                    is_contact=position == 0,
                    position="Member of the team",
                )
            )
        country = rng.choice(application.intake.eligible_countries).code
        organisations.append(
            Organisation(
                application=application,
                name=f"{PLACES[index % len(PLACES)]} City Council",
                type=rng.choice([OrganisationType.MUNICIPALITY, OrganisationType.REGION]),
                country=country,
            )
        )
        if index % 5 < 2:
            organisations.append(
                Organisation(
                    application=application, name="Residents' Association", type=OrganisationType.CSO, country=country
                )
            )
        previous = ""
        for step, to_status in enumerate(PATHS[application.status]):
            changes.append(
                Activity(
                    content_type=application_type,
                    object_id=application.pk,
                    actor=team[0] if to_status in (S.SUBMITTED, S.WITHDRAWN) else staff,
                    verb=to_status,
                    from_state=previous or S.DRAFT,
                    to_state=to_status,
                    audience=Audience.STAFF if to_status in STAGED_STATES else Audience.TEAM,
                    created_at=application.submitted_at + timedelta(days=step),
                )
            )
            previous = to_status
        if application.status != S.DRAFT:
            attachments.append(
                Attachment(
                    application=application,
                    kind="mandate_letter",
                    file=f"private/applications/{application.pk}/bench-mandate.pdf",
                    original_name="mandate-letter.pdf",
                    size=120_000,
                    content_type="application/pdf",
                    uploaded_by=team[0],
                )
            )
    ctx.bulk(TeamMember, members)
    ctx.bulk(Organisation, organisations)
    ctx.bulk(Activity, changes)
    ctx.bulk(Attachment, attachments)
    ctx.made["applications"] = applications
    ctx.made["summary"].append(f"{len(applications)} applications, {len(people)} applicants")
