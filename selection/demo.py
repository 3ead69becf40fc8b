"""Demo data: three reviewers score the open intake's applications so the ranking is full; the demo
reviewer is assigned too and has every review still to do.

Idempotent: reviewers are found by e-mail, assignments and reviews by application and reviewer.
Needs programmes.demo and applications.demo first; without their data it does nothing.
"""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from applications.enums import IN_SELECTION_STATES
from portal.workflow import transition
from programmes.enums import IntakeRoleType
from programmes.models import IntakeRole, Programme

from .enums import AssignmentStatus, Recommendation, ReviewStatus
from .models import ConflictDeclaration, CriterionScore, Review, ReviewAssignment, SelectionSettings
from .workflows import REVIEW_WORKFLOW

PROGRAMME_SLUG = "leadership-in-local-governance"

REVIEWERS = [
    ("reviewer2@example.org", "Birgitta Olsson", "SE", "woman"),
    ("reviewer3@example.org", "Rahul Mehta", "IN", "man"),
    ("reviewer4@example.org", "Claire Dubois", "FR", "woman"),
]
# Each reviewer's leniency: added to a base score, so the normalised view has something to show.
LENIENCY = [0, 1, -1, 0]


def _reviewer(email, name, country, gender):
    from accounts.demo import DEMO_PASSWORD

    user, created = User.objects.get_or_create(
        email=email,
        defaults={"full_name": name, "country": country, "gender": gender, "organisation": "Independent expert"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


@transaction.atomic
def seed(*, stdout) -> None:
    from accounts.demo import demo_user

    programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
    intake = programme.intakes.order_by("-opens_at").first() if programme else None
    try:
        reviewers = [demo_user("reviewer")]
    except User.DoesNotExist:
        return
    if intake is None or not intake.criteria.exists():
        return
    reviewers += [_reviewer(*row) for row in REVIEWERS]
    staff = demo_user("staff")
    SelectionSettings.objects.get_or_create(intake=intake)
    for reviewer in reviewers:
        IntakeRole.objects.get_or_create(intake=intake, user=reviewer, role=IntakeRoleType.REVIEWER)
    criteria = list(intake.criteria.all())
    applications = list(intake.applications.filter(status__in=sorted(IN_SELECTION_STATES)).order_by("pk"))
    scored = 0
    for index, application in enumerate(applications):
        countries = {o.country.code for o in application.organisations.all()}
        for r_index, reviewer in enumerate(reviewers):
            if reviewer.country and reviewer.country.code in countries:
                continue
            assignment = ReviewAssignment.objects.filter(
                application=application, reviewer=reviewer, status=AssignmentStatus.ACTIVE
            ).first()
            if assignment is None:
                assignment = ReviewAssignment.objects.create(
                    application=application, reviewer=reviewer, assigned_by=staff, notified_at=timezone.now()
                )
            if r_index == 0:
                # The demo reviewer (README: "with reviews to do") has every review still to do, each
                # starting with the conflict-of-interest question.
                continue
            ConflictDeclaration.objects.get_or_create(
                application=application, reviewer=reviewer, defaults={"has_conflict": False, "declared_by": reviewer}
            )
            review, created = Review.objects.get_or_create(assignment=assignment)
            if not created:
                continue
            for c_index, criterion in enumerate(criteria):
                base = (index * 3 + c_index * 2) % (criterion.max_score + 1)
                score = min(max(base + LENIENCY[r_index], 1), criterion.max_score)
                CriterionScore.objects.create(review=review, criterion=criterion, score=score)
            review.recommendation = [Recommendation.ACCEPT, Recommendation.WAITLIST, Recommendation.REJECT][index % 3]
            review.comment = "A clear problem statement; the local commitment could be more specific."
            review.save()
            transition(workflow=REVIEW_WORKFLOW, obj=review, to=ReviewStatus.SUBMITTED, by=reviewer)
            scored += 1
    stdout.write(f"Selection: {len(reviewers)} reviewers, {scored} reviews submitted")
