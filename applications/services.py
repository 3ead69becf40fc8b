"""Every write to applications goes through here: validation, save, history, e-mails after commit."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import uploads
from portal.models import Activity, Audience
from portal.workflow import Forbidden, TransitionForbidden, TransitionNotAllowed, transition  # noqa: F401 - re-exported

from .documents import BY_KIND, accepted_kinds
from .enums import (
    ACTIVE_STATES,
    EDITABLE_STATES,
    PER_MEMBER_KINDS,
    WITHDRAW_BY_DEADLINE_STATES,
    ApplicationStatus,
    AttachmentKind,
)
from .models import Application, Attachment, EarlierParticipant, Invitation, Organisation, TeamMember
from .validators import check_attachment_count
from .workflows import APPLICATION_WORKFLOW


def application_transition(*, application: Application, to: str, by, reason: str = "", notify: bool = True) -> Activity:
    """The only place an application's status changes: a thin wrapper over the workflow kit.

    The kit locks the row, checks `APPLICATION_WORKFLOW` (the table and who may take each arrow),
    saves, records the activity entry and e-mails the team after commit. `notify=False` leaves the
    team's e-mail to the caller; staged decisions (e.g. ACCEPTED_PENDING) are never e-mailed and
    are recorded for staff only until staff release them.
    """
    return transition(workflow=APPLICATION_WORKFLOW, obj=application, to=to, by=by, reason=reason, notify=notify)


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
    Activity.record(
        obj=application, actor=by, verb=_("started the application"), from_state="", to_state=ApplicationStatus.DRAFT
    )
    return application


class ApplicationLocked(Forbidden):
    """The application is no longer a draft: the team cannot change it (views check this first)."""


def _ensure_editable(application: Application) -> None:
    if application.status not in EDITABLE_STATES:
        raise ApplicationLocked(_("This application has been submitted and can no longer be changed."))
    if not application.is_before_deadline():
        raise ApplicationLocked(
            _(
                "The deadline has passed, so this draft can no longer be changed or submitted. "
                "If something stopped your team, write to the programme team: they can extend your deadline."
            )
        )


# --- Team ---------------------------------------------------------------------------------


class InvitationError(ValidationError):
    """An invitation link that cannot be used; the message says why in plain words."""


@transaction.atomic
def invitation_create(*, application: Application, email: str, by, accept_url_for) -> Invitation:
    """Invite `email` to the team; `accept_url_for(invitation)` builds the absolute link for the e-mail."""
    _ensure_editable(application)
    email = email.strip().lower()
    if application.members.filter(user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already in the team.") % {"email": email}, code="member")
    if application.members.count() >= application.intake.max_team_size:
        raise ValidationError(
            _("The team already has %(max)d members, the most this intake allows.")
            % {"max": application.intake.max_team_size},
            code="full",
        )
    invitation = Invitation.objects.create(application=application, email=email, invited_by=by)
    url = accept_url_for(invitation)
    from .tasks import send_invitation_email

    transaction.on_commit(lambda: send_invitation_email.delay(invitation.pk, url))
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user) -> TeamMember:
    """Join the team of the invitation; only once, before it expires, with the invited address."""
    invitation = (
        Invitation.objects.select_for_update().select_related("application__intake").filter(token=token).first()
    )
    if invitation is None:
        raise InvitationError(_("This invitation link is not valid. Please ask the team for a new one."))
    if invitation.accepted_at is not None:
        raise InvitationError(_("This invitation has already been used. Please ask the team for a new one."))
    if invitation.is_expired():
        raise InvitationError(_("This invitation has expired. Please ask the team to invite you again."))
    if invitation.email.lower() != user.email.lower():
        raise InvitationError(
            _(
                "This invitation was sent to %(invited)s, but you are logged in as %(you)s. "
                "Please log in with the address the invitation was sent to."
            )
            % {"invited": invitation.email, "you": user.email}
        )
    application = invitation.application
    if application.status not in EDITABLE_STATES:
        raise InvitationError(_("This application has already been submitted; the team can no longer change."))
    if not application.is_before_deadline():
        raise InvitationError(_("The deadline for this application has passed; the team can no longer change."))
    if _user_has_active_application(user=user, intake=application.intake):
        raise InvitationError(_("You are already in a team that applies to this intake."))
    if application.members.count() >= application.intake.max_team_size:
        raise InvitationError(_("This team is already full."))
    member = TeamMember.objects.create(
        application=application,
        user=user,
        position=user.position,
        organisation=user.organisation,
        gender=user.gender,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return member


def member_update(*, member: TeamMember, by, data: dict) -> TeamMember:
    _ensure_editable(member.application)
    for name, value in data.items():
        setattr(member, name, value)
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def member_remove(*, member: TeamMember, by) -> None:
    _ensure_editable(member.application)
    if member.is_contact:
        raise ValidationError(_("The contact person cannot be removed from the team."), code="contact")
    member.delete()


def organisation_add(*, application: Application, by, data: dict) -> Organisation:
    _ensure_editable(application)
    organisation = Organisation(application=application, **data)
    organisation.full_clean()
    organisation.save()
    return organisation


def organisation_remove(*, organisation: Organisation, by) -> None:
    _ensure_editable(organisation.application)
    organisation.delete()


# --- Outline ------------------------------------------------------------------------------


def outline_save(*, application: Application, by, data: dict) -> Application:
    """Save some answers of the outline (a section, or the valid part of an autosave)."""
    _ensure_editable(application)
    for name, value in data.items():
        setattr(application, name, value)
    application._change_reason = "outline"
    application.save(update_fields=[*data, "updated_at"])
    return application


# --- Attachments --------------------------------------------------------------------------


def _fingerprint(uploaded) -> str:
    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return digest.hexdigest()


def attachment_add(*, application: Application, kind: str, uploaded, by, member=None) -> Attachment:
    """Store an upload privately after checking its size and its real type (from its content).

    The same content uploaded before is kept too (a team may mean it), but `duplicate_of` on the
    returned attachment names the earlier one so the page can warn.
    """
    _ensure_editable(application)
    if kind not in accepted_kinds(application.intake):
        raise ValidationError(
            _("This intake does not ask for this kind of document (%(kind)s).") % {"kind": AttachmentKind(kind).label},
            code="kind",
        )
    check_attachment_count(application)
    # The intake's own largest upload, never above the portal's (PORTAL_MAX_UPLOAD_BYTES).
    filetype = uploads.validate(uploaded, max_bytes=application.intake.max_upload_bytes())
    if kind in PER_MEMBER_KINDS and member is None:
        raise ValidationError(BY_KIND[kind].whose, code="member")
    sha256 = _fingerprint(uploaded)
    duplicate_of = application.attachments.filter(sha256=sha256).order_by("created_at").first()
    # The name and extension come from the detected type, not from the uploader.
    name = uploads.safe_filename(uploaded.name, filetype)
    attachment = Attachment(
        application=application,
        sha256=sha256,
        kind=kind,
        member=member if kind in PER_MEMBER_KINDS else None,
        original_name=name[:255],
        size=uploaded.size,
        content_type=filetype.content_type,
        uploaded_by=by,
    )
    attachment.file.save(f"upload.{filetype.extension}", uploaded, save=False)
    attachment.save()
    attachment.duplicate_of = duplicate_of
    return attachment


def attachment_downloaded(*, attachment: Attachment, by) -> None:
    """Audit: who downloaded which applicant file (programme staff read it in the feed)."""
    Activity.record(
        obj=attachment,
        actor=by,
        verb=_("downloaded a file"),
        audience=Audience.STAFF,
        data={"file": attachment.pk, "name": attachment.original_name, "kind": getattr(attachment, "kind", "")},
    )


def attachment_delete(*, attachment: Attachment, by) -> None:
    _ensure_editable(attachment.application)
    attachment.file.delete(save=False)
    attachment.delete()


# --- Submission, withdrawal, reopening, deadlines -----------------------------------------


def _assign_reference(application: Application) -> None:
    """Give the application its receipt reference at its first submission: LLG-2027-014."""
    from programmes.display import programme_code
    from programmes.models import Intake

    if application.reference:
        return
    # Lock the intake so two teams submitting at the same moment do not get the same number.
    intake = Intake.objects.select_for_update().select_related("programme").get(pk=application.intake_id)
    last = Application.objects.filter(intake=intake).aggregate(last=Max("number"))["last"] or 0
    application.number = last + 1
    year = intake.local(intake.closes_at).year
    application.reference = f"{programme_code(intake.programme)}-{year}-{application.number:03d}"
    # No history row of its own: the submission's save, just after, records the reference with the status.
    Application.objects.filter(pk=application.pk).update(number=application.number, reference=application.reference)


@transaction.atomic
def application_submit(*, application: Application, by, now=None) -> Activity:
    """Submit before the team's deadline and only when the checklist is complete; the team gets a reference."""
    from .checks import checklist

    now = now or timezone.now()
    if not application.is_before_deadline(now):
        raise ValidationError(_("The deadline for this application has passed."), code="deadline")
    missing = [item.label for item in checklist(application) if not item.ok]
    if missing:
        raise ValidationError(
            _("The application is not complete yet: %(missing)s.") % {"missing": ", ".join(map(str, missing))},
            code="incomplete",
        )
    _assign_reference(application)
    return application_transition(application=application, to=ApplicationStatus.SUBMITTED, by=by)


def application_withdraw(*, application: Application, by, reason: str = "", now=None) -> Activity:
    """The team withdraws; before a decision only up to the deadline, an accepted team may decline later."""
    now = now or timezone.now()
    if application.status in WITHDRAW_BY_DEADLINE_STATES and not application.is_before_deadline(now):
        raise ValidationError(_("The deadline has passed; please write to the programme team."), code="deadline")
    return application_transition(application=application, to=ApplicationStatus.WITHDRAWN, by=by, reason=reason)


def application_reopen(*, application: Application, by, reason: str) -> Activity:
    """Staff send a submitted application back to the team for corrections."""
    if not reason.strip():
        raise ValidationError(_("Please say what the team should correct."), code="reason")
    return application_transition(application=application, to=ApplicationStatus.DRAFT, by=by, reason=reason)


def failed_eligibility_checks(*, application) -> list[str]:
    """The labels of the screening checks the application fails (prefilled from its data)."""
    from .checks import eligibility_checks
    from .selectors import earlier_participants

    checks = eligibility_checks(application, earlier_participants(application=application))
    return [str(check.label) for check in checks if not check.ok]


SCREENED = frozenset({ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE})


@transaction.atomic
def application_screen(
    *, application: Application, by, eligible: bool, reason: str, justification: str = ""
) -> Activity:
    """Staff's eligibility decision; the team is told by e-mail (with `reason`).

    Marking eligible an application that fails a check needs a written `justification`, kept in the
    feed for staff only with the checks it overrides. Reversing an earlier screening needs a reason.
    """
    to = ApplicationStatus.ELIGIBLE if eligible else ApplicationStatus.INELIGIBLE
    if not eligible and not reason.strip():
        raise ValidationError(_("Please give the reason the application is not eligible."), code="reason")
    if application.status in SCREENED and application.status != to and not reason.strip():
        raise ValidationError(_("Please write why the screening decision changes."), code="reversal")
    failed = failed_eligibility_checks(application=application) if eligible else []
    if failed and not justification.strip():
        raise ValidationError(
            _("The application fails these checks: %(checks)s. Please write why it is eligible all the same.")
            % {"checks": ", ".join(failed)},
            code="justification",
        )
    activity = application_transition(application=application, to=to, by=by, reason=reason)
    if failed:
        Activity.record(
            obj=application,
            actor=by,
            verb=(_("marked the application eligible although it fails: %(checks)s") % {"checks": ", ".join(failed)})[
                :200
            ],
            reason=justification.strip(),
            audience=Audience.STAFF,
            data={"failed_checks": failed},
        )
    return activity


@transaction.atomic
def application_extend_deadline(*, application: Application, until, by, reason: str) -> Application:
    """Give one team a later deadline (or clear it with `until=None`), with the reason on record."""
    if not reason.strip():
        raise ValidationError(_("Please give the reason for the extension."), code="reason")
    if until is not None and until <= application.intake.closes_at:
        raise ValidationError(_("An extension must end after the intake's own deadline."), code="earlier")
    application.deadline_override = until
    application.deadline_override_reason = reason
    application._change_reason = reason[:100]  # simple-history keeps 100 characters; the whole reason is kept above
    application._history_user = by
    application.save(update_fields=["deadline_override", "deadline_override_reason", "updated_at"])
    return application


# --- Earlier participants (programmes that ran before the portal) ----------------------------------


@transaction.atomic
def earlier_participants_import(*, rows: list[dict], by) -> tuple[int, int]:
    """Add the rows of a checked list (applications.imports); (added, already on the list).

    A person already on the list — the same e-mail, or the same name, date of birth and country —
    is not added twice, so the same file can be imported again safely.
    """
    from .imports import identity

    if not rows:
        return 0, 0
    existing = set()
    emails = {r["email"] for r in rows if r["email"]}
    keys = {r["name_key"] for r in rows if not r["email"]}
    for known in EarlierParticipant.objects.filter(Q(email__in=emails) | Q(name_key__in=keys)).values(
        "email", "name_key", "date_of_birth", "country"
    ):
        if known["email"]:
            existing.add(("email", known["email"]))
        existing.add(("person", known["name_key"], known["date_of_birth"], known["country"]))
    new = [r for r in rows if identity(r) not in existing]
    # Each row keeps who imported it and when (imported_by, imported_at).
    EarlierParticipant.objects.bulk_create([EarlierParticipant(**row, imported_by=by) for row in new], batch_size=1000)
    return len(new), len(rows) - len(new)
