"""The people and objects the permission matrix (tests/test_permission_matrix.py) asks about.

One intake under review. Team A's application has an attachment and an assigned reviewer; a
second reviewer declared a conflict with it; team B applied to the same intake; a mentor works
in the intake; a participant belongs to a selected team of another intake, which the mentor coaches. Modules add the
objects their URLs need as attributes here (and a line in `world()`).
"""

from types import SimpleNamespace

from django.core.files.base import ContentFile

from change_projects.models import ProjectDocument
from portal.models import CalendarFeed
from programmes.enums import IntakeRoleType
from reports.enums import JobStatus, ReportKind
from reports.models import ReportJob
from selection.models import ReviewerInvitation
from tests.factories import (
    AgendaItemFactory,
    ApplicationFactory,
    AttachmentFactory,
    ChangeProjectFactory,
    CoachingActionFactory,
    CoachingSessionFactory,
    ConfirmationFactory,
    ConflictDeclarationFactory,
    IntakeFactory,
    IntakeRoleFactory,
    InvitationFactory,
    MentorAssignmentFactory,
    MentorFactory,
    MentorWorkFactory,
    MilestoneFactory,
    PlaceFactory,
    ProgressReportFactory,
    ReportingPeriodFactory,
    ReviewAssignmentFactory,
    ReviewFactory,
    RiskFactory,
    RubricCriterionFactory,
    StaffFactory,
    StudyVisitFactory,
    TeamMemberFactory,
    TopicTagFactory,
)

ROLES = (
    "anonymous",
    "applicant_a",
    "member_b",
    "reviewer",
    "conflicted",
    "mentor",
    "participant",
    "staff",
)


def world() -> SimpleNamespace:
    w = SimpleNamespace()
    w.intake = IntakeFactory(closed=True, team_places=2)
    w.programme = w.intake.programme
    RubricCriterionFactory(intake=w.intake, name="Relevance", weight=60, max_score=3, order=0)
    RubricCriterionFactory(intake=w.intake, name="Commitment", weight=40, max_score=6, order=1)

    w.app_a = ApplicationFactory(intake=w.intake, under_review=True, complete=True)
    w.applicant_a = w.app_a.contact_person
    w.member_of_a = w.app_a.members.get(user=w.applicant_a)
    w.organisation_a = w.app_a.organisations.first()
    w.attachment_a = AttachmentFactory(application=w.app_a)
    w.invitation_a = InvitationFactory(application=w.app_a)

    w.app_b = ApplicationFactory(intake=w.intake, under_review=True, complete=True)
    w.member_b = TeamMemberFactory(application=w.app_b).user

    w.review = ReviewFactory(assignment__application=w.app_a)
    w.assignment = w.review.assignment
    w.reviewer = w.assignment.reviewer
    w.conflict_a = ConflictDeclarationFactory(application=w.app_a, conflict=True)
    w.conflicted = w.conflict_a.reviewer
    IntakeRoleFactory(intake=w.intake, user=w.conflicted, role=IntakeRoleType.REVIEWER)
    ReviewAssignmentFactory(application=w.app_b, reviewer=w.conflicted)
    w.reviewer_invitation = ReviewerInvitation.objects.create(intake=w.intake, email="new.reviewer@example.org")

    w.mentor = MentorFactory(intake=w.intake)

    w.confirmation = ConfirmationFactory()
    w.participant = w.confirmation.application.contact_person

    # Mentoring: the mentor coaches the participant's (selected) team in its intake.
    w.team_p = w.confirmation.application
    IntakeRoleFactory(intake=w.team_p.intake, user=w.mentor, role=IntakeRoleType.MENTOR)
    w.agreement = MentorAssignmentFactory(intake=w.team_p.intake, mentor=w.mentor, teams=[w.team_p])
    w.coaching_session = CoachingSessionFactory(application=w.team_p, assignment=w.agreement, logged_by=w.mentor)
    w.coaching_action = CoachingActionFactory(session=w.coaching_session)
    w.mentor_work = MentorWorkFactory(assignment=w.agreement)
    w.topic_tag = TopicTagFactory()

    # Change project of the participant's team (the mentor's team), with a plan and a report.
    w.project = ChangeProjectFactory(application=w.team_p)
    w.milestone = MilestoneFactory(project=w.project)
    w.risk = RiskFactory(project=w.project)
    w.period = ReportingPeriodFactory(phase__intake=w.project.intake)
    w.progress_report = ProgressReportFactory(project=w.project, period=w.period, submitted=True)
    # Two documents: deleting removes the file from disk, which no rollback restores.
    w.document, w.document_to_delete = (
        ProjectDocument.objects.create(
            project=w.project,
            original_name="minutes.pdf",
            size=9,
            content_type="application/pdf",
            file=ContentFile(b"%PDF-1.4\n", name="minutes.pdf"),
        )
        for _ in range(2)
    )

    # Study visit of the participant's intake; the participant has a place, someone else an offer.
    w.visit = StudyVisitFactory(intake=w.team_p.intake)
    w.agenda_item = AgendaItemFactory(visit=w.visit)
    w.place = PlaceFactory(visit=w.visit, application=w.team_p, user=w.participant)
    w.offered_place = PlaceFactory(visit=w.visit, offered=True)

    w.calendar_feed = CalendarFeed.objects.create(user=w.participant)

    w.staff = StaffFactory()
    w.report_job = ReportJob.objects.create(
        kind=ReportKind.DOSSIER,
        intake=w.intake,
        requested_by=w.staff,
        status=JobStatus.DONE,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="dossier.pdf"),
        file_name="dossier.pdf",
    )
    w.anonymous = None
    return w
