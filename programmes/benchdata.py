"""Benchmark data (see bench/seed.py): 4 programmes running 20 intakes, open, selecting and decided."""

from datetime import timedelta

from .demo import ELIGIBLE_COUNTRIES, RUBRIC
from .enums import IntakeRoleType, OrganisationType, PublicationStatus
from .models import Intake, IntakeRole, Phase, Programme, RubricCriterion

PROGRAMMES = [
    ("Leadership in Local Governance", "bench-leadership"),
    ("Inclusive Urban Planning", "bench-urban-planning"),
    ("Transparent Local Finance", "bench-local-finance"),
    ("Citizen Participation in Practice", "bench-participation"),
]
# An intake's stage follows its place in the year: one in five is open, two are selecting, two decided.
KINDS = ["open", "selecting", "selecting", "decided", "decided"]
REVIEWERS_PER_INTAKE = 30
TEAM_PLACES = 20


def seed(ctx) -> None:
    programmes = ctx.bulk(
        Programme,
        [
            Programme(
                title=title,
                slug=slug,
                summary="Teams of politicians, officials and civil society carry out a real local reform.",
                objectives="Each team carries out a *change project* in its own municipality.",
                status=PublicationStatus.PUBLISHED,
                offers=["training", "workshops", "study_visit", "coaching"],
                languages="English, French, Spanish",
            )
            for title, slug in PROGRAMMES
        ],
    )
    count = ctx.count(20, minimum=4)
    intakes = []
    for index in range(count):
        kind = KINDS[index % len(KINDS)]
        # Open intakes close in a month; the others closed 2..40 months ago.
        closes = ctx.now + timedelta(days=30) if kind == "open" else ctx.now - timedelta(days=60 + 30 * index)
        intake = Intake(
            programme=programmes[index % len(programmes)],
            name=f"{2026 - index // 5} intake {index + 1}",
            status=PublicationStatus.PUBLISHED,
            eligible_countries=ELIGIBLE_COUNTRIES,
            eligible_organisation_types=[OrganisationType.MUNICIPALITY, OrganisationType.REGION],
            opens_at=closes - timedelta(days=90),
            closes_at=closes,
            team_places=TEAM_PLACES,
        )
        intake.bench_kind = kind
        intakes.append(intake)
    kinds = [i.bench_kind for i in intakes]
    intakes = ctx.bulk(Intake, intakes)
    for intake, kind in zip(intakes, kinds, strict=True):
        intake.bench_kind = kind
    phases, criteria, roles = [], [], []
    reviewers = ctx.made["reviewers"]
    per_intake = min(REVIEWERS_PER_INTAKE, len(reviewers))
    for index, intake in enumerate(intakes):
        first_day = (intake.closes_at + timedelta(days=90)).date()
        for name, start, end in [("Phase 1: training", 0, 11), ("Phase 2: regional", 120, 124), ("Final", 330, 333)]:
            phases.append(
                Phase(
                    intake=intake,
                    name=name,
                    starts_on=first_day + timedelta(days=start),
                    ends_on=first_day + timedelta(days=end),
                )
            )
        for order, (name, weight, description, guidance) in enumerate(RUBRIC):
            criteria.append(
                RubricCriterion(
                    intake=intake,
                    name=name,
                    weight=weight,
                    description=description,
                    guidance=guidance,
                    max_score=5,
                    order=order,
                )
            )
        # Reviewers rotate through the pool, so each sits in a few intakes.
        start = (index * per_intake) % len(reviewers)
        pool = [reviewers[(start + k) % len(reviewers)] for k in range(per_intake)]
        intake.bench_reviewers = pool
        roles += [IntakeRole(intake=intake, user=u, role=IntakeRoleType.REVIEWER) for u in pool]
    ctx.bulk(Phase, phases)
    criteria = ctx.bulk(RubricCriterion, criteria)
    ctx.bulk(IntakeRole, roles)
    by_intake = {}
    for criterion in criteria:
        by_intake.setdefault(criterion.intake_id, []).append(criterion)
    for intake in intakes:
        intake.bench_criteria = by_intake[intake.pk]
    ctx.made.update(programmes=programmes, intakes=intakes)
    ctx.made["summary"].append(f"{len(programmes)} programmes, {len(intakes)} intakes")
