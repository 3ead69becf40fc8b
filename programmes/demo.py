"""Demo data: the “Leadership in Local Governance” programme with an open and a past intake.

Idempotent: objects are found by slug or name, so running the seed twice changes nothing.
Dates are relative to today so the open intake is always open.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Max
from django.utils import timezone

from .enums import AttachmentRequirement, IntakeRoleType, Offer, OrganisationType, PublicationStatus
from .forms import aware_from_local, closing_from_local
from .models import Intake, IntakeRole, Phase, Programme, RubricCriterion

SLUG = "leadership-in-local-governance"
ZONE = "Europe/Stockholm"

SUMMARY = (
    "Teams of elected politicians, municipal officials and civil-society members work together on a "
    "real reform in their own municipality and learn how to make local government more inclusive."
)
OBJECTIVES = """\
The programme helps local governments become **fairer and more open to everyone** they serve.

- Each team carries out a *change project*: a concrete reform chosen by the team itself.
- Politicians, officials and civil society learn to plan and lead that reform together.
- The work strengthens participation, equality, transparency and accountability, with special
  attention to neighbourhoods that public services too often miss.
"""
EXPECTED_OUTCOMES = """\
- Practical methods for citizen dialogue and inclusive political leadership.
- Local plans and policies that take the Sustainable Development Goals into account.
- Solutions designed with residents to improve life in poor urban areas.
- A network of peers across countries to share what works and what does not.
"""

ELIGIBLE_COUNTRIES = ["KE", "TZ", "UG", "CO", "BO", "VN", "KH", "ZM", "ID"]

RUBRIC = [
    (
        "Relevance of the change project",
        30,
        "Does the project tackle a real local problem linked to participation, equality, transparency or "
        "accountability?",
        "High scores for a clearly described problem, a named target group and a credible link to the core areas.",
    ),
    (
        "Feasibility",
        20,
        "Can the team carry it out within the programme period with the means it has?",
        "Look for a realistic timeline and results that are neither trivial nor out of reach.",
    ),
    (
        "Local commitment",
        20,
        "Is the municipality committing staff time and its own budget?",
        "The programme funds no implementation: weigh the mandate letter and the resources promised.",
    ),
    (
        "Team composition",
        15,
        "Does the team bring together politicians, officials and civil society who can drive the change?",
        "Consider the members' positions and mandate, and whether the team is gender balanced.",
    ),
    (
        "Inclusion",
        15,
        "Does the project involve the people it is meant to benefit, especially excluded groups?",
        "Reward concrete ways of involving residents, not only consultation on paper.",
    ),
]


def _local(day, hour=0, minute=0):
    return aware_from_local(day, time(hour, minute), ZONE)


def _phases(intake, first_day):
    plan = [
        ("Phase 1: training in Sweden", "Stockholm and a host municipality, Sweden", 0, 11),
        ("Phase 2: regional workshop", "Nairobi, Kenya", 120, 124),
        ("Phase 3: home phase", "The team's own municipality", 125, 300),
        ("Final seminar", "Regional, to be announced", 330, 333),
    ]
    for name, place, start, end in plan:
        Phase.objects.get_or_create(
            intake=intake,
            name=name,
            defaults={
                "place": place,
                "starts_on": first_day + timedelta(days=start),
                "ends_on": first_day + timedelta(days=end),
            },
        )


def follow_up_day(intake) -> date:
    """The day the demo tells an intake's follow-up as of: its change projects, coaching and study visits.

    Today while the programme runs; for a finished intake, three months before its last phase ends,
    so a past intake's reports, sessions and visits carry the programme's own dates, not the day the
    demo was loaded (and the steps the story puts up to 90 days later still fall inside it).
    """
    today = timezone.localdate(timezone=intake.tzinfo)
    last_day = intake.phases.aggregate(last=Max("ends_on"))["last"]
    if last_day is None:
        return today
    return min(today, last_day - timedelta(days=90))


def at(intake, day: date, hour: int, minute: int = 0) -> datetime:
    """`hour` o'clock on `day` in the intake's zone."""
    return datetime.combine(day, time(hour, minute), tzinfo=intake.tzinfo)


def _rubric(intake):
    for order, (name, weight, description, guidance) in enumerate(RUBRIC):
        RubricCriterion.objects.get_or_create(
            intake=intake,
            name=name,
            defaults={
                "weight": weight,
                "description": description,
                "guidance": guidance,
                "max_score": 5,
                "order": order,
            },
        )


def _intake(programme, name, *, opens_at, closes_at, places):
    intake, _created = Intake.objects.get_or_create(
        programme=programme,
        name=name,
        defaults={
            "status": PublicationStatus.PUBLISHED,
            "eligible_countries": ELIGIBLE_COUNTRIES,
            "eligible_organisation_types": [OrganisationType.MUNICIPALITY, OrganisationType.REGION],
            "time_zone": ZONE,
            "opens_at": opens_at,
            "closes_at": closes_at,
            "team_places": places,
            "min_team_size": 3,
            "max_team_size": 5,
            "mandate_letter": AttachmentRequirement.REQUIRED,
            "cvs": AttachmentRequirement.OPTIONAL,
            "exclude_previous_participants": False,
            "min_english_level": "B1",
        },
    )
    return intake


def seed(*, stdout) -> None:
    from accounts.demo import demo_user

    programme, _created = Programme.objects.get_or_create(
        slug=SLUG,
        defaults={
            "title": "Leadership in Local Governance",
            "summary": SUMMARY,
            "objectives": OBJECTIVES,
            "expected_outcomes": EXPECTED_OUTCOMES,
            "offers": list(Offer.values),
            "languages": "English",
            "status": PublicationStatus.PUBLISHED,
        },
    )
    today = timezone.localdate(timezone=Intake(time_zone=ZONE).tzinfo)
    year = today.year

    open_intake = _intake(
        programme,
        f"{year + 1} intake",
        opens_at=_local(today - timedelta(days=14)),
        closes_at=closing_from_local(today + timedelta(days=35), time(23, 59), ZONE),
        places=12,
    )
    _phases(open_intake, today + timedelta(days=120))
    _rubric(open_intake)

    past_intake = _intake(
        programme,
        f"{year - 2} intake",
        opens_at=_local(today - timedelta(days=800)),
        closes_at=closing_from_local(today - timedelta(days=750), time(23, 59), ZONE),
        places=10,
    )
    # Its training starts seven weeks after the decisions (applications.demo releases them 52 days
    # after the deadline), once the teams have confirmed their places.
    _phases(past_intake, today - timedelta(days=650))
    _rubric(past_intake)

    IntakeRole.objects.get_or_create(intake=open_intake, user=demo_user("reviewer"), role=IntakeRoleType.REVIEWER)
    IntakeRole.objects.get_or_create(intake=past_intake, user=demo_user("mentor"), role=IntakeRoleType.MENTOR)
    stdout.write(f"Programmes: “{programme.title}” with intakes “{open_intake.name}” (open) and “{past_intake.name}”")
