"""Thin views: find what the user may see (404 otherwise), check the rule, call a service, message, redirect.

A mentor sees only their own teams; a team sees its own coaching without the private notes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications.display import section_answers
from applications.models import Application
from portal.exports import export_response
from portal.permissions import keep_rule_answers, permission_required_404
from portal.views_utils import paginated
from portal.workflow import TransitionForbidden, TransitionNotAllowed
from programmes.models import Intake
from programmes.rules import is_mentor

from . import selectors, services
from .forms import (
    AssignmentForm,
    MentoringSettingsForm,
    MentorWorkForm,
    OverviewFilterForm,
    SessionForm,
    TopicTagForm,
)
from .models import CoachingAction, MentorAssignment, MentoringSettings, MentorWork, TopicTag
from .workflows import ACTION_WORKFLOW

PAGE_SIZE = 25
EXPORT_FORMATS = ("csv", "xlsx")


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _team(request, pk, perm="mentoring.view_team_coaching") -> Application:
    # The page's later questions (each action's buttons, "may log a session") reuse this answer: one request.
    application = keep_rule_answers(get_object_or_404(Application.objects.select_related("intake__programme"), pk=pk))
    if not request.user.has_perm(perm, application):
        raise Http404
    return application


def _own_assignment(request, pk) -> MentorAssignment:
    assignment = get_object_or_404(MentorAssignment.objects.select_related("mentor", "intake__programme"), pk=pk)
    if not request.user.has_perm("mentoring.view_assignment", assignment):
        raise Http404
    return assignment


# --- The mentor ---------------------------------------------------------------------------------


@login_required
def my_teams(request):
    """The mentor's teams under each agreement, with members' contact details and the coaching figures."""
    if not is_mentor(request.user):
        raise Http404
    assignments = selectors.mentor_assignments(mentor=request.user)
    rows = [(a, selectors.budget_use(a)) for a in assignments]
    return render(request, "mentoring/my_teams.html", {"rows": rows, "today": timezone.localdate()})


@login_required
def team(request, pk):
    """A team's coaching: its mentor, the actions to follow up, the session log. Private notes are not here."""
    application = _team(request, pk)
    user = request.user
    actions = list(selectors.team_actions(application=application))
    context = {
        "application": application,
        "assignment": selectors.team_assignment(application=application),
        "members": application.members.select_related("user"),
        "outstanding": [(a, ACTION_WORKFLOW.allowed_targets(user, a)) for a in actions if a.is_outstanding],
        "closed": [(a, ACTION_WORKFLOW.allowed_targets(user, a)) for a in actions if not a.is_outstanding],
        "can_log": user.has_perm("mentoring.log_session", application),
        "is_coach": user.has_perm("mentoring.view_private_notes", application),
        "today": timezone.localdate(),
        **paginated(request, selectors.team_session_list(application=application), per_page=10),
    }
    return render(request, "mentoring/team.html", context)


@login_required
def team_history_export(request, pk, fmt):
    """The team's coaching history as CSV or XLSX; private notes only for its mentor and staff."""
    application = _team(request, pk)
    if fmt not in EXPORT_FORMATS:
        raise Http404
    include_private = request.user.has_perm("mentoring.view_private_notes", application)
    header, rows = selectors.team_history_table(application=application, include_private=include_private)
    filename = f"coaching-{slugify(application.reference or application.title or application.pk)}"
    return export_response(filename=filename, header=header, rows=rows, fmt=fmt)


@login_required
def team_application(request, pk):
    """The team's application, read only, for its mentor (and staff)."""
    application = _team(request, pk, perm="mentoring.view_private_notes")
    context = {"application": application, "section_answers": section_answers(application)}
    return render(request, "mentoring/team_application.html", context)


@login_required
def session_log(request, pk):
    """Log a session: its details, new actions, and the follow-up of the team's outstanding actions."""
    application = _team(request, pk, perm="mentoring.log_session")
    assignment = selectors.team_assignment(application=application)
    if assignment is None:
        raise Http404
    form = SessionForm(
        request.POST or None, **selectors.session_form_choices(application=application, assignment=assignment)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.session_log(
                application=application,
                by=request.user,
                **{k: data[k] for k in services.SESSION_FIELDS},
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The session is logged."))
            return redirect("mentoring:session_detail", pk=session.pk)
    return render(
        request, "mentoring/session_log.html", {"application": application, "assignment": assignment, "form": form}
    )


@login_required
def session_detail(request, pk):
    session = get_object_or_404(selectors.session_with_details(), pk=pk)
    if not request.user.has_perm("mentoring.view_team_coaching", session.application):
        raise Http404
    context = {
        "session": session,
        "application": session.application,
        "show_private": request.user.has_perm("mentoring.view_private_notes", session.application),
        "today": timezone.localdate(),
    }
    return render(request, "mentoring/session_detail.html", context)


@login_required
@require_POST
def action_move(request, pk):
    """Tick an action off, reopen it, or (the mentor) drop it — from the team's coaching page."""
    action = get_object_or_404(CoachingAction.objects.select_related("application"), pk=pk)
    if not request.user.has_perm("mentoring.view_team_coaching", action.application):
        raise Http404
    try:
        services.action_follow_up(action=action, to=request.POST.get("to", ""), by=request.user)
    except TransitionForbidden as exc:
        raise Http404 from exc
    except TransitionNotAllowed as exc:
        _errors(request, exc)
    else:
        messages.success(
            request,
            _("“%(action)s” is now %(status)s.") % {"action": action, "status": action.get_status_display().lower()},
        )
    return redirect("mentoring:team", pk=action.application_id)


@login_required
def work(request, pk):
    """Other work against the agreement's budget: the list and a form to log more."""
    assignment = _own_assignment(request, pk)
    form = MentorWorkForm(request.POST or None, assignment=assignment)
    if request.method == "POST" and form.is_valid():
        try:
            services.mentor_work_log(assignment=assignment, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The work is logged."))
            return redirect("mentoring:work", pk=assignment.pk)
    context = {"assignment": assignment, "form": form, "budget": selectors.budget_use(assignment)}
    context.update(paginated(request, selectors.assignment_work(assignment=assignment), per_page=PAGE_SIZE))
    return render(request, "mentoring/work.html", context)


@login_required
@require_POST
def work_delete(request, pk):
    entry = get_object_or_404(MentorWork.objects.select_related("assignment"), pk=pk)
    if not request.user.has_perm("mentoring.view_assignment", entry.assignment):
        raise Http404
    services.mentor_work_delete(work=entry, by=request.user)
    messages.success(request, _("The entry is deleted."))
    return redirect("mentoring:work", pk=entry.assignment_id)


# --- Staff --------------------------------------------------------------------------------------


@permission_required_404("mentoring.manage_mentoring")
def overview(request):
    """Every team's coaching; the teams left alone at the top; mentor workload. Filter by intake and mentor."""
    form = OverviewFilterForm(request.GET or None, **selectors.overview_filter_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.overview_rows(intake=filters.get("intake"), mentor=filters.get("mentor"), with_programme=False)
    context = {
        "filter": {"form": form},  # includes/_filter_form.html draws `filter.form`
        "left_alone": selectors.left_alone(rows),
        "workload": [(a, selectors.budget_use(a)) for a in selectors.mentor_workload(**filters)],
        "today": timezone.localdate(),
        **paginated(request, rows, per_page=PAGE_SIZE),
    }
    return render(request, "mentoring/overview.html", context)


@permission_required_404("mentoring.manage_mentoring")
def overview_export(request, fmt):
    """The staff overview as CSV or XLSX, with the page's filters (intake, mentor)."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    form = OverviewFilterForm(request.GET or None, **selectors.overview_filter_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    header, rows = selectors.overview_table(intake=filters.get("intake"), mentor=filters.get("mentor"))
    return export_response(filename="coaching-overview", header=header, rows=rows, fmt=fmt)


@permission_required_404("mentoring.manage_mentoring")
def assignments(request, intake_pk):
    """An intake's mentor agreements and its no-coaching threshold."""
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=intake_pk)
    settings = MentoringSettings.objects.filter(intake=intake).first() or MentoringSettings(intake=intake)
    form = MentoringSettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        services.mentoring_settings_update(intake=intake, by=request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("mentoring:assignments", intake_pk=intake.pk)
    context = {
        "intake": intake,
        "settings_form": form,
        "rows": [(a, selectors.budget_use(a)) for a in selectors.mentor_workload(intake=intake)],
        "unassigned": selectors.unassigned_teams(intake=intake),
    }
    return render(request, "mentoring/assignments.html", context)


@permission_required_404("mentoring.manage_mentoring")
def assignment_edit(request, intake_pk, pk=None):
    """Create or change a mentor's agreement and teams."""
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=intake_pk)
    assignment = get_object_or_404(MentorAssignment, pk=pk, intake=intake) if pk else None
    form = AssignmentForm(
        request.POST or None, instance=assignment, intake=intake, teams=selectors.assignable_teams(intake=intake)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if assignment is None:
                services.mentor_assignment_create(intake=intake, by=request.user, **data)
            else:
                data.pop("mentor")
                services.mentor_assignment_update(assignment=assignment, by=request.user, **data)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The agreement is saved."))
            return redirect("mentoring:assignments", intake_pk=intake.pk)
    return render(request, "mentoring/assignment_edit.html", {"intake": intake, "assignment": assignment, "form": form})


@permission_required_404("mentoring.manage_mentoring")
def tags(request, pk=None):
    """The topic tags mentors choose from: add, rename, retire."""
    tag = get_object_or_404(TopicTag, pk=pk) if pk else None
    form = TopicTagForm(request.POST or None, instance=tag)
    if request.method == "POST" and form.is_valid():
        services.topic_tag_save(by=request.user, tag=tag, **form.cleaned_data)
        messages.success(request, _("The tag is saved."))
        return redirect("mentoring:tags")
    return render(request, "mentoring/tags.html", {"form": form, "tag": tag, "tags": TopicTag.objects.all()})
