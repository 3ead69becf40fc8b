"""Writes for the programmes app: every change to programmes and intakes goes through here.

Each service records who made the change in the model history (simple_history's
`_history_user`) and runs in a transaction.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.translated import language_fields
from portal.workflow import transition

from .enums import PublicationStatus
from .models import Intake, IntakeRole, Phase, Programme, RubricCriterion
from .workflows import INTAKE_WORKFLOW, PROGRAMME_WORKFLOW

# Slugs that would collide with the app's own URLs (/programmes/staff/, /programmes/intakes/).
RESERVED_SLUGS = frozenset({"staff", "intakes"})

# Translated texts are given per language (`title_en`, `title_fr`, ...); the plain name (`title`)
# is accepted too and writes the current language's column.
PROGRAMME_FIELDS = (
    *language_fields("title"),
    "slug",
    *language_fields("summary", "objectives", "expected_outcomes"),
    "offers",
    "languages",
    "contact_email",
)
PROGRAMME_TEXTS = ("title", "summary", "objectives", "expected_outcomes")
INTAKE_FIELDS = (
    *language_fields("name"),
    "eligible_countries",
    "eligible_organisation_types",
    "time_zone",
    "opens_at",
    "closes_at",
    "team_places",
    "min_team_size",
    "max_team_size",
    "min_politicians",
    "min_officials",
    "min_civil_society",
    "min_women",
    "warn_gender_imbalance",
    "mandate_letter",
    "cvs",
    "passport_copies",
    "photos",
    "medical_statements",
    "language_certificates",
    "max_upload_mb",
    "word_limits",
    "exclude_previous_participants",
    "min_english_level",
    "max_age",
    *language_fields("faq"),
)
INTAKE_TEXTS = ("name", "faq")
RUBRIC_TOTAL = 100


def _save(instance, *, by):
    instance._history_user = by
    instance.full_clean()
    instance.save()
    return instance


def _apply(instance, data: dict, allowed: tuple[str, ...], texts: tuple[str, ...] = ()):
    unknown = set(data) - set(allowed) - set(texts)
    if unknown:
        raise ValueError(f"Unknown fields for {type(instance).__name__}: {sorted(unknown)}")
    for name, value in data.items():
        setattr(instance, name, value)


def _publication(workflow, obj, to: str, *, by):
    """Publish or unpublish through the workflow kit; a repeated click changes nothing."""
    if obj.status == to:
        return obj
    obj._history_user = by
    transition(workflow=workflow, obj=obj, to=to, by=by)
    return obj


def _check_slug(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("“%(slug)s” is reserved; choose another.") % {"slug": slug}})


# --- Programmes --------------------------------------------------------------------------


@transaction.atomic
def programme_create(*, data: dict, by) -> Programme:
    """Create a programme as a draft."""
    programme = Programme(status=PublicationStatus.DRAFT)
    _apply(programme, data, PROGRAMME_FIELDS, PROGRAMME_TEXTS)
    _check_slug(programme.slug)
    return _save(programme, by=by)


@transaction.atomic
def programme_update(*, programme: Programme, data: dict, by) -> Programme:
    """Change a programme's texts; its publication status changes only by publish/unpublish."""
    _apply(programme, data, PROGRAMME_FIELDS, PROGRAMME_TEXTS)
    _check_slug(programme.slug)
    return _save(programme, by=by)


@transaction.atomic
def programme_publish(*, programme: Programme, by) -> Programme:
    """Show the programme (and its published intakes) in the public catalogue."""
    return _publication(PROGRAMME_WORKFLOW, programme, PublicationStatus.PUBLISHED, by=by)


@transaction.atomic
def programme_unpublish(*, programme: Programme, by) -> Programme:
    """Take the programme and all its intakes out of the public catalogue; nothing is deleted."""
    return _publication(PROGRAMME_WORKFLOW, programme, PublicationStatus.DRAFT, by=by)


# --- Intakes -----------------------------------------------------------------------------


@transaction.atomic
def intake_create(*, programme: Programme, data: dict, by) -> Intake:
    """Create a draft intake of `programme`; `opens_at`/`closes_at` are aware datetimes."""
    intake = Intake(programme=programme, status=PublicationStatus.DRAFT)
    _apply(intake, data, INTAKE_FIELDS, INTAKE_TEXTS)
    return _save(intake, by=by)


@transaction.atomic
def intake_update(*, intake: Intake, data: dict, by) -> Intake:
    """Change an intake's window, eligibility, composition or attachment rules."""
    _apply(intake, data, INTAKE_FIELDS, INTAKE_TEXTS)
    return _save(intake, by=by)


def intake_publish_problems(*, intake: Intake) -> list[str]:
    """What stops the intake from being published, in words staff can act on."""
    total = sum(criterion.weight for criterion in intake.criteria.all())
    if total == 0:
        return [_("Add the selection rubric first: reviewers score against it.")]
    if total != RUBRIC_TOTAL:
        return [_("The rubric weights add up to %(total)d; they must add up to 100.") % {"total": total}]
    return []


@transaction.atomic
def intake_publish(*, intake: Intake, by) -> Intake:
    """Show the intake in the catalogue; refused while its rubric is missing or does not add up."""
    problems = intake_publish_problems(intake=intake)
    if problems:
        raise ValidationError(problems)
    return _publication(INTAKE_WORKFLOW, intake, PublicationStatus.PUBLISHED, by=by)


@transaction.atomic
def intake_unpublish(*, intake: Intake, by) -> Intake:
    """Take the intake out of the catalogue (and close it to new applications)."""
    return _publication(INTAKE_WORKFLOW, intake, PublicationStatus.DRAFT, by=by)


@transaction.atomic
def intake_phases_save(*, intake: Intake, formset, by) -> list[Phase]:
    """Save the phase editor: new, changed and removed phases of `intake`."""
    phases = formset.save(commit=False)
    for phase in formset.deleted_objects:
        phase.delete()
    for phase in phases:
        phase.intake = intake
        phase.full_clean()
        phase.save()
    intake._history_user = by
    intake.save(update_fields=["updated_at"])
    return list(intake.phases.all())


@transaction.atomic
def intake_rubric_save(*, intake: Intake, formset, by) -> list[RubricCriterion]:
    """Save the rubric editor; the saved weights must add up to 100 or nothing is saved."""
    criteria = formset.save(commit=False)
    for criterion in formset.deleted_objects:
        criterion.delete()
    for criterion in criteria:
        criterion.intake = intake
        criterion.full_clean()
        criterion.save()
    total = sum(criterion.weight for criterion in intake.criteria.all())
    if total != RUBRIC_TOTAL:
        # The formset checks this too; this guard keeps the rule even for other callers.
        raise ValidationError(_("The weights add up to %(total)d; they must add up to 100.") % {"total": total})
    intake._history_user = by
    intake.save(update_fields=["updated_at"])
    return list(intake.criteria.all())


@transaction.atomic
def intake_copy(*, source: Intake, name: str, opens_at: datetime, closes_at: datetime, by) -> Intake:
    """A new draft intake with the source's rules and rubric, and its phases shifted.

    Phases move by the number of days between the two opening dates (in the intake's time zone),
    so a phase that started 60 days after opening still does.
    """
    data = {field: getattr(source, field) for field in INTAKE_FIELDS}
    # The new name is written in English; its other languages wait for staff (marked missing).
    data.update(dict.fromkeys(language_fields("name"), ""))
    data.update(name_en=name, opens_at=opens_at, closes_at=closes_at)
    copy = Intake(programme=source.programme, status=PublicationStatus.DRAFT, copied_from=source)
    _apply(copy, data, INTAKE_FIELDS)
    _save(copy, by=by)
    shift = timedelta(days=(source.local(opens_at).date() - source.local(source.opens_at).date()).days)
    Phase.objects.bulk_create(
        Phase(
            intake=copy,
            place=p.place,
            starts_on=p.starts_on + shift,
            ends_on=p.ends_on + shift,
            **{field: getattr(p, field) for field in language_fields("name")},
        )
        for p in source.phases.all()
    )
    RubricCriterion.objects.bulk_create(
        RubricCriterion(
            intake=copy,
            max_score=c.max_score,
            weight=c.weight,
            order=c.order,
            **{field: getattr(c, field) for field in language_fields("name", "description", "guidance")},
        )
        for c in source.criteria.all()
    )
    return copy


@transaction.atomic
def intake_extend_deadline(*, intake, closes_at, by, reason: str):
    """Move the whole intake's closing time; the intake's history keeps who, when and why."""
    if not reason.strip():
        raise ValidationError(_("Please give the reason for the extension."), code="reason")
    if closes_at <= intake.opens_at:
        raise ValidationError(_("The new deadline must be after the opening."), code="earlier")
    intake.closes_at = closes_at
    intake._change_reason = reason[:100]  # simple-history keeps 100 characters: a longer reason is cut, not refused
    intake._history_user = by
    intake.save(update_fields=["closes_at", "updated_at"])
    return intake


def intake_role_give(*, intake: Intake, user, role: str) -> tuple[IntakeRole, bool]:
    """Give `user` a role (reviewer, mentor) in the intake; other apps call this, never the model."""
    return IntakeRole.objects.get_or_create(intake=intake, user=user, role=role)
