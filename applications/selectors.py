"""Every non-trivial read of applications, shaped so that pages cost a fixed number of queries."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext as _

from accounts.rules import is_programme_staff
from portal.models import Activity, Audience
from portal.selectors import activities_for

from .enums import SUBMITTED_STATES, ApplicationStatus
from .models import WORD_LIMITS, Application, Attachment, EarlierParticipant, Organisation, TeamMember, name_key

# The outline's long answers: lists and queues never show them, so they never load them.
LONG_ANSWERS = tuple(WORD_LIMITS)


def applications_visible_to(*, user) -> QuerySet[Application]:
    """Staff see every application; anyone else only those of the teams they are in."""
    queryset = Application.objects.select_related("intake__programme", "contact_person")
    if not user.is_authenticated:
        return queryset.none()
    if is_programme_staff(user):
        return queryset
    return queryset.filter(Exists(TeamMember.objects.filter(application=OuterRef("pk"), user=user)))


def application_with_team(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """Prefetch what the checks and team pages read: members with their users, organisations, files."""
    return queryset.prefetch_related(
        Prefetch("members", queryset=TeamMember.objects.select_related("user")),
        "organisations",
        Prefetch("attachments", queryset=Attachment.objects.select_related("member__user", "uploaded_by")),
    )


def _told(application_ref):
    """The application's entries the team can read that moved its state, newest first."""
    return (
        Activity.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id=application_ref,
            audience=Audience.TEAM,
        )
        .exclude(to_state="")
        .order_by("-created_at", "-pk")
    )


def told_status_of(application) -> str | None:
    """The last status the team was told (a staged decision is not told until released)."""
    return _told(application.pk).values_list("to_state", flat=True).first()


def with_status_for_team(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """Annotate what `Application.status_for_team` needs, so lists ask no query per row."""
    return queryset.annotate(told_status=Subquery(_told(OuterRef("pk")).values("to_state")[:1]))


def applications_for_user(*, user) -> list[Application]:
    """The applications a person is a member of, newest first; drafts with what their checklists read.

    One query, and three more only when there are drafts (a submitted or selected team's row needs
    no checklist). Kept on the user object for the request: the dashboard's panels all ask
    (`selection.selectors.in_a_selected_team`).
    """
    if "_applications_for_user" not in user.__dict__:
        user.__dict__["_applications_for_user"] = _applications_for_user(user)
    return user.__dict__["_applications_for_user"]


def _applications_for_user(user) -> list[Application]:
    applications = list(
        with_status_for_team(
            Application.objects.filter(members__user=user).select_related("intake__programme").order_by("-created_at")
        )
    )
    drafts = [application for application in applications if application.status == ApplicationStatus.DRAFT]
    prefetch_related_objects(
        drafts, Prefetch("members", queryset=TeamMember.objects.select_related("user")), "organisations", "attachments"
    )
    return applications


def application_timeline(*, application, for_team: bool = False) -> list[Activity]:
    """The application's readable feed; the team's view leaves out what is for staff only (staged decisions)."""
    audiences = (Audience.TEAM,) if for_team else Audience.values
    return list(activities_for(obj=application, audiences=audiences))


def applications_for_intake(*, intake) -> QuerySet[Application]:
    """The staff list of an intake's applications (drafts included), with what the table shows.

    The outline's long answers stay in the database; the team size is a count per row, so the
    paginator counts applications without joining their members.
    """
    members = TeamMember.objects.filter(application=OuterRef("pk")).order_by().values("application")
    return (
        Application.objects.filter(intake=intake)
        .select_related("intake")
        .defer(*LONG_ANSWERS)
        # Contact people by a second query for the page's rows: joined, PostgreSQL read all 36,000 users
        # before sorting and cutting the page (8.7 ms -> 1 ms for the page's query at bench scale).
        .prefetch_related("contact_person", "organisations")
        .annotate(member_count=Coalesce(Subquery(members.annotate(n=Count("*")).values("n")), Value(0)))
        # Drafts (not submitted) first on PostgreSQL and SQLite alike.
        .order_by(F("submitted_at").desc(nulls_first=True), "-created_at", "pk")
    )


def search_q(text: str) -> Q:
    """Contact person's name, organisation names and the outline's main answers.

    The answers are matched on the rows already chosen (an intake's); names are looked up in their
    own tables once (on PostgreSQL through trigram indexes, see migration 0006) instead of row by row.
    """
    from accounts.models import User

    return (
        Q(reference__iexact=text)
        | Q(title__icontains=text)
        | Q(problem__icontains=text)
        | Q(objectives__icontains=text)
        | Q(target_group__icontains=text)
        | Q(expected_results__icontains=text)
        | Q(contact_person__in=User.objects.filter(full_name__icontains=text).values("pk"))
        | Q(pk__in=Organisation.objects.filter(name__icontains=text).values("application_id"))
    )


def organisation_q(**lookup) -> Q:
    return Q(Exists(Organisation.objects.filter(application=OuterRef("pk"), **lookup)))


def core_area_q(area: str) -> Q:
    return Q(core_areas__icontains=f'"{area}"')


def sdg_q(number: int) -> Q:
    """JSON lists of numbers read "[11, 16]" on SQLite and PostgreSQL alike; match one whole number."""
    return (
        Q(sdgs__icontains=f"[{number},")
        | Q(sdgs__icontains=f" {number},")
        | Q(sdgs__icontains=f" {number}]")
        | Q(sdgs__icontains=f"[{number}]")
    )


def earlier_participants(*, application) -> list[str]:
    """Team members who took part before: one line each, the name and how they were found (three queries).

    Found in a selected team of an earlier intake under the same account (the name alone), the same
    e-mail, or the same name, date of birth and country; or on the list of earlier participants staff
    imported (by e-mail, or by name, date of birth and country). Reads the prefetched members.
    """
    from selection.selectors import applications_selected  # selection reads applications, not the reverse

    intake = application.intake
    members = list(application.members.all())
    found: dict[int, str] = {}

    def add(member, how):
        found.setdefault(member.pk, how % {"name": member.user.get_full_name()} if how else member.user.get_full_name())

    earlier = (
        TeamMember.objects.filter(
            application__in=applications_selected(), application__intake__closes_at__lt=intake.opens_at
        )
        .exclude(application__intake=intake)
        .select_related("user")
    )
    emails = {m.user.email.lower(): m for m in members}
    by_account = {m.user_id: m for m in members}
    for other in earlier.annotate(email_lower=Lower("user__email")).filter(
        Q(user__in=list(by_account)) | Q(email_lower__in=list(emails))
    ):
        if other.user_id in by_account:
            add(by_account[other.user_id], "")
        else:
            add(emails[other.email_lower], _("%(name)s (the same e-mail as a participant of an earlier intake)"))
    people = {_person(m.user.full_name, m.date_of_birth, m.user.country): m for m in members if _person_known(m)}
    if people:
        births = {key[1] for key in people}
        for other in earlier.filter(date_of_birth__in=births):
            key = _person(other.user.full_name, other.date_of_birth, other.user.country)
            if key in people and other.user_id not in by_account:
                add(
                    people[key],
                    _("%(name)s (same name, date of birth and country as a participant of an earlier intake)"),
                )
    listed = EarlierParticipant.objects.filter(
        Q(email__in=list(emails)) | Q(name_key__in=[key[0] for key in people], date_of_birth__in=[k[1] for k in people])
    )
    for entry in listed:
        if entry.email and entry.email in emails:
            add(emails[entry.email], _("%(name)s (on the list of earlier participants, by e-mail)"))
        key = (entry.name_key, entry.date_of_birth, entry.country.code if entry.country else "")
        if key in people:
            add(people[key], _("%(name)s (on the list of earlier participants, by name, date of birth and country)"))
    return [found[m.pk] for m in members if m.pk in found]


def _person(full_name, born, country) -> tuple:
    return (name_key(full_name), born, str(country.code if hasattr(country, "code") else country or ""))


def _person_known(member) -> bool:
    return bool(member.user.full_name and member.date_of_birth and member.user.country)


def intakes_with_application_counts():
    """Intakes that have applications, newest first, with totals by stage (one query, index-only counts)."""
    from programmes.models import Intake
    from programmes.selectors import intake_application_count

    return list(
        Intake.objects.filter(Exists(Application.objects.filter(intake=OuterRef("pk"))))
        .select_related("programme")
        .annotate(
            total=intake_application_count(),
            submitted=intake_application_count(statuses=SUBMITTED_STATES),
            to_screen=intake_application_count(statuses=[ApplicationStatus.SUBMITTED]),
        )
        .order_by("-opens_at")
    )


def earlier_participant_list() -> QuerySet[EarlierParticipant]:
    """The imported list of earlier participants, by name, with who imported each row."""
    return EarlierParticipant.objects.select_related("imported_by").order_by("name_key", "pk")
