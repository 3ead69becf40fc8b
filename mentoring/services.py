"""Every write of mentoring: validation, save, activity entries, e-mails after commit."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programmes.enums import IntakeRoleType
from programmes.models import IntakeRole

from .models import MentorAssignment, MentoredTeam
from .selectors import assignable_teams

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
