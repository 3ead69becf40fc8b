import factory
from django.core.files.base import ContentFile

from applications.enums import STAGED_STATES, ApplicationStatus, AttachmentKind
from applications.models import Application, Attachment, Invitation, Organisation, TeamMember
from portal.models import Activity, Audience
from programmes.enums import CEFRLevel, CoreArea, MemberRoleType, OrganisationType

from .accounts import UserFactory
from .programmes import IntakeFactory

# The smallest real PDF header: enough for the content check.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft with a complete outline, its contact person as first member and one organisation.

    State traits (`submitted=True`, `eligible=True`, `under_review=True`, `accepted=True`...) set the
    status and record the activity trail (portal.Activity) a real application would have.
    `complete=True` adds a team that meets the intake's default composition rules and a mandate letter.
    """

    class Meta:
        model = Application
        skip_postgeneration_save = True

    intake = factory.SubFactory(IntakeFactory)
    contact_person = factory.SubFactory(UserFactory)
    status = ApplicationStatus.DRAFT
    title = factory.Sequence(lambda n: f"Open budget hearings in ward {n}")
    problem = "Residents of informal settlements are not heard when the budget is prepared."
    objectives = "Hold public budget hearings in every ward and publish the results."
    target_group = "Residents of informal settlements, women and young people."
    core_areas = factory.LazyFunction(lambda: [CoreArea.PARTICIPATION, CoreArea.TRANSPARENCY])
    sdgs = factory.LazyFunction(lambda: [11, 16])
    stakeholders = "Ward committees, the finance department, residents' associations."
    citizen_involvement = "Hearings in each ward, an SMS survey, a citizen panel."
    expected_results = "Budget priorities of residents are visible in the approved budget."
    timeline = "Months 1-3 preparation, months 4-9 hearings, months 10-12 evaluation."
    commitment_staff_time = "Two planners at 20 % for a year."
    commitment_budget = "The council pays for venues and the SMS survey."
    baseline_political_commitment = "The council adopted a participation policy last year."
    baseline_dedicated_staff = "One participation officer."
    baseline_current_situation = "No hearings are held today."

    class Params:
        submitted = factory.Trait(status=ApplicationStatus.SUBMITTED)
        eligible = factory.Trait(status=ApplicationStatus.ELIGIBLE)
        ineligible = factory.Trait(status=ApplicationStatus.INELIGIBLE)
        under_review = factory.Trait(status=ApplicationStatus.UNDER_REVIEW)
        # Decided but not released: staff see the decision, the team does not.
        accepted_pending = factory.Trait(status=ApplicationStatus.ACCEPTED_PENDING)
        waitlisted_pending = factory.Trait(status=ApplicationStatus.WAITLISTED_PENDING)
        rejected_pending = factory.Trait(status=ApplicationStatus.REJECTED_PENDING)
        # Decided and released to the team.
        accepted = factory.Trait(status=ApplicationStatus.ACCEPTED)
        waitlisted = factory.Trait(status=ApplicationStatus.WAITLISTED)
        rejected = factory.Trait(status=ApplicationStatus.REJECTED)
        withdrawn = factory.Trait(status=ApplicationStatus.WITHDRAWN)

    @factory.post_generation
    def contact_member(self, create, extracted, **kwargs):
        if create and extracted is not False:
            TeamMemberFactory(
                application=self, user=self.contact_person, is_contact=True, role_type=MemberRoleType.OFFICIAL
            )

    @factory.post_generation
    def organisation(self, create, extracted, **kwargs):
        if create and extracted is not False:
            OrganisationFactory(application=self, country=self.contact_person.country or "KE")

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        """The activity trail leading to the status, so timelines and counts look real (`history=False`: none)."""
        if not create or extracted is False:
            return
        S = ApplicationStatus
        path = {
            S.DRAFT: [S.DRAFT],
            S.SUBMITTED: [S.DRAFT, S.SUBMITTED],
            S.ELIGIBLE: [S.DRAFT, S.SUBMITTED, S.ELIGIBLE],
            S.INELIGIBLE: [S.DRAFT, S.SUBMITTED, S.INELIGIBLE],
            S.UNDER_REVIEW: [S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW],
            S.ACCEPTED_PENDING: [S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.ACCEPTED_PENDING],
            S.WAITLISTED_PENDING: [S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.WAITLISTED_PENDING],
            S.REJECTED_PENDING: [S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.REJECTED_PENDING],
            S.ACCEPTED: [S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.ACCEPTED_PENDING, S.ACCEPTED],
            S.WAITLISTED: [S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.WAITLISTED_PENDING, S.WAITLISTED],
            S.REJECTED: [S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.REJECTED_PENDING, S.REJECTED],
            S.WITHDRAWN: [S.DRAFT, S.WITHDRAWN],
        }[self.status]
        previous = ""
        for status in path:
            Activity.record(
                obj=self,
                actor=None,
                verb=status,
                from_state=previous,
                to_state=status,
                audience=Audience.STAFF if status in STAGED_STATES else Audience.TEAM,
            )
            previous = status
        if self.status != S.DRAFT and self.status != S.WITHDRAWN and self.submitted_at is None:
            self.submitted_at = self.created_at
            Application.objects.filter(pk=self.pk).update(submitted_at=self.submitted_at)

    @factory.post_generation
    def complete(self, create, extracted, **kwargs):
        """A team of three (official, politician, civil society; women and men) and a mandate letter."""
        if create and extracted:
            TeamMemberFactory(application=self, role_type=MemberRoleType.POLITICIAN, gender="man")
            TeamMemberFactory(application=self, role_type=MemberRoleType.CIVIL_SOCIETY, gender="woman")
            AttachmentFactory(application=self, uploaded_by=self.contact_person)


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    application = factory.SubFactory(ApplicationFactory)
    user = factory.SubFactory(UserFactory)
    position = factory.LazyAttribute(lambda o: o.user.position or "Councillor")
    organisation = factory.LazyAttribute(lambda o: o.user.organisation or "County Government")
    role_type = MemberRoleType.OFFICIAL
    gender = "woman"
    english_level = CEFRLevel.B2
    is_contact = False


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    application = factory.SubFactory(ApplicationFactory)
    name = factory.Sequence(lambda n: f"Municipality of Ward {n}")
    type = OrganisationType.MUNICIPALITY
    country = "KE"


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    application = factory.SubFactory(ApplicationFactory)
    kind = AttachmentKind.MANDATE_LETTER
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="mandate.pdf"))
    original_name = "mandate-letter.pdf"
    size = len(PDF_BYTES)
    content_type = "application/pdf"
    uploaded_by = factory.LazyAttribute(lambda o: o.application.contact_person)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    application = factory.SubFactory(ApplicationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    invited_by = factory.LazyAttribute(lambda o: o.application.contact_person)
