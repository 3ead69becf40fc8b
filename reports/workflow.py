"""The report job's states: queued → running → done | failed; failed → queued (retry); done → expired."""

from django.utils.translation import gettext_lazy as _

from portal.models import Audience
from portal.workflow import Transition, Workflow

from .enums import JobStatus as J
from .rules import may_have_report


def _stamp_started(job, **_kwargs):
    from django.utils import timezone

    job.started_at = timezone.now()
    job.attempts += 1
    job.progress = 5
    job.error = ""
    return ["started_at", "attempts", "progress", "error"]


def _stamp_finished(job, **_kwargs):
    from django.utils import timezone

    job.finished_at = timezone.now()
    return ["finished_at"]


def _failed(job, *, error="", **_kwargs):
    job.error = error
    return ["error", *_stamp_finished(job)]


def _drop_file(job, **_kwargs):
    if job.file:
        job.file.delete(save=False)
    return ["file"]


def _reset_for_retry(job, **_kwargs):
    job.progress = 0
    return ["progress"]


def _done(job, **_kwargs):
    job.progress = 100
    return ["progress", *_stamp_finished(job)]


def _queue(activity):
    from .tasks import make_report

    make_report.delay(activity.object_id)


REPORT_JOB_WORKFLOW = Workflow(
    name="report job",
    transitions=[
        Transition(
            J.QUEUED,
            J.RUNNING,
            system=True,
            verb=_("started making the report"),
            audience=Audience.STAFF,
            effects=(_stamp_started,),
        ),
        Transition(
            J.RUNNING, J.DONE, system=True, verb=_("finished the report"), audience=Audience.STAFF, effects=(_done,)
        ),
        Transition(
            (J.QUEUED, J.RUNNING),
            J.FAILED,
            system=True,
            verb=_("could not make the report"),
            audience=Audience.STAFF,
            effects=(_failed,),
        ),
        Transition(
            J.FAILED,
            J.QUEUED,
            allowed=may_have_report,
            verb=_("asked to try again"),
            audience=Audience.STAFF,
            effects=(_reset_for_retry,),
            notify=(_queue,),
        ),
        Transition(
            J.DONE,
            J.EXPIRED,
            system=True,
            verb=_("removed the expired file"),
            audience=Audience.STAFF,
            effects=(_drop_file,),
        ),
    ],
)
