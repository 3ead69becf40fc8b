"""Reads for the programmes app. List selectors return querysets whose query count does not
grow with the number of rows (select_related / prefetch_related / annotate)."""

from datetime import datetime, timedelta

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from applications.enums import NOT_SUBMITTED_STATES, SCREENED_STATES, ApplicationStatus
from portal.translated import in_reader_language, search_q

from .enums import PublicationStatus
from .models import Intake, IntakeRole, Phase, Programme, RubricCriterion

# Application statuses counted on the staff intake list. The applications app owns these values;
# "draft" is still being written, "withdrawn" no longer counts as submitted.

CLOSING_SOON = timedelta(days=14)


def _published() -> Q:
    return Q(status=PublicationStatus.PUBLISHED)


def _intake_window_q(*, window: str, now: datetime) -> Q:
    if window == "open":
        return Q(opens_at__lte=now, closes_at__gte=now)
    if window == "upcoming":
        return Q(opens_at__gt=now)
    if window == "closed":
        return Q(closes_at__lt=now)
    return Q()


def _intake_country_q(*, country: str) -> Q:
    # CountryField(multiple=True) stores "KE,TZ,UG"; codes are two letters between commas, so a
    # substring match cannot straddle two codes. No countries listed means every country.
    if not country:
        return Q()
    return Q(eligible_countries__contains=country.upper()) | Q(eligible_countries="")


def intake_annotate_application_counts(queryset: QuerySet) -> QuerySet:
    """Annotate `draft_applications`, `submitted_applications` and `screened_applications`.

    One small count per intake row, each an index-only scan of (intake, status): the list neither
    joins nor groups every application, and its paginator counts intakes alone.
    """
    return queryset.annotate(
        draft_applications=intake_application_count(statuses=[ApplicationStatus.DRAFT]),
        submitted_applications=intake_application_count(exclude=sorted(NOT_SUBMITTED_STATES)),
        screened_applications=_screened_count(),
    )


def _applications():
    """The applications app's model, through the reverse relation, so this app never imports that one."""
    return Intake._meta.get_field("applications").related_model


def intake_application_count(*, statuses=None, exclude=()) -> Coalesce:
    """How many of the outer intake's applications are in `statuses` (all if None) and not in `exclude`."""
    applications = _applications().objects.filter(intake=OuterRef("pk"))
    if statuses is not None:
        applications = applications.filter(status__in=statuses)
    if exclude:
        applications = applications.exclude(status__in=exclude)
    counted = applications.order_by().values("intake").annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _screened_count() -> Exists:
    """What `Intake.state` needs to tell "closed" from "selecting": whether any is screened (an index probe)."""
    return Exists(_applications().objects.filter(intake=OuterRef("pk"), status__in=sorted(SCREENED_STATES)))


# --- Staff ------------------------------------------------------------------------------


def programme_list_for_staff() -> QuerySet[Programme]:
    """Every programme with its number of intakes and of published intakes."""
    return Programme.objects.annotate(
        intake_count=Count("intakes", distinct=True),
        published_intake_count=Count("intakes", filter=Q(intakes__status=PublicationStatus.PUBLISHED), distinct=True),
    ).order_by(in_reader_language("title"), "pk")


def intake_list_for_staff(*, programme: Programme | None = None) -> QuerySet[Intake]:
    """Intakes (of one programme, or all) with programme, phases and application counts."""
    queryset = Intake.objects.select_related("programme").prefetch_related("phases")
    if programme is not None:
        queryset = queryset.filter(programme=programme)
    return intake_annotate_application_counts(queryset).order_by("-opens_at", "pk")


def intake_get_for_staff(*, pk: int) -> Intake:
    """One intake with everything its staff page shows, or 404."""
    return get_object_or_404(
        Intake.objects.select_related("programme", "copied_from").prefetch_related(
            "phases", "criteria", Prefetch("roles", queryset=IntakeRole.objects.select_related("user"))
        ),
        pk=pk,
    )


def intake_rubric_weight_total(*, intake: Intake) -> int:
    """The sum of the weights of the intake's rubric criteria (0 without a rubric)."""
    return RubricCriterion.objects.filter(intake=intake).aggregate(total=Sum("weight"))["total"] or 0


def intakes_open_for_staff(*, now: datetime | None = None) -> list[Intake]:
    """Published intakes whose window is open now, soonest deadline first, flagged `closing_soon`."""
    now = now or timezone.now()
    intakes = list(
        Intake.objects.filter(_published(), opens_at__lte=now, closes_at__gte=now)
        .select_related("programme")
        .order_by("closes_at")
    )
    for intake in intakes:
        intake.closing_soon = intake.closes_at - now <= CLOSING_SOON
    return intakes


# --- Public catalogue --------------------------------------------------------------------


def catalogue_programmes(
    *, search: str = "", country: str = "", window: str = "", now: datetime | None = None
) -> QuerySet[Programme]:
    """Published programmes, each with `listed_intakes`: its published intakes matching the filters.

    With a country or window filter, only programmes with at least one matching intake are listed.
    """
    now = now or timezone.now()
    intake_q = _published() & _intake_country_q(country=country) & _intake_window_q(window=window, now=now)
    listed = (
        Intake.objects.filter(intake_q)
        .annotate(screened_applications=_screened_count())
        .prefetch_related("phases")
        .order_by("closes_at", "pk")
    )
    queryset = Programme.objects.filter(_published())
    if search:
        queryset = queryset.filter(search_q("title__icontains", search) | search_q("summary__icontains", search))
    if country or window:
        queryset = queryset.filter(Exists(Intake.objects.filter(intake_q, programme=OuterRef("pk"))))
    listed_intakes = Prefetch("intakes", queryset=listed, to_attr="listed_intakes")
    return queryset.prefetch_related(listed_intakes).order_by(in_reader_language("title"), "pk")


def programme_get_published(*, slug: str) -> Programme:
    """A published programme with its published intakes (and their phases), or 404."""
    listed = (
        Intake.objects.filter(_published())
        .annotate(screened_applications=_screened_count())
        .prefetch_related("phases")
        .order_by("-opens_at")
    )
    return get_object_or_404(
        Programme.objects.filter(_published()).prefetch_related(
            Prefetch("intakes", queryset=listed, to_attr="listed_intakes")
        ),
        slug=slug,
    )


def intake_get_published(*, pk: int) -> Intake:
    """A published intake of a published programme, with phases and rubric, or 404."""
    return get_object_or_404(
        Intake.objects.filter(_published(), programme__status=PublicationStatus.PUBLISHED)
        .select_related("programme")
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("starts_on", "pk")), "criteria"),
        pk=pk,
    )
