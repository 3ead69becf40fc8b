"""The transition tables of the change-project models (plan, milestone, risk, progress report).

Every status in this app moves through `portal.workflow.transition` with one of these tables.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.workflow import Transition, Workflow

from .enums import MilestoneStatus as M
from .enums import PlanStatus as P
from .enums import ReportStatus as R
from .enums import RiskStatus as K
from .rules import is_participant

# --- The plan: staff approve it; after that, a baseline or target change needs a reason.


def _stamp_plan_approved(project, **kwargs):
    project.plan_approved_at = timezone.now()
    return ["plan_approved_at"]


PLAN_WORKFLOW = Workflow(
    name="change_project_plan",
    state_field="plan_status",
    always_save=("updated_at",),
    transitions=[
        Transition(
            P.DRAFT,
            P.APPROVED,
            allowed=is_programme_staff,
            verb=_("approved the plan"),
            effects=(_stamp_plan_approved,),
        ),
        Transition(P.APPROVED, P.DRAFT, allowed=is_programme_staff, verb=_("reopened the plan"), reason_required=True),
    ],
)

# --- Milestones: the team moves them; "delayed" needs a note, kept on the milestone and in the feed.


def _keep_note(milestone, *, reason, **kwargs):
    if reason:
        milestone.note = reason
        return ["note"]
    return []


_MILESTONE_VERBS = {
    M.PLANNED: _("marked the milestone planned"),
    M.IN_PROGRESS: _("started the milestone"),
    M.DONE: _("completed the milestone"),
    M.DELAYED: _("marked the milestone delayed"),
}

MILESTONE_WORKFLOW = Workflow(
    name="milestone",
    transitions=[
        Transition(
            tuple(s for s in M if s != target),
            target,
            allowed=is_participant,
            verb=_MILESTONE_VERBS[target],
            reason_required=target == M.DELAYED,
            effects=(_keep_note,),
        )
        for target in M
    ],
)

# --- Risks: the team follows them.

RISK_WORKFLOW = Workflow(
    name="risk",
    transitions=[
        Transition(K.OPEN, K.OCCURRED, allowed=is_participant, verb=_("marked the risk as occurred")),
        Transition((K.OPEN, K.OCCURRED), K.CLOSED, allowed=is_participant, verb=_("closed the risk")),
        Transition((K.OCCURRED, K.CLOSED), K.OPEN, allowed=is_participant, verb=_("reopened the risk")),
    ],
)

# --- Progress reports: draft → submitted → returned (with the reviewer's comment) → approved.


def _snapshot(report, *, by, **kwargs):
    """Keep the submitted version as it was sent."""
    from .models import ReportVersion
    from .selectors import report_snapshot

    now = timezone.now()
    number = report.versions.count() + 1
    ReportVersion.objects.create(
        report=report, number=number, content=report_snapshot(report=report), submitted_by=by, submitted_at=now
    )
    report.submitted_at = now
    return ["submitted_at"]


def _keep_return_comment(report, *, reason, **kwargs):
    report.return_comment = reason
    return ["return_comment"]


def _stamp_approved(report, **kwargs):
    report.approved_at = timezone.now()
    return ["approved_at"]


def _notify_staff(activity):
    from .tasks import send_report_submitted_email

    send_report_submitted_email.delay(activity.pk)


def _notify_team(activity):
    from .tasks import send_report_decided_email

    send_report_decided_email.delay(activity.pk)


REPORT_WORKFLOW = Workflow(
    name="progress_report",
    always_save=("updated_at",),
    transitions=[
        Transition(
            (R.DRAFT, R.RETURNED),
            R.SUBMITTED,
            allowed=is_participant,
            verb=_("submitted the progress report"),
            effects=(_snapshot,),
            notify=(_notify_staff,),
        ),
        Transition(
            R.SUBMITTED,
            R.RETURNED,
            allowed=is_programme_staff,
            verb=_("returned the progress report for revision"),
            reason_required=True,
            effects=(_keep_return_comment,),
            notify=(_notify_team,),
        ),
        Transition(
            R.SUBMITTED,
            R.APPROVED,
            allowed=is_programme_staff,
            verb=_("approved the progress report"),
            effects=(_stamp_approved,),
            notify=(_notify_team,),
        ),
    ],
)
