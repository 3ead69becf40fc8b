"""Reads that judge an application: team composition, what is missing, eligibility.

They work on an application whose members, organisations and attachments are prefetched
(see selectors.application_with_team) so a page costs the same few queries however big the team.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from programmes.enums import AttachmentRequirement, CEFRLevel, MemberRoleType, OrganisationType

from .documents import required_documents, word_limits
from .enums import ApplicationStatus, AttachmentKind
from .outline import SECTIONS, field_label, missing_answers
from .validators import count_words


@dataclass
class Composition:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def composition(application) -> Composition:
    """The intake's rules on team size and mix; gender balance is only ever a warning."""
    intake = application.intake
    members = list(application.members.all())
    result = Composition()
    size = len(members)
    if size < intake.min_team_size:
        result.problems.append(
            ngettext(
                "The team has %(size)d member; this intake asks for at least %(min)d.",
                "The team has %(size)d members; this intake asks for at least %(min)d.",
                size,
            )
            % {"size": size, "min": intake.min_team_size}
        )
    if size > intake.max_team_size:
        result.problems.append(
            _("The team has %(size)d members; this intake allows at most %(max)d.")
            % {"size": size, "max": intake.max_team_size}
        )
    counts = {role: sum(1 for m in members if m.role_type == role) for role in MemberRoleType.values}
    for role, minimum, text in [
        (
            MemberRoleType.POLITICIAN,
            intake.min_politicians,
            ngettext(
                "The team needs at least %(min)d elected politician; it has %(count)d.",
                "The team needs at least %(min)d elected politicians; it has %(count)d.",
                intake.min_politicians,
            ),
        ),
        (
            MemberRoleType.OFFICIAL,
            intake.min_officials,
            ngettext(
                "The team needs at least %(min)d municipal or regional official; it has %(count)d.",
                "The team needs at least %(min)d municipal or regional officials; it has %(count)d.",
                intake.min_officials,
            ),
        ),
        (
            MemberRoleType.CIVIL_SOCIETY,
            intake.min_civil_society,
            ngettext(
                "The team needs at least %(min)d civil-society member; it has %(count)d.",
                "The team needs at least %(min)d civil-society members; it has %(count)d.",
                intake.min_civil_society,
            ),
        ),
    ]:
        if counts[role] < minimum:
            result.problems.append(text % {"min": minimum, "count": counts[role]})
    women = sum(1 for m in members if m.gender == "woman")
    if women < intake.min_women:
        result.problems.append(
            ngettext(
                "The team needs at least %(min)d woman; it has %(count)d.",
                "The team needs at least %(min)d women; it has %(count)d.",
                intake.min_women,
            )
            % {"min": intake.min_women, "count": women}
        )
    for member in members:
        if not member.role_type:
            result.problems.append(
                _("%(name)s has not said yet whether they are a politician, an official or from civil society.")
                % {"name": member.user.get_full_name()}
            )
    if intake.warn_gender_imbalance and size >= 2:
        men = sum(1 for m in members if m.gender == "man")
        # Unbalanced when the smaller group is under a third of the team.
        if min(women, men) * 3 < size:
            result.warnings.append(
                _(
                    "The team is not gender balanced (%(women)d women, %(men)d men). "
                    "Balanced teams are encouraged, but this does not stop you from applying."
                )
                % {"women": women, "men": men}
            )
    return result


@dataclass
class ChecklistItem:
    label: str
    ok: bool
    url: str
    details: list[str] = field(default_factory=list)


def checklist(application, now=None) -> list[ChecklistItem]:
    """What the team still has to do before it can submit, each with a link to where to do it."""
    intake = application.intake
    pk = application.pk
    items = []
    limits = word_limits(intake)
    for section in SECTIONS:
        missing = missing_answers(application, section)
        # An answer saved under a higher limit (staff may lower it later) is caught here, before submitting.
        too_long = [
            _("Shorten “%(question)s” to %(limit)d words or fewer (it has %(words)d).")
            % {"question": field_label(name).capitalize(), "limit": limits[name], "words": words}
            for name in section.fields
            if name in limits and (words := count_words(getattr(application, name))) > limits[name]
        ]
        items.append(
            ChecklistItem(
                _("Outline: %(section)s") % {"section": section.title},
                not missing and not too_long,
                reverse("applications:outline", kwargs={"pk": pk, "section": section.slug}),
                [_("Not answered yet: %(question)s") % {"question": label} for label in missing] + too_long,
            )
        )
    team_url = reverse("applications:team", kwargs={"pk": pk})
    team = composition(application)
    items.append(ChecklistItem(_("Team composition"), team.ok, team_url, team.problems))
    members = list(application.members.all())
    details = []
    for member in members:
        name = member.user.get_full_name()
        if not member.position or not member.organisation:
            details.append(_("%(name)s: position and organisation") % {"name": name})
        if intake.min_english_level and not member.english_level:
            details.append(_("%(name)s: English level") % {"name": name})
        if intake.max_age and not member.date_of_birth:
            details.append(_("%(name)s: date of birth") % {"name": name})
    items.append(ChecklistItem(_("Team members' details"), not details, team_url, details))
    organisations = list(application.organisations.all())
    details = [] if organisations else [_("Add at least one organisation.")]
    details += organisation_problems(application, organisations)
    items.append(ChecklistItem(_("Organisations"), not details, team_url, details))
    attachments = list(application.attachments.all())
    attachments_url = reverse("applications:attachments", kwargs={"pk": pk})
    for document in required_documents(intake):
        if not document.per_member:
            present = any(a.kind == document.kind for a in attachments)
            items.append(
                ChecklistItem(
                    _("Mandate letter"),
                    present,
                    attachments_url,
                    [] if present else [_("Upload the mandate letter signed by your municipality or region.")],
                )
            )
            continue
        # One each: a member's document counts for that member only.
        with_document = {a.member_id for a in attachments if a.kind == document.kind}
        details = [
            _("%(document)s of %(name)s") % {"document": document.label, "name": m.user.get_full_name()}
            for m in members
            if m.pk not in with_document
        ]
        items.append(ChecklistItem(document.plural, not details, attachments_url, details))
    return items


def organisation_problems(application, organisations) -> list[str]:
    intake = application.intake
    problems = []
    types = dict(OrganisationType.choices)
    for organisation in organisations:
        if not intake.accepts_country(organisation.country.code):
            problems.append(
                _("%(name)s: organisations from %(country)s cannot apply to this intake.")
                % {"name": organisation.name, "country": organisation.country.name}
            )
        if intake.eligible_organisation_types and organisation.type not in intake.eligible_organisation_types:
            problems.append(
                _("%(name)s: a %(type)s cannot apply to this intake.")
                % {"name": organisation.name, "type": str(types[organisation.type]).lower()}
            )
    return problems


def is_complete(application) -> bool:
    return all(item.ok for item in checklist(application))


@dataclass
class EligibilityCheck:
    label: str
    ok: bool
    details: list[str] = field(default_factory=list)


def _age(born, today) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def eligibility_checks(application, earlier_participants=()) -> list[EligibilityCheck]:
    """The screening checklist, prefilled from the data. `earlier_participants` comes from a selector."""
    intake = application.intake
    organisations = list(application.organisations.all())
    members = list(application.members.all())
    attachments = list(application.attachments.all())
    checks = []
    bad_country = [o for o in organisations if not intake.accepts_country(o.country.code)]
    checks.append(
        EligibilityCheck(
            _("Country eligible"),
            bool(organisations) and not bad_country,
            [f"{o.name}: {o.country.name}" for o in bad_country] or ([] if organisations else [_("No organisation.")]),
        )
    )
    bad_type = [
        o
        for o in organisations
        if intake.eligible_organisation_types and o.type not in intake.eligible_organisation_types
    ]
    checks.append(
        EligibilityCheck(
            _("Organisation type eligible"), bool(organisations) and not bad_type, [o.name for o in bad_type]
        )
    )
    if intake.mandate_letter != AttachmentRequirement.NOT_ASKED:
        present = any(a.kind == AttachmentKind.MANDATE_LETTER for a in attachments)
        checks.append(
            EligibilityCheck(
                _("Mandate letter present"),
                present or intake.mandate_letter == AttachmentRequirement.OPTIONAL,
                [] if present else [_("No mandate letter uploaded.")],
            )
        )
    team = composition(application)
    checks.append(EligibilityCheck(_("Team composition"), team.ok, team.problems + team.warnings))
    if intake.exclude_previous_participants:
        checks.append(
            EligibilityCheck(
                _("No earlier participants in the team"),
                not earlier_participants,
                [str(name) for name in earlier_participants],
            )
        )
    if intake.min_english_level:
        minimum = CEFRLevel.rank(intake.min_english_level)
        below = [
            m.user.get_full_name() for m in members if not m.english_level or CEFRLevel.rank(m.english_level) < minimum
        ]
        checks.append(
            EligibilityCheck(
                _("English level at least %(level)s") % {"level": intake.min_english_level}, not below, below
            )
        )
    if intake.max_age:
        today = timezone.localdate()
        over = [
            m.user.get_full_name()
            for m in members
            if m.date_of_birth is None or _age(m.date_of_birth, today) > intake.max_age
        ]
        checks.append(EligibilityCheck(_("Age at most %(age)d") % {"age": intake.max_age}, not over, over))
    return checks


SCREENABLE = {ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE}
