"""How application events and deadlines read to people, in plain words."""

from django.utils.translation import gettext as _

from programmes.display import local_datetime_text
from programmes.enums import CoreArea

from .enums import SDG_CHOICES
from .enums import ApplicationStatus as S


def status_event_text(change) -> str:
    """One line of the team's activity feed for a StatusChange."""
    who = str(change.by) if change.by else _("The programme team")
    if change.to_status == S.DRAFT and not change.from_status:
        return _("%(who)s started the application.") % {"who": who}
    if change.to_status == S.DRAFT:
        return _("%(who)s reopened the application so the team can correct it.") % {"who": who}
    if change.to_status == S.SUBMITTED and change.from_status in (S.ELIGIBLE, S.INELIGIBLE):
        return _("The eligibility check was reopened.")
    texts = {
        S.SUBMITTED: _("%(who)s submitted the application."),
        S.ELIGIBLE: _("The application passed the eligibility check."),
        S.INELIGIBLE: _("The application did not pass the eligibility check."),
        S.UNDER_REVIEW: _("Reviewers are now scoring the application."),
        S.ACCEPTED: _("The team was selected for the programme."),
        S.WAITLISTED: _("The team is on the waiting list."),
        S.REJECTED: _("The team was not selected this time."),
        S.WITHDRAWN: _("%(who)s withdrew the application."),
        # Staged decisions: only staff read these until the release.
        S.ACCEPTED_PENDING: _("%(who)s decided to accept the team (not released yet)."),
        S.WAITLISTED_PENDING: _("%(who)s decided to put the team on the waiting list (not released yet)."),
        S.REJECTED_PENDING: _("%(who)s decided not to select the team (not released yet)."),
    }
    return texts[change.to_status] % {"who": who}


def deadline_text(application) -> str:
    """The team's deadline like every intake time: “15 March 2027, 23:59 CET”."""
    return local_datetime_text(application.intake, application.deadline)


def answer_value(application, field_name: str):
    """An outline answer as people read it: core areas and SDGs by their names, not their codes."""
    value = getattr(application, field_name)
    if field_name == "core_areas":
        return [CoreArea(code).label for code in value if code in CoreArea.values]
    if field_name == "sdgs":
        names = dict(SDG_CHOICES)
        return [names[number] for number in value if number in names]
    return value
