"""Benchmark data (see bench/seed.py): assignments, declarations, reviews with scores, decisions, confirmations.

Each ranked application gets two or three of its intake's reviewers. In selecting intakes nine in ten
reviews are submitted, the rest drafts or not started, and a few assignments were voided by a declared
conflict; in decided intakes every review is in, each decision released and the accepted teams confirm.
"""

from datetime import timedelta

from applications.enums import DECIDED_STATES
from applications.enums import ApplicationStatus as S

from .enums import AssignmentStatus, ConfirmationStatus, ConflictKind, Outcome, Recommendation, ReviewStatus
from .models import (
    Confirmation,
    ConflictDeclaration,
    CriterionScore,
    Decision,
    Review,
    ReviewAssignment,
    SelectionSettings,
)

RANKED = {S.UNDER_REVIEW, *DECIDED_STATES}
REASONS = {
    S.ACCEPTED: "A clear problem, a committed council and a balanced team.",
    S.WAITLISTED: "A strong project; the places went to teams from countries with fewer participants.",
    S.REJECTED: "The outline describes a construction project rather than a change in how the council works.",
}


def seed(ctx) -> None:
    rng = ctx.rng
    staff = ctx.made["staff"][0]
    intakes = {i.pk: i for i in ctx.made["intakes"]}
    ctx.bulk(
        SelectionSettings,
        [SelectionSettings(intake=i, review_deadline=i.closes_at + timedelta(days=45)) for i in intakes.values()],
    )
    assignments, declarations, plans = [], [], []
    for application in ctx.made["applications"]:
        if application.status not in RANKED:
            continue
        intake = intakes[application.intake_id]
        quality = rng.randint(1, 5)
        for reviewer in rng.sample(intake.bench_reviewers, k=min(rng.choice([2, 2, 3]), len(intake.bench_reviewers))):
            conflicted = intake.bench_kind == "selecting" and rng.random() < 0.02
            assigned_at = intake.closes_at + timedelta(days=3)
            assignments.append(
                ReviewAssignment(
                    application=application,
                    reviewer=reviewer,
                    assigned_by=staff,
                    notified_at=assigned_at,
                    status=AssignmentStatus.VOIDED if conflicted else AssignmentStatus.ACTIVE,
                    voided_reason="Declared a conflict of interest." if conflicted else "",
                    voided_at=assigned_at + timedelta(days=1) if conflicted else None,
                )
            )
            declarations.append(
                ConflictDeclaration(
                    application=application,
                    reviewer=reviewer,
                    has_conflict=conflicted,
                    kind=ConflictKind.PERSONAL if conflicted else "",
                    declared_by=reviewer,
                )
            )
            if conflicted:
                plans.append(None)
                continue
            roll = rng.random() if intake.bench_kind == "selecting" else 0.0
            plans.append(
                None if roll > 0.95 else (ReviewStatus.DRAFT if roll > 0.88 else ReviewStatus.SUBMITTED, quality)
            )
    assignments = ctx.bulk(ReviewAssignment, assignments)
    ctx.bulk(ConflictDeclaration, declarations)
    reviews, review_plans = [], []
    for assignment, plan in zip(assignments, plans, strict=True):
        if plan is None:
            continue
        status, quality = plan
        submitted = status == ReviewStatus.SUBMITTED
        reviews.append(
            Review(
                assignment=assignment,
                status=status,
                submitted_at=assignment.notified_at + timedelta(days=rng.randint(1, 30)) if submitted else None,
                recommendation=[Recommendation.REJECT, Recommendation.WAITLIST, Recommendation.ACCEPT][
                    min(2, (quality - 1) // 2)
                ]
                if submitted
                else "",
                comment="A clear problem statement; the local commitment could be more specific.",
            )
        )
        review_plans.append((assignment.application.intake_id, quality, submitted))
    reviews = ctx.bulk(Review, reviews)
    scores = []
    for review, (intake_id, quality, submitted) in zip(reviews, review_plans, strict=True):
        leniency = rng.choice([-1, 0, 0, 1])
        for position, criterion in enumerate(intakes[intake_id].bench_criteria):
            if not submitted and position >= 2:
                score = None  # a draft: the first criteria scored, the rest not yet
            else:
                score = min(criterion.max_score, max(0, quality + leniency + rng.choice([-1, 0, 0, 1])))
            scores.append(CriterionScore(review=review, criterion=criterion, score=score))
    ctx.bulk(CriterionScore, scores)
    decisions, confirmations = [], []
    for application in ctx.made["applications"]:
        if application.status not in DECIDED_STATES:
            continue
        decided = application.intake.closes_at + timedelta(days=50)
        decisions.append(
            Decision(
                application=application,
                outcome=Outcome(application.status),
                reason=REASONS[application.status],
                decided_by=staff,
            )
        )
        if application.status == S.ACCEPTED:
            confirmed = rng.random() < 0.7
            confirmations.append(
                Confirmation(
                    application=application,
                    deadline=decided + timedelta(days=14),
                    status=ConfirmationStatus.CONFIRMED if confirmed else ConfirmationStatus.PENDING,
                    closed_at=decided + timedelta(days=3) if confirmed else None,
                )
            )
    ctx.bulk(Decision, decisions)
    ctx.bulk(Confirmation, confirmations)
    ctx.made["summary"].append(
        f"{len(assignments)} assignments, {len(reviews)} reviews, {len(scores)} scores, {len(decisions)} decisions"
    )
