"""Progress reports: states and who moves them, versions, locked periods, percentages, reminders, overdue."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError

from change_projects.enums import ReportStatus
from change_projects.models import ReportReminder
from change_projects.services import (
    ReportLocked,
    indicator_save,
    percentage,
    report_approve,
    report_comment,
    report_return,
    report_save,
    report_start,
    report_submit,
    reports_remind,
)
from portal.workflow import ReasonRequired, TransitionForbidden, TransitionNotAllowed
from tests.factories import (
    ChangeProjectFactory,
    IndicatorFactory,
    MilestoneFactory,
    ParticipantFactory,
    PhaseFactory,
    ReportingPeriodFactory,
    StaffFactory,
    TeamMentorFactory,
    UserFactory,
)

UTC = ZoneInfo("UTC")


@pytest.fixture
def project(db):
    return ChangeProjectFactory()


@pytest.fixture
def period(project):
    return ReportingPeriodFactory(phase=PhaseFactory(intake=project.intake, name="Phase 1"))


def _participant(project):
    return project.participants.get().user


def test_report_is_prefilled_from_the_plan(project, period):
    MilestoneFactory(project=project, title="Hearing calendar adopted", delayed=True)
    IndicatorFactory(project=project, name="Hearings held")

    report = report_start(project=project, period=period, by=_participant(project))

    assert [(u.milestone.title, u.status, u.note) for u in report.milestone_updates.all()] == [
        ("Hearing calendar adopted", "delayed", "The council postponed its vote.")
    ]
    assert [(a.indicator.name, a.value) for a in report.actuals.all()] == [("Hearings held", None)]


def test_report_states_and_who_may_move_them(project, period, django_capture_on_commit_callbacks):
    member, staff, mentor = _participant(project), StaffFactory(), TeamMentorFactory(project)
    report = report_start(project=project, period=period, by=member)

    with pytest.raises(TransitionForbidden):
        report_submit(report=report, by=staff)
    with pytest.raises(TransitionForbidden):
        report_submit(report=report, by=mentor)
    report_submit(report=report, by=member)
    with pytest.raises(TransitionForbidden):
        report_approve(report=report, by=member)
    with pytest.raises(TransitionForbidden):
        report_return(report=report, by=mentor, comment="Add the minutes.")
    with pytest.raises(ReasonRequired):
        report_return(report=report, by=staff, comment=" ")
    with django_capture_on_commit_callbacks(execute=True):
        report_return(report=report, by=staff, comment="Please add the minutes of the hearings.")
    report_submit(report=report, by=member)
    report_approve(report=report, by=staff)

    report.refresh_from_db()
    assert (report.status, report.return_comment) == (ReportStatus.APPROVED, "Please add the minutes of the hearings.")
    assert [v.number for v in report.versions.all()] == [1, 2]
    assert [m.subject for m in mail.outbox] == ["Your progress report for Phase 1 was returned for revision"]
    assert "Please add the minutes of the hearings." in mail.outbox[0].body
    assert mail.outbox[0].to == [member.email]


def test_submission_e_mails_staff_in_their_language(project, period, django_capture_on_commit_callbacks):
    staff = StaffFactory(preferred_language="fr")
    report = report_start(project=project, period=period, by=_participant(project))

    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=report, by=_participant(project))

    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert project.title in mail.outbox[0].subject


def test_approved_period_is_locked(project, period):
    member, staff = _participant(project), StaffFactory()
    IndicatorFactory(project=project)
    report = report_start(project=project, period=period, by=member)
    report_submit(report=report, by=member)
    report_approve(report=report, by=staff)

    with pytest.raises(ReportLocked):
        report_save(report=report, by=member, data={"lessons": "Changed later"}, milestones={}, actuals={})
    with pytest.raises(TransitionNotAllowed):
        report_return(report=report, by=staff, comment="Reopen")
    with pytest.raises(TransitionNotAllowed):
        report_submit(report=report, by=member)

    report.refresh_from_db()
    assert report.lessons == ""


def test_submitted_report_is_locked_for_the_team_until_returned(project, period):
    member = _participant(project)
    report = report_start(project=project, period=period, by=member)
    report_submit(report=report, by=member)

    with pytest.raises(ReportLocked):
        report_save(report=report, by=member, data={"lessons": "x"}, milestones={}, actuals={})


def test_percentage_is_computed_from_numerator_and_denominator(project, period):
    member = _participant(project)
    indicator = IndicatorFactory(project=project, percentage=True)
    report = report_start(project=project, period=period, by=member)

    report_save(
        report=report,
        by=member,
        data={},
        milestones={},
        actuals={indicator.pk: {"numerator": Decimal("7"), "denominator": Decimal("12"), "note": ""}},
    )

    actual = report.actuals.get()
    assert (actual.numerator, actual.denominator, actual.value) == (Decimal("7"), Decimal("12"), Decimal("58.33"))
    assert percentage(Decimal("1"), Decimal("8")) == Decimal("12.50")


def test_mentor_comment_is_kept_with_the_version_staff_read(project, period):
    member, mentor = _participant(project), TeamMentorFactory(project)
    other_mentor = TeamMentorFactory(ChangeProjectFactory())
    report = report_start(project=project, period=period, by=member)
    report_submit(report=report, by=member)

    with pytest.raises(TransitionForbidden):
        report_comment(report=report, by=other_mentor, body="Looks fine")
    comment = report_comment(report=report, by=mentor, body="Good progress; the minutes are missing.")

    assert (comment.version.number, comment.body) == (1, "Good progress; the minutes are missing.")


def test_target_change_after_plan_approval_needs_a_reason_kept_in_the_feed(db):
    from portal.models import Activity

    project = ChangeProjectFactory(plan_approved=True)
    indicator = IndicatorFactory(project=project, target=Decimal("12"))
    member = _participant(project)

    with pytest.raises(ValidationError) as refused:
        indicator_save(project=project, by=member, indicator=indicator, data={"target": Decimal("20")})
    indicator_save(
        project=project, by=member, indicator=indicator, data={"target": Decimal("20")}, reason="Two more wards joined."
    )

    assert refused.value.message_dict == {
        "reason": ["The plan is approved: please say why the baseline or target changes."]
    }
    indicator.refresh_from_db()
    entry = Activity.objects.filter(
        content_type=ContentType.objects.get_for_model(indicator), object_id=indicator.pk, reason__gt=""
    ).get()
    assert (indicator.target, entry.reason, entry.data) == (
        Decimal("20.00"),
        "Two more wards joined.",
        {"target": ["12", "20"]},
    )


def test_target_change_before_plan_approval_needs_no_reason(db):
    project = ChangeProjectFactory()
    indicator = IndicatorFactory(project=project)

    indicator_save(project=project, by=_participant(project), indicator=indicator, data={"target": Decimal("20")})

    indicator.refresh_from_db()
    assert indicator.target == Decimal("20")


def test_outsiders_may_not_edit_or_start_reports(project, period):
    other = ParticipantFactory(ChangeProjectFactory())

    with pytest.raises(TransitionForbidden):
        report_start(project=project, period=period, by=other)
    with pytest.raises(TransitionForbidden):
        indicator_save(project=project, by=UserFactory(), data={"name": "x"})


@pytest.mark.parametrize(
    ("moment", "overdue"),
    [
        # 28 March 2027: clocks in Stockholm go from CET (UTC+1) to CEST (UTC+2) at 02:00.
        (datetime(2027, 3, 28, 21, 59, 59, tzinfo=UTC), False),  # 23:59:59 CEST on the due date
        (datetime(2027, 3, 28, 22, 0, 0, tzinfo=UTC), True),  # 00:00 CEST the next day
        (datetime(2027, 3, 28, 22, 30, 0, tzinfo=UTC), True),  # still the 28th in UTC+1 (CET) — CEST counts
    ],
)
def test_overdue_at_the_boundary_in_the_intakes_zone_across_dst(db, moment, overdue):
    project = ChangeProjectFactory(application__intake__time_zone="Europe/Stockholm")
    period = ReportingPeriodFactory(phase=PhaseFactory(intake=project.intake), due_on=date(2027, 3, 28))

    assert period.is_overdue(moment) is overdue


def test_reminders_once_before_and_once_after_the_due_date(db, django_capture_on_commit_callbacks):
    project = ChangeProjectFactory(application__intake__time_zone="America/Santiago")
    member = _participant(project)
    period = ReportingPeriodFactory(
        phase=PhaseFactory(intake=project.intake, name="Home phase"), due_on=date(2027, 4, 10)
    )
    before = datetime(2027, 4, 5, 12, 0, tzinfo=UTC)
    after = datetime(2027, 4, 11, 4, 0, tzinfo=UTC)  # 00:00 on 11 April in Santiago (UTC-4)

    with django_capture_on_commit_callbacks(execute=True):
        counts = [reports_remind(now=m) for m in (before, before, after, after)]

    assert counts == [1, 0, 1, 0]
    assert sorted(ReportReminder.objects.values_list("kind", flat=True)) == ["after", "before"]
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([member.email], "Progress report for Home phase due soon"),
        ([member.email], "Progress report for Home phase is overdue"),
    ]
    assert "10 April 2027, 23:59" in mail.outbox[0].body
    assert period.reminders.count() == 2


def test_no_reminder_once_the_report_is_submitted(db):
    project = ChangeProjectFactory()
    member = _participant(project)
    period = ReportingPeriodFactory(phase=PhaseFactory(intake=project.intake), due_on=date(2027, 4, 10))
    report_submit(report=report_start(project=project, period=period, by=member), by=member)

    assert reports_remind(now=datetime(2027, 4, 12, tzinfo=UTC)) == 0


def test_a_draft_gains_milestones_and_indicators_added_to_the_plan_later(project, period):
    member = _participant(project)
    report_start(project=project, period=period, by=member)
    MilestoneFactory(project=project, title="Added later")
    IndicatorFactory(project=project, name="Measured later")

    report = report_start(project=project, period=period, by=member)

    assert [u.milestone.title for u in report.milestone_updates.all()] == ["Added later"]
    assert [a.indicator.name for a in report.actuals.all()] == ["Measured later"]


def test_reminder_reads_the_due_time_in_the_intakes_zone_and_the_members_own(db, django_capture_on_commit_callbacks):
    project = ChangeProjectFactory(
        application__intake__time_zone="America/Santiago", application__contact_person__time_zone="Africa/Nairobi"
    )
    ReportingPeriodFactory(phase=PhaseFactory(intake=project.intake, name="Home phase"), due_on=date(2027, 4, 10))

    with django_capture_on_commit_callbacks(execute=True):
        reports_remind(now=datetime(2027, 4, 5, 12, 0, tzinfo=UTC))

    [message] = mail.outbox
    assert "is due by 10 April 2027, 23:59 UTC-4 — 06:59 on 11 April in Nairobi." in message.body
