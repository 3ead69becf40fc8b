"""How coaching reads: times in the team's (the intake's) zone with the mentor's zone next to it, and the
agreed actions' rows, written in Python because a busy team's page lists dozens of them."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.templatetags.fields import form_field
from portal.widgets import escape
from programmes.display import local_datetime_text, zone_abbreviation

from .enums import ActionStatus


def mentor_time_text(assignment, moment) -> str:
    local = timezone.localtime(moment, assignment.mentor_tzinfo)
    return f"{date_format(local, 'j F Y, H:i')} {zone_abbreviation(local)}"


def session_times(session) -> dict:
    """{"team": "14 March 2027, 09:00 CET", "mentor": "14 March 2027, 11:00 EAT"} for one session."""
    return {
        "team": local_datetime_text(session.application.intake, session.starts_at),
        "mentor": mentor_time_text(session.assignment, session.starts_at),
    }


_STATUS_BADGE = {
    ActionStatus.DONE: "text-bg-success",
    ActionStatus.DROPPED: "text-bg-secondary",
    ActionStatus.CARRIED_OVER: "text-bg-info",
}
# The buttons of an action's row, in this order: (target, classes, label, confirmation or None).
_BUTTONS = (
    (ActionStatus.DONE, "btn btn-sm btn-success", gettext_lazy("Mark done"), None),
    (ActionStatus.OPEN, "btn btn-sm btn-outline-secondary", gettext_lazy("Reopen"), None),
    (
        ActionStatus.DROPPED,
        "btn btn-sm btn-outline-danger",
        gettext_lazy("Drop"),
        gettext_lazy("Drop this action? It will no longer be followed up."),
    ),
)


class ActionRows:
    """Draws agreed actions as list items for one page: what, who, when, status; overdue highlighted; a button
    for each move the viewer may make, posted to `move_url(action)` with the page's `csrf_input`.

    The markup the team page and a session's page share (the `action_item` tag), as the template it replaces
    drew it. A busy team lists dozens of actions: a per-row `{% include %}` cost more than the rest of the
    page, so the rows are written here and the labels translated once a page, not once a row.
    """

    def __init__(self, *, move_url=None, csrf_input: str = ""):
        self.move_url = move_url
        self.csrf_input = conditional_escape(csrf_input)
        self.buttons = [
            (
                target,
                f'<button class="{classes}" name="to" value="{target}" type="submit"'
                + (f' data-confirm="{escape(confirm)}"' if confirm else "")
                + f">{escape(label)}",
            )
            for target, classes, label, confirm in _BUTTONS
        ]
        self.overdue = f'<span class="badge text-bg-danger ms-1">{escape(_("Overdue"))}</span>'
        self.due = _("due %(due)s")
        self._due_texts = {}
        self.status = {value: escape(label) for value, label in ActionStatus.choices}

    def __call__(self, action, *, targets, today) -> str:
        late = action.is_overdue(today)
        owner = action.owner
        description = escape(action.description)
        form = ""
        if targets:
            buttons = "".join(
                f'{start}<span class="visually-hidden">: {description}</span></button>'
                for target, start in self.buttons
                if target in targets
            )
            form = (
                f'<form method="post" action="{escape(self.move_url(action))}" class="d-flex flex-wrap gap-2 mt-2">'
                f"{self.csrf_input}{buttons}</form>"
            )
        due = self._due_texts.get(action.due_on)
        if due is None:
            due = self._due_texts[action.due_on] = escape(self.due % {"due": date_format(action.due_on, "j F Y")})
        return mark_safe(  # noqa: S308 - every value is escaped above
            f'<li class="list-group-item{" list-group-item-warning" if late else ""}" data-testid="action">'
            '<div class="d-flex flex-wrap justify-content-between gap-2"><span>'
            f'<span class="d-block fw-semibold">{description}</span>'
            f'<span class="small">{escape(owner.get_full_name() or owner.email)} · {due}</span>'
            f"{' ' + self.overdue if late else ''}</span>"
            f'<span class="badge align-self-start {_STATUS_BADGE.get(action.status, "text-bg-primary")}" '
            f'data-testid="action-status">{self.status[action.status]}</span></div>{form}</li>'
        )


def follow_up_row(action, choice, due) -> str:
    """One outstanding action on the session form: what, who, when, where it stands; what became of it and,
    when carried over, its new due date (`choice` and `due`, its two bound fields)."""
    due_text = _("due %(due)s") % {"due": date_format(action.due_on, "j F Y")}
    return mark_safe(  # noqa: S308 - every value is escaped here or by its widget
        '<div class="row g-2 border-top pt-2 mt-1" data-testid="follow-up"><div class="col-12 col-md-6">'
        f'<p class="mb-1 fw-semibold">{escape(action.description)}</p>'
        f'<p class="small mb-1">{escape(action.owner.get_full_name())} · {escape(due_text)} · '
        f"{escape(ActionStatus(action.status).label)}</p></div>"
        f'<div class="col-6 col-md-3">{form_field(choice)}</div>'
        f'<div class="col-6 col-md-3">{form_field(due)}</div></div>'
    )


def left_alone_item(item, *, team_url, assignments_url) -> str:
    """A team left alone, for the staff overview: the team, its intake, and since when (or that it has no
    mentor, with the way to give it one). `team_url(pk)` and `assignments_url(intake_pk)` make the links."""
    team = item.team
    if item.days is None:
        since = (
            f'{escape(_("no mentor yet"))} · <a href="{escape(assignments_url(team.intake_id))}">'
            f"{escape(_('assign one'))}</a>"
        )
    else:
        days = ngettext("no coaching for %(days)s day", "no coaching for %(days)s days", item.days) % {
            "days": item.days
        }
        since = f"{escape(days)} ({escape(_('limit %(n)s') % {'n': team.no_coaching_days})})"
    return mark_safe(  # noqa: S308 - every value is escaped here
        f'<li class="list-group-item list-group-item-warning"><a href="{escape(team_url(team.pk))}">'
        f"{escape(team.title or _('Untitled change project'))}</a> "
        f'<span class="small">· {escape(team.intake.name)} · {since}</span></li>'
    )
