"""Every write of selection: validation, save, history, e-mails after commit.

Application statuses change only through applications.services.application_transition; decisions pass
notify=False because the team hears of a decision only when staff release them, from the intake's template.
"""

import random
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.enums import (
    ACCEPTED_STATES,
    IN_SELECTION_STATES,
    RELEASED_OF,
    STAGED_OF,
    STAGED_STATES,
    ApplicationStatus,
    outcome_of,
)
from applications.models import Application
from applications.services import application_transition
from portal.models import Activity, Audience
from portal.translated import language_fields
from portal.workflow import Forbidden, transition
from programmes.enums import IntakeRoleType
from programmes.models import IntakeRole
from programmes.services import intake_role_give

from .emails import render_placeholders
from .enums import AssignmentStatus, ConfirmationStatus, ConflictKind, ConflictStatus, Outcome, ReviewStatus
from .models import (
    Confirmation,
    ConflictDeclaration,
    CriterionScore,
    Decision,
    NotificationTemplate,
    Review,
    ReviewAssignment,
    ReviewerInvitation,
    SelectionSettings,
)
from .rules import CLEARED, STANDING_CONFLICT
from .selectors import ranking, ranking_rows_for, rows_ranked_above
from .workflows import ASSIGNMENT_WORKFLOW, CONFIRMATION_WORKFLOW, CONFLICT_WORKFLOW, REVIEW_WORKFLOW

ACTIVE = AssignmentStatus.ACTIVE

S = ApplicationStatus


def _on_commit(task, *args):
    transaction.on_commit(lambda: task.delay(*args))


# --- Settings and reviewers ---------------------------------------------------------------------


def selection_settings_update(*, intake, by, data: dict) -> SelectionSettings:
    settings, _created = SelectionSettings.objects.get_or_create(intake=intake)
    for name, value in data.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings._history_user = by
    settings.save()
    return settings


@transaction.atomic
def reviewer_add(*, intake, email: str, by):
    """Give a person the reviewer role in the intake; without an account, invite them to register.

    Returns the User (role given) or the ReviewerInvitation (no account yet).
    """
    from accounts.models import User

    from .tasks import send_reviewer_added_email, send_reviewer_invitation

    email = User.objects.normalize_email(email.strip()).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        _role, created = intake_role_give(intake=intake, user=user, role=IntakeRoleType.REVIEWER)
        if not created:
            raise ValidationError(_("%(email)s is already a reviewer in this intake.") % {"email": email}, code="dup")
        _on_commit(send_reviewer_added_email, intake.pk, user.pk)
        return user
    invitation = ReviewerInvitation.objects.filter(intake=intake, email=email, accepted_at__isnull=True).first()
    if invitation is None:
        invitation = ReviewerInvitation.objects.create(intake=intake, email=email, invited_by=by)
    _on_commit(send_reviewer_invitation, invitation.pk)
    return invitation


@transaction.atomic
def reviewer_invitation_accept(*, token: str, user) -> IntakeRole:
    invitation = ReviewerInvitation.objects.select_for_update().filter(token=token).first()
    if invitation is None or invitation.accepted_at is not None:
        raise ValidationError(_("This invitation link is not valid any more."), code="invalid")
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(invited)s; please log in with that address.")
            % {"invited": invitation.email},
            code="email",
        )
    role, _created = intake_role_give(intake=invitation.intake, user=user, role=IntakeRoleType.REVIEWER)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return role


# --- Conflicts of interest ----------------------------------------------------------------------


def _void(assignment: ReviewAssignment, *, by, reason: str) -> None:
    transition(workflow=ASSIGNMENT_WORKFLOW, obj=assignment, to=AssignmentStatus.VOIDED, by=by, reason=str(reason))


@transaction.atomic
def conflict_declare(*, application, reviewer, has_conflict: bool, kind: str = "", note: str = ""):
    """The reviewer's own answer, given before they see the application.

    A conflict ends the assignment and programme staff are e-mailed after commit (to keep the reviewer
    with a justification, or to assign a replacement).
    """
    from .tasks import send_conflict_declared_email

    assignment = ReviewAssignment.objects.filter(application=application, reviewer=reviewer, status=ACTIVE).first()
    if assignment is None:
        raise Forbidden("no active assignment")
    existing = ConflictDeclaration.objects.filter(application=application, reviewer=reviewer).first()
    if existing is not None and existing.has_conflict:
        raise ValidationError(_("You have already declared a conflict for this application."), code="declared")
    if has_conflict and kind not in ConflictKind.values:
        raise ValidationError(_("Please say what kind of conflict it is."), code="kind")
    declaration, _created = ConflictDeclaration.objects.update_or_create(
        application=application,
        reviewer=reviewer,
        defaults={
            "has_conflict": has_conflict,
            "kind": kind if has_conflict else "",
            "note": note,
            "declared_by": reviewer,
        },
    )
    if has_conflict:
        _void(assignment, by=reviewer, reason=_("Conflict of interest declared by the reviewer."))
        _on_commit(send_conflict_declared_email, declaration.pk)
    return declaration


@transaction.atomic
def conflict_mark_by_staff(*, application, reviewer, kind: str, note: str, by) -> ConflictDeclaration:
    """Staff record a conflict, also after scoring: the reviewer's assignment and review are voided.

    The voided review keeps its scores in the history but no figure counts it any more.
    """
    if kind not in ConflictKind.values:
        raise ValidationError(_("Please say what kind of conflict it is."), code="kind")
    if not note.strip():
        raise ValidationError(_("Please write a note on the conflict."), code="note")
    kept = ConflictDeclaration.objects.filter(
        application=application, reviewer=reviewer, status=ConflictStatus.WAIVED
    ).first()
    if kept is not None:
        transition(workflow=CONFLICT_WORKFLOW, obj=kept, to=ConflictStatus.DECLARED, by=by, reason=note)
    declaration, _created = ConflictDeclaration.objects.update_or_create(
        application=application,
        reviewer=reviewer,
        defaults={"has_conflict": True, "kind": kind, "note": note, "declared_by": by},
    )
    for assignment in ReviewAssignment.objects.filter(application=application, reviewer=reviewer, status=ACTIVE):
        _void(assignment, by=by, reason=_("Conflict of interest: %(note)s") % {"note": note})
    return declaration


@transaction.atomic
def conflict_keep_reviewer(*, declaration, by, justification: str) -> ConflictDeclaration:
    """Staff keep a reviewer despite a declared conflict, with a written justification (in the feed).

    The reviewer's voided assignment for the application is reinstated (its submitted review counts
    again); the reviewer may then read and score the application.
    """
    if not declaration.stands:
        raise ValidationError(_("There is no standing conflict to set aside here."), code="not_standing")
    if declaration.application.status not in IN_SELECTION_STATES:
        raise ValidationError(_("This application is no longer in selection."), code="status")
    if not justification.strip():
        raise ValidationError(_("Please write why the reviewer may review this application."), code="justification")
    transition(workflow=CONFLICT_WORKFLOW, obj=declaration, to=ConflictStatus.WAIVED, by=by, reason=justification)
    application, reviewer = declaration.application, declaration.reviewer
    if not ReviewAssignment.objects.filter(application=application, reviewer=reviewer, status=ACTIVE).exists():
        voided = (
            ReviewAssignment.objects.filter(application=application, reviewer=reviewer, status=AssignmentStatus.VOIDED)
            .order_by("-voided_at", "-pk")
            .first()
        )
        if voided is not None:
            transition(workflow=ASSIGNMENT_WORKFLOW, obj=voided, to=ACTIVE, by=by, reason=justification, notify=False)
    return declaration


def scores_void_for_conflict(*, assignment, by, note: str, kind: str = ConflictKind.OTHER) -> ConflictDeclaration:
    """A conflict found after scoring: void this reviewer's scores for the application."""
    return conflict_mark_by_staff(
        application=assignment.application, reviewer=assignment.reviewer, kind=kind, note=note, by=by
    )


# --- Assignments ----------------------------------------------------------------------------------


def _application_countries(application) -> set[str]:
    codes = {o.country.code for o in application.organisations.all()}
    if application.contact_person.country:
        codes.add(application.contact_person.country.code)
    return codes


def assignment_problem(*, application, reviewer, conflicted: set[tuple[int, int]] | None = None, members=None):
    """Why `reviewer` may not review `application` (None when they may)."""
    if conflicted is not None:
        has_conflict = (application.pk, reviewer.pk) in conflicted
    else:
        has_conflict = ConflictDeclaration.objects.filter(
            STANDING_CONFLICT, application=application, reviewer=reviewer
        ).exists()
    if has_conflict:
        return _("has a conflict of interest with this application")
    member_ids = members if members is not None else {m.user_id for m in application.members.all()}
    if reviewer.pk in member_ids:
        return _("is a member of the team")
    if reviewer.country and reviewer.country.code in _application_countries(application):
        return _("is from the same country as the team")
    return None


def _ensure_in_selection(application) -> None:
    if application.status not in IN_SELECTION_STATES:
        raise ValidationError(
            _("“%(title)s” is not in selection (it is %(status)s).")
            % {"title": application, "status": application.get_status_display()},
            code="status",
        )


def _start_review_phase(application, by) -> None:
    if application.status == S.ELIGIBLE:
        application_transition(application=application, to=S.UNDER_REVIEW, by=by, notify=False)


def _create(application, reviewer, by) -> ReviewAssignment:
    _ensure_in_selection(application)
    if not IntakeRole.objects.filter(intake=application.intake, user=reviewer, role=IntakeRoleType.REVIEWER).exists():
        raise ValidationError(_("%(name)s is not a reviewer in this intake.") % {"name": reviewer}, code="role")
    problem = assignment_problem(application=application, reviewer=reviewer)
    if problem:
        raise ValidationError(f"{reviewer} {problem}.", code="problem")
    if ReviewAssignment.objects.filter(application=application, reviewer=reviewer, status=ACTIVE).exists():
        raise ValidationError(
            _("%(name)s is already assigned to “%(title)s”.") % {"name": reviewer, "title": application}, code="dup"
        )
    assignment = ReviewAssignment.objects.create(application=application, reviewer=reviewer, assigned_by=by)
    _start_review_phase(application, by)
    return assignment


@transaction.atomic
def assignment_create(*, application, reviewer, by) -> ReviewAssignment:
    """Assign one reviewer; they get an e-mail listing their new assignments."""
    from .tasks import send_assignment_emails

    assignment = _create(application, reviewer, by)
    _on_commit(send_assignment_emails, application.intake_id)
    return assignment


@transaction.atomic
def assignments_bulk_create(*, applications, reviewer, by) -> tuple[list[ReviewAssignment], list[str]]:
    """Assign one reviewer to several applications; those that cannot be assigned are skipped with a reason."""
    from .tasks import send_assignment_emails

    created, skipped = [], []
    for application in applications:
        try:
            with transaction.atomic():
                created.append(_create(application, reviewer, by))
        except ValidationError as exc:
            skipped.extend(exc.messages)
    if created:
        _on_commit(send_assignment_emails, created[0].application.intake_id)
    return created, skipped


@transaction.atomic
def assignments_auto(*, intake, per_application: int, by, seed: int | None = None) -> list[ReviewAssignment]:
    """Give every application in selection up to `per_application` reviewers, balancing the load.

    Never a conflicted reviewer, a team member, or a reviewer from the team's country. Each pick takes,
    among the reviewers allowed for the application, one with the fewest assignments in the intake
    (ties broken at random). Applications with the fewest allowed reviewers are served first.
    """
    from accounts.models import User

    from .tasks import send_assignment_emails

    if per_application < 1:
        raise ValidationError(_("Ask for at least one reviewer per application."), code="n")
    rng = random.Random(seed)  # noqa: S311 - tie-breaking, not security
    reviewers = list(
        User.objects.filter(intake_roles__intake=intake, intake_roles__role=IntakeRoleType.REVIEWER).distinct()
    )
    applications = list(
        Application.objects.filter(intake=intake, status__in=sorted(IN_SELECTION_STATES))
        .select_related("contact_person")
        .prefetch_related("organisations", "members")
        .order_by("pk")
    )
    active = list(
        ReviewAssignment.objects.filter(application__intake=intake, status=ACTIVE).values_list(
            "application_id", "reviewer_id"
        )
    )
    assigned = set(active)
    load = {r.pk: 0 for r in reviewers}
    for _application_id, reviewer_id in active:
        if reviewer_id in load:
            load[reviewer_id] += 1
    conflicted = set(
        ConflictDeclaration.objects.filter(STANDING_CONFLICT, application__intake=intake).values_list(
            "application_id", "reviewer_id"
        )
    )
    allowed = {
        a.pk: [
            r
            for r in reviewers
            if assignment_problem(
                application=a, reviewer=r, conflicted=conflicted, members={m.user_id for m in a.members.all()}
            )
            is None
        ]
        for a in applications
    }
    created = []
    for application in sorted(applications, key=lambda a: (len(allowed[a.pk]), a.pk)):
        have = sum(1 for r in allowed[application.pk] if (application.pk, r.pk) in assigned)
        candidates = [r for r in allowed[application.pk] if (application.pk, r.pk) not in assigned]
        rng.shuffle(candidates)
        candidates.sort(key=lambda r: load[r.pk])
        for reviewer in candidates[: max(per_application - have, 0)]:
            created.append(ReviewAssignment.objects.create(application=application, reviewer=reviewer, assigned_by=by))
            assigned.add((application.pk, reviewer.pk))
            load[reviewer.pk] += 1
        if created and created[-1].application_id == application.pk:
            _start_review_phase(application, by)
    if created:
        _on_commit(send_assignment_emails, intake.pk)
    return created


@transaction.atomic
def assignment_reassign(*, assignment, to_reviewer, by, reason: str = "") -> ReviewAssignment:
    """Give an application to another reviewer; a submitted review cannot be reassigned (void it instead)."""
    from .tasks import send_assignment_emails

    review = Review.objects.filter(assignment=assignment).first()
    if review is not None and review.is_submitted:
        raise ValidationError(
            _("This review is submitted; mark a conflict to void it, or reopen it."), code="submitted"
        )
    if assignment.is_voided:
        raise ValidationError(_("This assignment is already voided."), code="voided")
    _void(assignment, by=by, reason=reason or _("Reassigned to %(name)s.") % {"name": to_reviewer})
    new = _create(assignment.application, to_reviewer, by)
    _on_commit(send_assignment_emails, assignment.application.intake_id)
    return new


# --- Reviews ----------------------------------------------------------------------------------------


def _ensure_reviewer_may_score(assignment, by) -> None:
    if assignment.reviewer_id != by.pk or assignment.is_voided:
        raise Forbidden("not this reviewer's active assignment")
    if not ConflictDeclaration.objects.filter(CLEARED, application_id=assignment.application_id, reviewer=by).exists():
        raise Forbidden("no declaration of no conflict")


def review_for(*, assignment) -> Review:
    """The assignment's review with a score row for every criterion of the rubric (created on first visit)."""
    review, _created = Review.objects.get_or_create(assignment=assignment)
    criteria = list(assignment.application.intake.criteria.all())
    existing = set(review.scores.values_list("criterion_id", flat=True))
    CriterionScore.objects.bulk_create(
        [CriterionScore(review=review, criterion=c) for c in criteria if c.pk not in existing]
    )
    return review


def _save(review: Review, *, scores: dict, recommendation: str, comment: str) -> None:
    rows = {s.criterion_id: s for s in review.scores.select_related("criterion")}
    errors = []
    for criterion_id, (score, score_comment) in scores.items():
        row = rows.get(int(criterion_id))
        if row is None:
            continue
        if score is not None and not 0 <= int(score) <= row.criterion.max_score:
            errors.append(
                _("%(criterion)s: the score must be between 0 and %(max)d.")
                % {"criterion": row.criterion.name, "max": row.criterion.max_score}
            )
            continue
        row.score = None if score is None else int(score)
        row.comment = score_comment or ""
        row.save(update_fields=["score", "comment"])
    if errors:
        raise ValidationError(errors)
    review.recommendation = recommendation or ""
    review.comment = comment or ""


@transaction.atomic
def review_save_draft(*, assignment, by, scores: dict, recommendation: str = "", comment: str = "") -> Review:
    """Save the scores so far. `scores` maps criterion id → (score or None, comment)."""
    _ensure_reviewer_may_score(assignment, by)
    review = review_for(assignment=assignment)
    if review.is_submitted:
        raise ValidationError(_("This review is submitted and locked."), code="locked")
    if assignment.application.status not in IN_SELECTION_STATES:
        # Decided or withdrawn: scores can no longer change the outcome, nor the record of it.
        raise ValidationError(_("This application is no longer in selection; its reviews are closed."), code="closed")
    _save(review, scores=scores, recommendation=recommendation, comment=comment)
    review.save()
    return review


@transaction.atomic
def review_submit(*, assignment, by, scores: dict, recommendation: str, comment: str = "") -> Review:
    """Save and submit: every criterion scored and a recommendation chosen; the review is then locked."""
    review = review_save_draft(
        assignment=assignment, by=by, scores=scores, recommendation=recommendation, comment=comment
    )
    missing = [s.criterion.name for s in review.scores.select_related("criterion") if s.score is None]
    if missing:
        raise ValidationError(
            _("Please score every criterion before submitting: %(missing)s.") % {"missing": ", ".join(missing)},
            code="incomplete",
        )
    if not review.recommendation:
        raise ValidationError(_("Please choose your recommendation."), code="recommendation")
    transition(workflow=REVIEW_WORKFLOW, obj=review, to=ReviewStatus.SUBMITTED, by=by)
    return review


@transaction.atomic
def review_reopen(*, review, by, reason: str = "") -> Review:
    """Staff unlock a submitted review so the reviewer can change it; it stops counting until resubmitted."""
    if not review.is_submitted:
        raise ValidationError(_("This review is not submitted."), code="draft")
    transition(workflow=REVIEW_WORKFLOW, obj=review, to=ReviewStatus.DRAFT, by=by, reason=reason)
    return review


# --- Decisions ----------------------------------------------------------------------------------------


class DecisionNeedsConfirmation(ValidationError):
    """A decision that needs something more from staff: a justification or an overfill confirmation."""


@transaction.atomic
def decisions_record(
    *,
    applications: list,
    outcome: str,
    reason: str,
    by,
    message: str = "",
    justification: str = "",
    confirm_overfill: bool = False,
) -> list[Decision]:
    """Decide on one or more applications of one intake, with a written reason kept on record.

    `reason` is internal (staff only, required); `message` is what the team reads when the decision
    is released (optional). The staged entry in the feed, for staff only, keeps the reason.

    Accepting below a higher-ranked team that is not accepted needs a written justification; accepting
    beyond the intake's places needs `confirm_overfill`. Statuses move through the transition service
    without e-mail: teams hear of decisions when staff release them.
    """
    if outcome not in Outcome.values:
        raise ValidationError(_("Unknown decision."), code="outcome")
    if not reason.strip():
        raise ValidationError(_("Please write the reason for the decision."), code="reason")
    if not applications:
        raise ValidationError(_("Choose at least one application."), code="empty")
    intake = applications[0].intake
    if any(a.intake_id != intake.pk for a in applications):
        raise ValidationError(_("All applications must belong to the same intake."), code="intake")
    for application in applications:
        application.refresh_from_db(fields=["status"])
        if outcome_of(application.status) == outcome:
            raise ValidationError(
                _("“%(title)s” is already %(status)s.")
                % {"title": application, "status": application.get_status_display()},
                code="same",
            )
    if outcome == Outcome.ACCEPTED:
        chosen = {a.pk for a in applications}
        accepted_now = (
            Application.objects.filter(intake=intake, status__in=sorted(ACCEPTED_STATES)).exclude(pk__in=chosen).count()
        )
        if accepted_now + len(applications) > intake.team_places and not confirm_overfill:
            raise DecisionNeedsConfirmation(
                _(
                    "This would accept %(count)d teams for %(places)d places. Please confirm that you want to "
                    "accept more teams than there are places."
                )
                % {"count": accepted_now + len(applications), "places": intake.team_places},
                code="overfill",
            )
        rows = ranking(intake=intake)
        passed_over = {
            r.application.pk: r
            for application in applications
            for r in rows_ranked_above(rows=rows, application=application)
            if r.application.pk not in chosen
        }
        if passed_over and not justification.strip():
            names = ", ".join(f"“{r.application}”" for r in passed_over.values())
            raise DecisionNeedsConfirmation(
                _("Higher-ranked teams are not accepted (%(names)s). Please write why you accept this team instead.")
                % {"names": names},
                code="justification",
            )
    before = ranking_rows_for(intake=intake, application_ids=[a.pk for a in applications])
    decisions = []
    for application in applications:
        _record_cut_off_move(
            application=application, row=before.get(application.pk), outcome=outcome, by=by, reason=reason
        )
        _start_review_phase(application, by)
        # Staged: the team sees the decision only when staff release it.
        application_transition(application=application, to=STAGED_OF[outcome], by=by, reason=reason, notify=False)
        decisions.append(
            Decision.objects.create(
                application=application,
                outcome=outcome,
                reason=reason,
                message=message.strip(),
                justification=justification if outcome == Outcome.ACCEPTED else "",
                overfill_confirmed=confirm_overfill and outcome == Outcome.ACCEPTED,
                decided_by=by,
            )
        )
    return decisions


def _record_cut_off_move(*, application, row, outcome: str, by, reason: str) -> None:
    """An audit entry (staff only, before and after) when a decision puts a team on the other side of the cut-off.

    Above the cut-off (rank within the places) and not accepted, or below it and accepted: the entry keeps the
    rank, mean and places before, the status and the outcome after, and the decision's reason.
    """
    if row is None or row.rank is None:
        return
    accepted = outcome == Outcome.ACCEPTED
    if row.above_cutoff == accepted:
        return
    places = application.intake.team_places
    before = {"side": "above" if row.above_cutoff else "below", "rank": row.rank, "mean": str(row.mean)}
    after = {"side": "above" if accepted else "below", "outcome": outcome, "status": str(STAGED_OF[outcome])}
    Activity.record(
        obj=application,
        actor=by,
        verb=(
            _("moved the team above the cut-off: rank %(rank)d of %(places)d places, now accepted")
            if accepted
            else _("moved the team below the cut-off: rank %(rank)d of %(places)d places, now %(outcome)s")
        )
        % {"rank": row.rank, "places": places, "outcome": str(Outcome(outcome).label).lower()},
        from_state=f"{before['side']}_cutoff",
        to_state=f"{after['side']}_cutoff",
        reason=reason,
        audience=Audience.STAFF,
        data={"cut_off": {"places": places, "before": before, "after": after}},
    )


def decision_record(
    *, application, outcome: str, reason: str, by, message: str = "", justification: str = "", confirm_overfill=False
):
    """Decide on one application (see decisions_record)."""
    return decisions_record(
        applications=[application],
        outcome=outcome,
        reason=reason,
        message=message,
        by=by,
        justification=justification,
        confirm_overfill=confirm_overfill,
    )[0]


@transaction.atomic
def decisions_release(*, intake, by) -> list[Decision]:
    """Tell the teams: every staged decision of the intake becomes the outcome, e-mailed after commit.

    Accepted teams get a confirmation link with a deadline. Nothing is sent before this is called.
    """
    from .selectors import selection_settings_for
    from .tasks import send_decision_email

    settings = selection_settings_for(intake=intake)
    now = timezone.now()
    # Locked: a double click or two staff members releasing at once must not e-mail teams twice
    # (the second release waits, then finds these applications already released).
    staged = list(
        Application.objects.select_for_update().filter(intake=intake, status__in=sorted(STAGED_STATES)).order_by("pk")
    )
    latest: dict[int, Decision] = {}
    for decision in Decision.objects.filter(application__in=staged).order_by("application_id", "-decided_at", "-pk"):
        latest.setdefault(decision.application_id, decision)
    released = []
    for application in staged:
        decision = latest[application.pk]
        outcome = RELEASED_OF[application.status]
        # The team reads this entry: it carries the message to the team, never the internal reason.
        application_transition(application=application, to=outcome, by=by, reason=decision.message, notify=False)
        if outcome == Outcome.ACCEPTED:
            Confirmation.objects.update_or_create(
                application=application,
                defaults={"deadline": now + timedelta(days=settings.confirmation_days)},
            )
        released.append(decision)
        _on_commit(send_decision_email, decision.pk)
    return released


@transaction.atomic
def template_save(*, intake, outcome: str, by, subject=None, body=None, **texts) -> NotificationTemplate:
    """Save the intake's e-mail for one outcome; the placeholders must be well formed.

    Texts come per language (`subject_fr=`, `body_fr=`); `subject`/`body` alone are the English text.
    A language left empty sends the English text.
    """
    unknown = set(texts) - set(language_fields("subject", "body"))
    if unknown:
        raise ValueError(f"Unknown fields for the e-mail: {sorted(unknown)}")
    if subject is not None:
        texts["subject_en"] = subject
    if body is not None:
        texts["body_en"] = body
    for text in texts.values():
        render_placeholders(text or "", {})
    template, _created = NotificationTemplate.objects.update_or_create(
        intake=intake, outcome=outcome, defaults={name: value or "" for name, value in texts.items()}
    )
    return template


# --- Confirmation ----------------------------------------------------------------------------------------


def _ensure_open(confirmation: Confirmation, now) -> None:
    if not confirmation.is_open:
        raise ValidationError(_("This confirmation is already closed."), code="closed")
    if now > confirmation.deadline:
        raise ValidationError(_("The deadline to confirm has passed."), code="deadline")
    # The link outlives the place: the team may have withdrawn, or staff changed the decision since.
    if confirmation.application.status != S.ACCEPTED:
        raise ValidationError(_("Your team no longer has a place to confirm."), code="not_accepted")


@transaction.atomic
def confirmation_confirm(*, confirmation: Confirmation, now=None) -> Confirmation:
    now = now or timezone.now()
    confirmation = Confirmation.objects.select_for_update().select_related("application").get(pk=confirmation.pk)
    _ensure_open(confirmation, now)
    # The link in the e-mail stands for the team's contact person.
    by = confirmation.application.contact_person
    transition(workflow=CONFIRMATION_WORKFLOW, obj=confirmation, to=ConfirmationStatus.CONFIRMED, by=by)
    # The team's outline becomes its change project (once; its members become participants).
    from change_projects.services import change_project_create_from_application

    change_project_create_from_application(application=confirmation.application, by=None)
    return confirmation


@transaction.atomic
def confirmation_decline(*, confirmation: Confirmation, reason: str = "", now=None) -> Confirmation:
    """The team declines its place: the application is withdrawn and the place is free for the waiting list."""
    now = now or timezone.now()
    confirmation = Confirmation.objects.select_for_update().select_related("application").get(pk=confirmation.pk)
    _ensure_open(confirmation, now)
    application = confirmation.application
    reason = reason or _("The team declined its place.")
    by = application.contact_person  # the link in the e-mail stands for the team's contact person
    transition(workflow=CONFIRMATION_WORKFLOW, obj=confirmation, to=ConfirmationStatus.DECLINED, by=by, reason=reason)
    application_transition(application=application, to=S.WITHDRAWN, by=by, reason=reason, notify=False)
    return confirmation


def confirmations_expire(*, now=None) -> int:
    """Withdraw accepted teams that let the deadline pass (the beat task runs this daily)."""
    now = now or timezone.now()
    expired = 0
    for confirmation in Confirmation.objects.filter(status=ConfirmationStatus.PENDING, deadline__lt=now).select_related(
        "application"
    ):
        with transaction.atomic():
            transition(workflow=CONFIRMATION_WORKFLOW, obj=confirmation, to=ConfirmationStatus.EXPIRED, by=None)
            if confirmation.application.status == S.ACCEPTED:
                application_transition(
                    application=confirmation.application,
                    to=S.WITHDRAWN,
                    by=None,
                    reason=_("The team did not confirm its place by the deadline."),
                )
        expired += 1
    return expired


REMIND_BEFORE = timedelta(days=3)


def confirmations_remind(*, now=None) -> int:
    """One reminder to each team whose confirmation deadline is near."""
    from .emails import confirmation_reminder_send

    now = now or timezone.now()
    sent = 0
    for confirmation in Confirmation.objects.filter(
        status=ConfirmationStatus.PENDING,
        reminded_at__isnull=True,
        deadline__gte=now,
        deadline__lte=now + REMIND_BEFORE,
    ).select_related("application__intake__programme", "application__contact_person"):
        confirmation_reminder_send(confirmation=confirmation)
        confirmation.reminded_at = now
        confirmation.save(update_fields=["reminded_at"])
        sent += 1
    return sent


def reviews_remind(*, now=None) -> int:
    """Before an intake's review deadline, one reminder per reviewer listing their unfinished reviews."""
    from .emails import review_reminder_send

    now = now or timezone.now()
    sent = 0
    for settings in SelectionSettings.objects.filter(review_deadline__gte=now).select_related("intake__programme"):
        if settings.review_deadline - timedelta(days=settings.reminder_days) > now:
            continue
        pending = list(
            ReviewAssignment.objects.filter(
                application__intake=settings.intake, status=ACTIVE, reminded_at__isnull=True
            )
            .exclude(review__status=ReviewStatus.SUBMITTED)
            .select_related("application", "reviewer")
            .order_by("reviewer_id", "application__title")
        )
        by_reviewer: dict = {}
        for assignment in pending:
            by_reviewer.setdefault(assignment.reviewer, []).append(assignment)
        for reviewer, assignments in by_reviewer.items():
            review_reminder_send(reviewer=reviewer, assignments=assignments, intake=settings.intake)
            sent += 1
        ReviewAssignment.objects.filter(pk__in=[a.pk for a in pending]).update(reminded_at=now)
    return sent
