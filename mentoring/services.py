"""Every write of mentoring: validation, save, activity entries, e-mails after commit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.rules import is_programme_staff
from portal.models import Activity, Audience
from portal.workflow import transition
from programmes.enums import IntakeRoleType
from programmes.models import IntakeRole

from .enums import ActionStatus
from .models import (
    CoachingAction,
    CoachingSession,
    MentorAssignment,
    MentoredTeam,
    MentoringSettings,
    MentorWork,
    TopicTag,
)
from .rules import is_team_mentor
from .selectors import assignable_teams
from .workflows import ACTION_WORKFLOW

SESSION_FIELDS = (
    "starts_at",
    "duration_minutes",
    "mode",
    "participants",
    "tags",
    "milestones",
    "risks",
    "topics",
    "shared_notes",
    "private_notes",
    "actions",
    "follow_ups",
)
AGREEMENT_FIELDS = ("starts_on", "ends_on", "budget_amount", "budget_unit", "expectations", "mentor_time_zone")


def _check_teams(*, assignment: MentorAssignment, teams) -> None:
    selectable = set(assignable_teams(intake=assignment.intake).values_list("pk", flat=True))
    others = MentoredTeam.objects.filter(application__in=teams)
    if assignment.pk:
        others = others.exclude(assignment_id=assignment.pk)
    taken = dict(others.values_list("application_id", "assignment__mentor__full_name"))
    for team in teams:
        if team.pk not in selectable:
            raise ValidationError(
                _("“%(team)s” is not a selected team of this intake.") % {"team": team}, code="not_selected"
            )
        if team.pk in taken:
            raise ValidationError(
                _("“%(team)s” already has a mentor: %(mentor)s.") % {"team": team, "mentor": taken[team.pk]},
                code="taken",
            )


@transaction.atomic
def mentor_assignment_create(*, intake, mentor, teams, by, **agreement) -> MentorAssignment:
    """Assign a mentor (who holds the mentor role in the intake) to teams, with the agreement's terms."""
    if not IntakeRole.objects.filter(intake=intake, user=mentor, role=IntakeRoleType.MENTOR).exists():
        raise ValidationError(_("%(name)s is not a mentor in this intake.") % {"name": mentor}, code="not_mentor")
    if MentorAssignment.objects.filter(intake=intake, mentor=mentor).exists():
        raise ValidationError(
            _("%(name)s already has an agreement in this intake; change it instead.") % {"name": mentor},
            code="duplicate",
        )
    assignment = MentorAssignment(intake=intake, mentor=mentor, created_by=by, **agreement)
    assignment.full_clean()
    _check_teams(assignment=assignment, teams=teams)
    assignment._history_user = by
    assignment.save()
    MentoredTeam.objects.bulk_create(MentoredTeam(assignment=assignment, application=team) for team in teams)
    return assignment


@transaction.atomic
def mentor_assignment_update(*, assignment: MentorAssignment, teams, by, **agreement) -> MentorAssignment:
    """Change the agreement's terms and its teams. A team taken off keeps its logged sessions."""
    for name in AGREEMENT_FIELDS:
        if name in agreement:
            setattr(assignment, name, agreement[name])
    assignment.full_clean()
    _check_teams(assignment=assignment, teams=teams)
    assignment._history_user = by
    assignment.save()
    wanted = {team.pk for team in teams}
    current = set(assignment.mentored_teams.values_list("application_id", flat=True))
    assignment.mentored_teams.filter(application_id__in=current - wanted).delete()
    MentoredTeam.objects.bulk_create(
        MentoredTeam(assignment=assignment, application_id=pk) for pk in sorted(wanted - current)
    )
    return assignment


def mentoring_settings_update(*, intake, by, no_coaching_days: int) -> MentoringSettings:
    settings, _created = MentoringSettings.objects.get_or_create(intake=intake)
    settings.no_coaching_days = no_coaching_days
    settings.full_clean()
    settings.save()
    return settings


def topic_tag_save(*, by, name: str, is_active: bool = True, tag: TopicTag | None = None) -> TopicTag:
    """Create a topic tag, or rename / retire one (retired tags stay on past sessions)."""
    tag = tag or TopicTag()
    tag.name, tag.is_active = name.strip(), is_active
    tag.full_clean()
    tag.save()
    return tag


# --- Sessions and actions -----------------------------------------------------------------------


def _assignment_of(application) -> MentorAssignment:
    team = MentoredTeam.objects.select_related("assignment__mentor").filter(application=application).first()
    if team is None:
        raise ValidationError(_("This team has no mentor yet."), code="no_mentor")
    return team.assignment


def _check_owner(*, application, assignment, owner) -> None:
    if owner.pk != assignment.mentor_id and not application.members.filter(user=owner).exists():
        raise ValidationError(
            _("%(name)s is neither a member of the team nor its mentor.") % {"name": owner}, code="owner"
        )


@transaction.atomic
def session_log(
    *,
    application,
    by,
    starts_at,
    duration_minutes: int,
    mode: str,
    participants=(),
    tags=(),
    milestones=(),
    risks=(),
    topics: str = "",
    shared_notes: str = "",
    private_notes: str = "",
    actions=(),
    follow_ups=None,
    now=None,
) -> CoachingSession:
    """Log a session with its agreed actions and the follow-up of earlier ones, in one transaction.

    `actions`: dicts with description, owner (a member's user or the mentor), due_on.
    `follow_ups`: {action: (status, new_due_on or None)} for outstanding actions of the team.
    """
    if not (is_team_mentor(by, application) or is_programme_staff(by)):
        raise PermissionDenied
    assignment = _assignment_of(application)
    if starts_at > (now or timezone.now()):
        raise ValidationError(_("A session is logged once it has taken place."), code="future")
    member_ids = set(application.members.values_list("pk", flat=True))
    if any(p.pk not in member_ids for p in participants):
        raise ValidationError(_("Only members of the team can take part."), code="participants")
    if any(item.project.application_id != application.pk for item in [*milestones, *risks]):
        raise ValidationError(_("Only the team's own milestones and risks can be linked."), code="foreign_project")
    session = CoachingSession(
        application=application,
        assignment=assignment,
        logged_by=by,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        mode=mode,
        topics=topics,
        shared_notes=shared_notes,
        private_notes=private_notes,
    )
    session.full_clean(exclude=["logged_by"])
    session._history_user = by
    session.save()
    session.participants.set(participants)
    session.tags.set(tags)
    session.milestones.set(milestones)
    session.risks.set(risks)
    Activity.record(
        obj=session,
        actor=by,
        verb=gettext_noop("logged a coaching session"),
        audience=Audience.TEAM,
        data={"session": session.pk},
    )
    if private_notes.strip():
        # Who wrote private notes and when, for the mentor and staff; never their content.
        Activity.record(obj=session, actor=by, verb=gettext_noop("wrote private notes"), audience=Audience.MENTOR)
    for action, (status, due_on) in (follow_ups or {}).items():
        if action.application_id != application.pk:
            raise ValidationError(_("That action belongs to another team."), code="foreign_action")
        action_follow_up(action=action, to=status, by=by, session=session, due_on=due_on)
    for item in actions:
        action_add(session=session, by=by, assignment=assignment, **item)
    return session


def action_add(*, session, by, description: str, owner, due_on, assignment=None) -> CoachingAction:
    assignment = assignment or session.assignment
    _check_owner(application=session.application, assignment=assignment, owner=owner)
    action = CoachingAction(
        application=session.application, session=session, description=description.strip(), owner=owner, due_on=due_on
    )
    action.full_clean()
    action._history_user = by
    action.save()
    Activity.record(
        obj=action,
        actor=by,
        verb=gettext_noop("agreed an action"),
        to_state=action.status,
        audience=Audience.TEAM,
        data={"session": session.pk, "due_on": due_on.isoformat()},
    )
    return action


def action_follow_up(*, action, to: str, by, session=None, due_on=None):
    """Move an action on (done, carried over, dropped, reopened). Carrying over keeps the same action."""
    if to == ActionStatus.CARRIED_OVER and due_on is None:
        due_on = action.due_on
    data = {"session": session.pk} if session is not None else {}
    if due_on is not None:
        data["due_on"] = due_on.isoformat()
    action._history_user = by
    return transition(
        workflow=ACTION_WORKFLOW,
        obj=action,
        to=to,
        by=by,
        data=data,
        session=session,
        due_on=due_on if to == ActionStatus.CARRIED_OVER else None,
    )


# --- Other work ---------------------------------------------------------------------------------


def mentor_work_log(*, assignment, by, kind, worked_on, hours, note: str = "", application=None) -> MentorWork:
    """Log preparation, travel or report reading against the mentor's budget."""
    if by.pk != assignment.mentor_id and not is_programme_staff(by):
        raise PermissionDenied
    if application is not None and not assignment.mentored_teams.filter(application=application).exists():
        raise ValidationError(_("That team is not one of this mentor's teams."), code="foreign_team")
    work = MentorWork(
        assignment=assignment, application=application, kind=kind, worked_on=worked_on, hours=hours, note=note
    )
    work.full_clean()
    work.save()
    return work


def mentor_work_delete(*, work: MentorWork, by) -> None:
    if by.pk != work.assignment.mentor_id and not is_programme_staff(by):
        raise PermissionDenied
    work.delete()
