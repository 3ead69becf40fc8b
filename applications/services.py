"""Every write to applications goes through here: validation, save, history, e-mails after commit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import ACTIVE_STATES, ApplicationStatus, can_transition
from .models import Application, StatusChange, TeamMember


class TransitionNotAllowed(ValidationError):
    """The allowed-transitions table has no arrow from the current status to the requested one."""


@transaction.atomic
def application_transition(
    *, application: Application, to: str, by, reason: str = "", notify: bool = True
) -> StatusChange:
    """The only place an application's status changes: checks the table, saves, records, notifies.

    `notify=False` leaves the team's e-mail to the caller (selection releases decisions in bulk).
    """
    # Lock the row so two staff members cannot move the same application at once.
    current = Application.objects.select_for_update().only("status").get(pk=application.pk).status
    if not can_transition(current, to):
        raise TransitionNotAllowed(
            _("An application cannot go from “%(from)s” to “%(to)s”.")
            % {"from": ApplicationStatus(current).label, "to": ApplicationStatus(to).label},
            code="transition_not_allowed",
        )
    application.status = to
    fields = ["status", "updated_at"]
    if to == ApplicationStatus.SUBMITTED:
        application.submitted_at = timezone.now()
        fields.append("submitted_at")
    application._change_reason = reason or f"{current} → {to}"
    application.save(update_fields=fields)
    change = StatusChange.objects.create(
        application=application, from_status=current, to_status=to, by=by, reason=reason
    )
    if notify:
        from .tasks import send_status_email

        transaction.on_commit(lambda: send_status_email.delay(change.pk))
    return change


def _user_has_active_application(*, user, intake) -> bool:
    return TeamMember.objects.filter(
        user=user, application__intake=intake, application__status__in=ACTIVE_STATES
    ).exists()


@transaction.atomic
def application_start(*, intake, by) -> Application:
    """Open a draft for `by` in `intake`; they become its contact person and first member."""
    now = timezone.now()
    if not intake.is_open(now):
        raise ValidationError(_("This intake is not open for applications."), code="closed")
    if not by.country:
        raise ValidationError(_("Please add your country to your profile first."), code="no_country")
    if not intake.accepts_country(by.country.code):
        raise ValidationError(
            _("Teams from %(country)s cannot apply to this intake.") % {"country": by.country.name},
            code="country",
        )
    if _user_has_active_application(user=by, intake=intake):
        raise ValidationError(_("You are already in a team that applies to this intake."), code="duplicate")
    application = Application.objects.create(intake=intake, contact_person=by)
    TeamMember.objects.create(
        application=application,
        user=by,
        position=by.position,
        organisation=by.organisation,
        gender=by.gender,
        is_contact=True,
    )
    StatusChange.objects.create(application=application, from_status="", to_status=ApplicationStatus.DRAFT, by=by)
    return application


def ensure_editable(application: Application) -> None:
    from .enums import EDITABLE_STATES

    if application.status not in EDITABLE_STATES:
        raise PermissionDenied(_("This application has been submitted and can no longer be changed."))
