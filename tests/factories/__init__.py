"""factory_boy factories, one module per app; import them from here (append, one line per module)."""

from .accounts import PASSWORD, ApplicantFactory, StaffFactory, UserFactory  # noqa: F401
from .applications import (  # noqa: F401
    ApplicationFactory,
    AttachmentFactory,
    InvitationFactory,
    OrganisationFactory,
    TeamMemberFactory,
)
from .change_projects import (  # noqa: F401
    ChangeProjectFactory,
    IndicatorFactory,
    MilestoneFactory,
    ParticipantFactory,
    ProgressReportFactory,
    ReportingPeriodFactory,
    ResultItemFactory,
    RiskFactory,
    TeamMentorFactory,
    confirmed_team,
)
from .mentoring import (  # noqa: F401
    CoachingActionFactory,
    CoachingSessionFactory,
    MentorAssignmentFactory,
    MentoredTeamFactory,
    MentoringSettingsFactory,
    MentorWorkFactory,
    TopicTagFactory,
)
from .mfa import totp_activate, totp_code  # noqa: F401
from .programmes import (  # noqa: F401
    IntakeFactory,
    IntakeRoleFactory,
    MentorFactory,
    PhaseFactory,
    ProgrammeFactory,
    ReviewerFactory,
    RubricCriterionFactory,
)
from .selection import (  # noqa: F401
    ConfirmationFactory,
    ConflictDeclarationFactory,
    CriterionScoreFactory,
    DecisionFactory,
    NotificationTemplateFactory,
    ReviewAssignmentFactory,
    ReviewFactory,
    SelectionSettingsFactory,
    scored_review,
)
from .study_visits import (  # noqa: F401
    AgendaItemFactory,
    AttendanceFactory,
    IntakeParticipantFactory,
    PlaceFactory,
    SelectedTeamFactory,
    StudyVisitFactory,
)
