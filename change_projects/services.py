"""Every write of a change project. Statuses move only through the tables in `workflows.py`."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.rules import is_programme_staff
from portal import uploads
from portal.models import Activity, Audience
from portal.workflow import TransitionForbidden, transition

from .enums import EDITABLE_REPORT_STATES, IndicatorKind, ReportStatus
from .models import (
    ChangeProject,
    Indicator,
    IndicatorActual,
    Milestone,
    MilestoneUpdate,
    Participant,
    ProgressReport,
    ProjectDocument,
    ReportComment,
    ReportingPeriod,
    ResultItem,
    Risk,
)
from .rules import is_participant, is_project_mentor
from .workflows import MILESTONE_WORKFLOW, PLAN_WORKFLOW, REPORT_WORKFLOW, RISK_WORKFLOW

# Copied from the application's outline when the project is created (a copy, never a link).
OUTLINE_FIELDS = ("title", "problem", "objectives", "target_group", "expected_results", "timeline")


class NotSelected(ValidationError):
    """Only teams whose acceptance was released and who confirmed their place get a change project."""


class ReportLocked(ValidationError):
    """The report is submitted or approved: the team may not change it now."""


def _ensure(predicate, user, obj):
    if user is None or not predicate(user, obj):
        raise TransitionForbidden(f"{predicate} refused")


# --- From outline to project ---------------------------------------------------------------


def _is_selected_and_confirmed(application) -> bool:
    from selection.selectors import is_application_selected

    return is_application_selected(application, confirmed=True)


def change_project_create_from_application(*, application, by=None) -> ChangeProject:
    """The confirmed team's change project, created once from a copy of its outline (idempotent).

    Team members become the intake's participants. Raises NotSelected for any other application.
    """
    from applications.models import Application

    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        existing = ChangeProject.objects.filter(application=application).first()
        if existing is not None:
            return existing
        if not _is_selected_and_confirmed(application):
            raise NotSelected(
                _("Only a selected team that has confirmed its place gets a change project."), code="not_selected"
            )
        values = {name: getattr(application, name) or "" for name in OUTLINE_FIELDS}
        values["title"] = values["title"] or str(application)
        project = ChangeProject.objects.create(application=application, intake_id=application.intake_id, **values)
        Participant.objects.bulk_create(
            [
                Participant(project=project, user_id=user_id)
                for user_id in application.members.values_list("user_id", flat=True)
            ]
        )
        Activity.record(obj=project, actor=by, verb=_("started the change project from the application"))
    return project


def change_projects_create_for_confirmed(*, intake=None, by=None) -> list[ChangeProject]:
    """Safety net: a change project for every confirmed team that has none yet."""
    from selection.selectors import applications_selected

    candidates = applications_selected(confirmed=True).filter(change_project__isnull=True)
    if intake is not None:
        candidates = candidates.filter(intake=intake)
    created = []
    for application in candidates:
        if _is_selected_and_confirmed(application):
            created.append(change_project_create_from_application(application=application, by=by))
    return created


# --- The plan ---------------------------------------------------------------------------------


def _record(obj, by, verb, *, reason="", data=None, audience=Audience.TEAM):
    return Activity.record(obj=obj, actor=by, verb=verb, reason=reason, data=data or {}, audience=audience)


def result_save(*, project, by, data: dict, result: ResultItem | None = None) -> ResultItem:
    _ensure(is_participant, by, project)
    result = result or ResultItem(project=project)
    for name, value in data.items():
        setattr(result, name, value)
    result.save()
    return result


def result_delete(*, result: ResultItem, by) -> None:
    _ensure(is_participant, by, result)
    result.delete()


def milestone_save(*, project, by, data: dict, milestone: Milestone | None = None) -> Milestone:
    """Create or edit a milestone's title, date, owner, link and note (its status moves by transition)."""
    _ensure(is_participant, by, project)
    creating = milestone is None
    milestone = milestone or Milestone(project=project)
    for name, value in data.items():
        setattr(milestone, name, value)
    milestone.save()
    _record(milestone, by, _("added the milestone") if creating else _("edited the milestone"))
    return milestone


def milestone_set_status(*, milestone: Milestone, to: str, by, note: str = "") -> Activity:
    return transition(workflow=MILESTONE_WORKFLOW, obj=milestone, to=to, by=by, reason=note)


def milestone_delete(*, milestone: Milestone, by) -> None:
    _ensure(is_participant, by, milestone)
    _record(milestone.project, by, _("removed the milestone “%(title)s”") % {"title": milestone.title})
    milestone.delete()


def indicator_save(*, project, by, data: dict, indicator: Indicator | None = None, reason: str = "") -> Indicator:
    """Create or edit an indicator. Once the plan is approved, a new baseline or target needs a reason,
    which the feed keeps with the figures before and after."""
    _ensure(is_participant, by, project)
    creating = indicator is None
    indicator = indicator or Indicator(project=project)
    changed = {}
    if not creating:
        for name in ("baseline", "baseline_text", "baseline_date", "target", "target_text"):
            if name in data and data[name] != getattr(indicator, name):
                changed[name] = [_jsonable(getattr(indicator, name)), _jsonable(data[name])]
    reason = (reason or "").strip()
    if changed and project.plan_approved and not reason:
        raise ValidationError(
            {"reason": _("The plan is approved: please say why the baseline or target changes.")},
            code="reason_required",
        )
    for name, value in data.items():
        setattr(indicator, name, value)
    if reason:
        indicator._change_reason = reason[:100]
    indicator.save()
    if creating:
        _record(indicator, by, _("added the indicator"))
    elif changed:
        _record(indicator, by, _("changed the indicator's baseline or target"), reason=reason, data=changed)
    else:
        _record(indicator, by, _("edited the indicator"))
    return indicator


def _jsonable(value):
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return None if value is None else str(value)


def risk_save(*, project, by, data: dict, risk: Risk | None = None) -> Risk:
    _ensure(is_participant, by, project)
    creating = risk is None
    risk = risk or Risk(project=project)
    for name, value in data.items():
        setattr(risk, name, value)
    risk.save()
    _record(risk, by, _("added the risk") if creating else _("edited the risk"))
    return risk


def risk_set_status(*, risk: Risk, to: str, by) -> Activity:
    return transition(workflow=RISK_WORKFLOW, obj=risk, to=to, by=by)


def plan_approve(*, project, by) -> Activity:
    return transition(workflow=PLAN_WORKFLOW, obj=project, to="approved", by=by)


def plan_reopen(*, project, by, reason: str) -> Activity:
    return transition(workflow=PLAN_WORKFLOW, obj=project, to="draft", by=by, reason=reason)


# --- Documents (private; the same upload checks as applications) -----------------------------


def document_add(*, project, uploaded, by, title: str = "", report: ProgressReport | None = None) -> ProjectDocument:
    _ensure(is_participant, by, project)
    if report is not None and report.status not in EDITABLE_REPORT_STATES:
        raise ReportLocked(_("This report can no longer be changed."), code="locked")
    # portal.uploads: the type from the content; the stored extension and name from that type.
    filetype = uploads.validate(uploaded, max_bytes=settings.PORTAL_MAX_UPLOAD_BYTES)
    document = ProjectDocument(
        project=project,
        report=report,
        title=title,
        original_name=uploads.safe_filename(uploaded.name, filetype)[:255],
        size=uploaded.size,
        content_type=filetype.content_type,
        uploaded_by=by,
    )
    document.file.save(f"upload.{filetype.extension}", uploaded, save=False)
    document.save()
    _record(document, by, _("uploaded the document “%(name)s”") % {"name": document.original_name})
    return document


def document_delete(*, document: ProjectDocument, by) -> None:
    _ensure(is_participant, by, document)
    if document.report is not None and document.report.status not in EDITABLE_REPORT_STATES:
        raise ReportLocked(_("This report can no longer be changed."), code="locked")
    _record(document.project, by, _("removed the document “%(name)s”") % {"name": document.original_name})
    document.file.delete(save=False)
    document.delete()


# --- Reporting periods and progress reports -------------------------------------------------


def reporting_period_set(*, phase, due_on, by) -> ReportingPeriod:
    """Staff: this phase needs a progress report from every team, due on `due_on` (intake's zone)."""
    _ensure(lambda user, obj: is_programme_staff(user), by, phase)
    period, _created = ReportingPeriod.objects.update_or_create(
        phase=phase, defaults={"intake_id": phase.intake_id, "due_on": due_on}
    )
    return period


def reporting_period_remove(*, period: ReportingPeriod, by) -> None:
    _ensure(lambda user, obj: is_programme_staff(user), by, period)
    if period.reports.exclude(status=ReportStatus.DRAFT).exists():
        raise ValidationError(_("Teams have already submitted reports for this phase."), code="in_use")
    period.reports.all().delete()
    period.delete()


def report_start(*, project, period: ReportingPeriod, by) -> ProgressReport:
    """The team's report for this period, created on first visit and pre-filled from the plan."""
    _ensure(is_participant, by, project)
    if period.intake_id != project.intake_id:
        raise ValidationError(_("This phase belongs to another intake."), code="other_intake")
    with transaction.atomic():
        report, created = ProgressReport.objects.get_or_create(project=project, period=period)
        if created or report.status in EDITABLE_REPORT_STATES:
            # Milestones and indicators added to the plan since the draft was started join it.
            MilestoneUpdate.objects.bulk_create(
                [
                    MilestoneUpdate(report=report, milestone=m, status=m.status, note=m.note)
                    for m in project.milestones.exclude(updates__report=report)
                ]
            )
            IndicatorActual.objects.bulk_create(
                [
                    IndicatorActual(report=report, indicator=i)
                    for i in project.indicators.exclude(actuals__report=report)
                ]
            )
        if created:
            _record(report, by, _("started the progress report"))
    return report


def percentage(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator / denominator as a percentage with two decimals (half up)."""
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def report_save(*, report: ProgressReport, by, data: dict, milestones: dict, actuals: dict) -> ProgressReport:
    """Save the team's draft. `milestones`: {milestone_id: {status, note}}; `actuals`: {indicator_id: {...}}.

    Percentages are computed here from numerator and denominator. A submitted or approved report is locked.
    """
    _ensure(is_participant, by, report)
    with transaction.atomic():
        report = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if report.status not in EDITABLE_REPORT_STATES:
            raise ReportLocked(_("This report can no longer be changed."), code="locked")
        for name, value in data.items():
            setattr(report, name, value)
        report.save()
        for update in report.milestone_updates.all():
            if update.milestone_id in milestones:
                update.status = milestones[update.milestone_id]["status"]
                update.note = milestones[update.milestone_id].get("note", "")
                update.save(update_fields=["status", "note"])
        for actual in report.actuals.select_related("indicator"):
            values = actuals.get(actual.indicator_id)
            if values is None:
                continue
            _apply_actual(actual, values)
            actual.save()
    return report


def _apply_actual(actual: IndicatorActual, values: dict) -> None:
    kind = actual.indicator.kind
    actual.note = values.get("note", "")
    if kind == IndicatorKind.QUALITATIVE:
        actual.value_text = values.get("value_text", "")
        return
    if kind == IndicatorKind.PERCENTAGE:
        actual.numerator, actual.denominator = values.get("numerator"), values.get("denominator")
        if actual.numerator is not None and actual.denominator:
            actual.value = percentage(actual.numerator, actual.denominator)
        else:
            actual.value = None
        return
    actual.value = values.get("value")


def report_submit(*, report: ProgressReport, by) -> Activity:
    return transition(workflow=REPORT_WORKFLOW, obj=report, to=ReportStatus.SUBMITTED, by=by)


def report_return(*, report: ProgressReport, by, comment: str) -> Activity:
    return transition(workflow=REPORT_WORKFLOW, obj=report, to=ReportStatus.RETURNED, by=by, reason=comment)


def report_approve(*, report: ProgressReport, by) -> Activity:
    return transition(workflow=REPORT_WORKFLOW, obj=report, to=ReportStatus.APPROVED, by=by)


def report_comment(*, report: ProgressReport, by, body: str) -> ReportComment:
    """The mentor's review of the submitted version, shown to staff before they approve."""
    _ensure(is_project_mentor, by, report)
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Please write a comment."), code="empty")
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Comments are for submitted reports."), code="not_submitted")
    version = report.versions.order_by("-number").first()
    comment = ReportComment.objects.create(report=report, version=version, author=by, body=body)
    _record(report, by, _("commented on the progress report"), reason=body, audience=Audience.MENTOR)
    return comment


def reports_remind(*, now=None, days_before: int = 7) -> int:
    """One reminder before the due date and one after it, to each team still owing the period's report.

    Dates are the intake's: "7 days before" and "overdue" are counted in its time zone.
    """
    from .emails import report_reminder_send
    from .models import ReportReminder
    from .selectors import reminders_due

    now = now or timezone.now()
    sent = 0
    for project, period, kind in reminders_due(now=now, days_before=days_before):
        with transaction.atomic():
            _reminder, created = ReportReminder.objects.get_or_create(project=project, period=period, kind=kind)
            if created:
                transaction.on_commit(
                    lambda p=project, r=period, k=kind: report_reminder_send(project=p, period=r, kind=k)
                )
                sent += 1
    return sent
