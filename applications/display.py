"""How application events and deadlines read to people, in plain words."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from programmes.display import local_datetime_text
from programmes.enums import CoreArea

from .enums import SDG_CHOICES, STAGED_STATES
from .enums import ApplicationStatus as S
from .models import Application


def status_event_text(activity) -> str:
    """One line of an application's activity feed for an `portal.Activity` entry.

    The application's own state changes read in plain words; an entry of a child object (a
    confirmation, say) reads as its actor and verb.
    """
    who = str(activity.actor) if activity.actor else _("The programme team")
    own = ContentType.objects.get_for_id(activity.content_type_id).model_class() is Application  # cached
    if not own or activity.to_state not in S.values:
        return f"{who} {activity.verb}."
    if activity.to_state == S.DRAFT and not activity.from_state:
        return _("%(who)s started the application.") % {"who": who}
    if activity.to_state == S.DRAFT:
        return _("%(who)s reopened the application so the team can correct it.") % {"who": who}
    if activity.to_state == S.SUBMITTED and activity.from_state in (S.ELIGIBLE, S.INELIGIBLE):
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
    return texts[activity.to_state] % {"who": who}


def status_event_reason_label(activity) -> str:
    """What the text kept with a feed entry is: a released decision carries the message to the team,
    a staged one (staff only) the internal reason; anything else is the reason given."""
    if activity.from_state in STAGED_STATES:
        return _("Message from the programme:")
    if activity.to_state in STAGED_STATES:
        return _("Internal reason (staff only):")
    return _("Reason:")


def deadline_text(application) -> str:
    """The team's deadline like every intake time: “15 March 2027, 23:59 CET”."""
    return local_datetime_text(application.intake, application.deadline)


def section_answers(application) -> list:
    """The outline by section, each answer with its field (for its label) as people read it."""
    from .outline import SECTIONS

    return [
        (section, [(application._meta.get_field(n), answer_value(application, n)) for n in section.fields])
        for section in SECTIONS
    ]


def answer_value(application, field_name: str):
    """An outline answer as people read it: core areas and SDGs by their names, not their codes."""
    value = getattr(application, field_name)
    if field_name == "core_areas":
        return [CoreArea(code).label for code in value if code in CoreArea.values]
    if field_name == "sdgs":
        names = dict(SDG_CHOICES)
        return [names[number] for number in value if number in names]
    return value


def _lower_first(label: str) -> str:
    """“Mandate letter” → “mandate letter”, but “CVs” stays “CVs”."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def progress_text(application) -> str:
    """A draft's progress in one line: “4 of 5 sections done, mandate letter missing”."""
    from .checks import checklist
    from .outline import SECTIONS

    items = checklist(application)
    sections, others = items[: len(SECTIONS)], items[len(SECTIONS) :]
    done = sum(item.ok for item in sections)
    text = ngettext("%(done)s of %(total)s section done", "%(done)s of %(total)s sections done", len(SECTIONS)) % {
        "done": done,
        "total": len(SECTIONS),
    }
    missing = [_lower_first(str(item.label)) for item in others if not item.ok]
    if missing:
        text = _("%(progress)s; still missing: %(missing)s") % {"progress": text, "missing": ", ".join(missing)}
    return text
