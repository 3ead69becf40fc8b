"""Selection's e-mails. Decision e-mails come from the intake's editable templates; the others from files."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.mail import send_once
from portal.translated import language_codes
from programmes.display import for_recipient, local_datetime_text

from .enums import AssignmentStatus, Outcome

PLACEHOLDERS = {
    "team": gettext_lazy("the team's organisation(s)"),
    "project": gettext_lazy("the title of the change project"),
    "contact": gettext_lazy("the contact person's name"),
    "programme": gettext_lazy("the programme"),
    "intake": gettext_lazy("the intake"),
    "message": gettext_lazy("the message to the team written with the decision (empty when none was written)"),
    "confirm_url": gettext_lazy("the link to confirm or decline (accepted teams)"),
    "deadline": gettext_lazy("the date to confirm by (accepted teams)"),
    "reserve": gettext_lazy(
        "the team's number in the reserve order, 1 = offered the next free place (waitlisted teams)"
    ),
}

DEFAULT_TEMPLATES = {
    Outcome.ACCEPTED: (
        gettext_lazy("Your team is selected for {programme}"),
        gettext_lazy(
            "Dear {contact},\n\nWe are very pleased to tell you that the team of {team} is selected for "
            "{programme}, {intake}, with the change project “{project}”.\n\n{message}\n\n"
            "Please confirm that your team will take part by {deadline}:\n{confirm_url}\n\n"
            "If you do not confirm by then, the place goes to a team on the waiting list.\n\n"
            "With best wishes,\nThe programme team"
        ),
    ),
    Outcome.WAITLISTED: (
        gettext_lazy("Your application to {programme}: waiting list"),
        gettext_lazy(
            "Dear {contact},\n\nThank you for the application of {team} (“{project}”) to {programme}, {intake}. "
            "Your team is on the waiting list as reserve {reserve}: free places are offered to the reserves in "
            "this order.\n\n{message}\n\n"
            "With best wishes,\nThe programme team"
        ),
    ),
    Outcome.REJECTED: (
        gettext_lazy("Your application to {programme}"),
        gettext_lazy(
            "Dear {contact},\n\nThank you for the application of {team} (“{project}”) to {programme}, {intake}. "
            "We are sorry that your team was not selected this time.\n\n{message}\n\n"
            "We hope you will apply again.\n\nWith best wishes,\nThe programme team"
        ),
    ),
}


class _Blanks(dict):
    """Unknown placeholders stay as written, so a typo shows in the preview instead of failing."""

    def __missing__(self, key):
        return "{" + key + "}"


def render_placeholders(text: str, values: dict) -> str:
    try:
        return text.format_map(_Blanks(values))
    except (ValueError, IndexError, AttributeError) as exc:
        raise ValidationError(
            _("The text has a brace { or } that does not belong to a placeholder: %(error)s") % {"error": exc},
            code="placeholder",
        ) from exc


def _tidy(body: str) -> str:
    """No run of empty lines where an optional placeholder (the message) was left empty."""
    return re.sub(r"\n{3,}", "\n\n", body)


def default_template_texts(*, outcome: str) -> dict:
    """The default e-mail for an outcome in every language, as the editor's starting point (`subject_fr`, ...)."""
    subject, body = DEFAULT_TEMPLATES[Outcome(outcome)]
    texts = {}
    for code in language_codes():
        with translation.override(code):
            texts[f"subject_{code}"], texts[f"body_{code}"] = str(subject), str(body)
    return texts


def in_current_language(texts: dict, name: str) -> str:
    """A form's text in the reader's language, else the English one (as the e-mail would fall back)."""
    return texts.get(f"{name}_{translation.get_language()}") or texts.get(f"{name}_en") or ""


def templates_of(*, intake) -> list[dict]:
    """Each outcome's e-mail subject (saved or default) and its saved template (or None), in one query."""
    saved = {template.outcome: template for template in intake.notification_templates.all()}
    return [
        {
            "outcome": outcome,
            "subject": saved[outcome].subject if outcome in saved else str(DEFAULT_TEMPLATES[outcome][0]),
            "saved": saved.get(outcome),
        }
        for outcome in Outcome
    ]


def template_for(*, intake, outcome: str) -> tuple[str, str]:
    """The intake's (subject, body) for an outcome, or the default text."""
    saved = intake.notification_templates.filter(outcome=outcome).first()
    if saved is not None:
        return saved.subject, saved.body
    subject, body = DEFAULT_TEMPLATES[Outcome(outcome)]
    return str(subject), str(body)


def placeholder_values(*, application, outcome: str, message: str, confirmation=None, reserve=None) -> dict:
    """What the placeholders stand for. Only the message to the team: a decision's internal reason is never here."""
    intake = application.intake
    organisations = ", ".join(o.name for o in application.organisations.all())
    values = {
        "team": organisations or str(application.contact_person),
        "project": application.title,
        "contact": application.contact_person.get_full_name() or application.contact_person.email,
        "programme": intake.programme.title,
        "intake": intake.name,
        "message": message,
        # Texts written before the message existed said {reason}; it stands for the message too.
        "reason": message,
        "confirm_url": "",
        "deadline": "",
        "reserve": "" if reserve is None else str(reserve),
    }
    if confirmation is not None:
        values["confirm_url"] = settings.PORTAL_BASE_URL + reverse("selection:confirm", args=[confirmation.token])
        values["deadline"] = local_datetime_text(intake, confirmation.deadline)
    return values


def template_preview(*, intake, outcome: str, subject: str, body: str, sample, confirm_url: str) -> dict:
    """The e-mail as `sample`'s team would read it; raises ValidationError on a malformed placeholder."""
    from datetime import timedelta

    from django.utils import timezone

    from .selectors import reserve_number, selection_settings_for

    values = placeholder_values(
        application=sample,
        outcome=outcome,
        message=_("(the message to the team you write, if any)"),
        reserve=(reserve_number(application=sample) or 1) if outcome == Outcome.WAITLISTED else None,
    )
    if outcome == Outcome.ACCEPTED:
        values["confirm_url"] = confirm_url
        days = selection_settings_for(intake=intake).confirmation_days
        values["deadline"] = local_datetime_text(intake, timezone.now() + timedelta(days=days))
    return {"subject": render_placeholders(subject, values), "body": _tidy(render_placeholders(body, values))}


def decision_email_send(*, decision_id: int) -> None:
    """Send a released decision to every member of the team, from the intake's template."""
    from .models import Confirmation, Decision

    decision = Decision.objects.select_related("application__intake__programme", "application__contact_person").get(
        pk=decision_id
    )
    from .selectors import reserve_number

    application = decision.application
    confirmation = Confirmation.objects.filter(application=application).first()
    # The reserve order when the e-mail leaves (the team's place among the waitlisted, by the ranking).
    reserve = reserve_number(application=application) if decision.outcome == Outcome.WAITLISTED else None
    members = sorted(application.members.select_related("user"), key=lambda member: member.user.email)
    # One e-mail per member: each in their own language, with the deadline on their own clock.
    for member in members:
        with for_recipient(member.user):
            subject, body = template_for(intake=application.intake, outcome=decision.outcome)
            values = placeholder_values(
                application=application,
                outcome=decision.outcome,
                message=decision.message,
                confirmation=confirmation if decision.outcome == Outcome.ACCEPTED else None,
                reserve=reserve,
            )
            # Keyed by decision and member: a retried or redelivered task does not send it twice.
            send_once(
                key=f"decision:{decision.pk}:{member.user.pk}",
                subject=render_placeholders(subject, values).strip(),
                body=_tidy(render_placeholders(body, values)),
                to=[member.user.email],
            )


def _send(*, template: str, context: dict, user=None, email=None) -> None:
    context = {**context, "base_url": settings.PORTAL_BASE_URL, "recipient": user}
    with for_recipient(user):
        subject = render_to_string(f"selection/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"selection/email/{template}.txt", context)
    send_mail(subject, body, None, [email or user.email])


def assignments_email_send(*, intake_id: int) -> int:
    """One e-mail per reviewer listing their assignments not announced yet; returns how many were sent."""
    from django.utils import timezone

    from accounts.models import User

    from .models import ReviewAssignment

    pending = list(
        ReviewAssignment.objects.filter(
            application__intake_id=intake_id, status=AssignmentStatus.ACTIVE, notified_at__isnull=True
        )
        .select_related("application__intake__programme", "reviewer")
        .order_by("reviewer_id", "application__title")
    )
    by_reviewer: dict[int, list] = {}
    for assignment in pending:
        by_reviewer.setdefault(assignment.reviewer_id, []).append(assignment)
    reviewers = {u.pk: u for u in User.objects.filter(pk__in=by_reviewer)}
    for reviewer_id, assignments in by_reviewer.items():
        _send(
            template="assignments",
            context={"assignments": assignments, "intake": assignments[0].application.intake},
            user=reviewers[reviewer_id],
        )
    ReviewAssignment.objects.filter(pk__in=[a.pk for a in pending]).update(notified_at=timezone.now())
    return len(by_reviewer)


def reviewer_added_email_send(*, intake_id: int, user_id: int) -> None:
    from accounts.models import User
    from programmes.models import Intake

    _send(
        template="reviewer_added",
        context={"intake": Intake.objects.select_related("programme").get(pk=intake_id)},
        user=User.objects.get(pk=user_id),
    )


def reviewer_invitation_email_send(*, invitation_id: int) -> None:
    from .models import ReviewerInvitation

    invitation = ReviewerInvitation.objects.select_related("intake__programme", "invited_by").get(pk=invitation_id)
    _send(
        template="reviewer_invitation",
        context={
            "invitation": invitation,
            "intake": invitation.intake,
            "signup_url": settings.PORTAL_BASE_URL + reverse("account_signup"),
            "accept_url": settings.PORTAL_BASE_URL + reverse("selection:reviewer_invitation", args=[invitation.token]),
        },
        email=invitation.email,
    )


def review_reminder_send(*, reviewer, assignments, intake) -> None:
    with for_recipient(reviewer):
        deadline = local_datetime_text(intake, intake.selection_settings.review_deadline)
    _send(
        template="review_reminder",
        context={"assignments": assignments, "intake": intake, "deadline": deadline},
        user=reviewer,
    )


def confirmation_reminder_send(*, confirmation) -> None:
    application = confirmation.application
    with for_recipient(application.contact_person):
        deadline = local_datetime_text(application.intake, confirmation.deadline)
    _send(
        template="confirmation_reminder",
        context={
            "application": application,
            "intake": application.intake,
            "deadline": deadline,
            "confirm_url": settings.PORTAL_BASE_URL + reverse("selection:confirm", args=[confirmation.token]),
        },
        user=application.contact_person,
    )


def conflict_declared_email_send(*, declaration_id: int) -> int:
    """Tell programme staff that a reviewer declared a conflict; returns how many were e-mailed (once each)."""
    from accounts.models import PROGRAMME_STAFF_GROUP, User

    from .models import ConflictDeclaration
    from .selectors import selection_settings_for, valid_review_count

    declaration = ConflictDeclaration.objects.select_related("application__intake__programme", "reviewer").get(
        pk=declaration_id
    )
    intake = declaration.application.intake
    context = {
        "declaration": declaration,
        "intake": intake,
        "valid_reviews": valid_review_count(application=declaration.application),
        "required": selection_settings_for(intake=intake).reviews_required,
        "base_url": settings.PORTAL_BASE_URL,
    }
    staff = User.objects.filter(groups__name=PROGRAMME_STAFF_GROUP, is_active=True).order_by("pk")
    sent = 0
    for user in staff:
        with for_recipient(user):
            declared_at = local_datetime_text(intake, declaration.updated_at)
            values = {**context, "recipient": user, "declared_at": declared_at}
            subject = render_to_string("selection/email/conflict_declared_subject.txt", values).strip()
            body = render_to_string("selection/email/conflict_declared.txt", values)
        # Keyed by the declaration's moment and the recipient: a retried task does not send it twice.
        key = f"conflict:{declaration.pk}:{declaration.updated_at.timestamp()}:{user.pk}"
        sent += send_once(key=key, subject=subject, body=body, to=[user.email])
    return sent
