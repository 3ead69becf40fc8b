from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programmes import services
from programmes.enums import PublicationStatus
from programmes.models import Intake, Programme
from tests.factories import IntakeFactory, PhaseFactory, RubricCriterionFactory, StaffFactory

RULE_FIELDS = [f for f in services.INTAKE_FIELDS if not f.startswith("name_") and f not in {"opens_at", "closes_at"}]


@pytest.fixture
def source(db):
    intake = IntakeFactory(
        with_rubric=True,
        eligible_countries=["KE", "BO", "KH"],
        eligible_organisation_types=["municipality", "region"],
        time_zone="America/La_Paz",
        opens_at=datetime(2026, 1, 12, 4, 0, tzinfo=UTC),  # 12 January 2026, 00:00 in La Paz
        closes_at=datetime(2026, 3, 16, 3, 59, tzinfo=UTC),
        min_team_size=4,
        max_team_size=6,
        min_civil_society=2,
        mandate_letter="required",
        cvs="required",
        exclude_previous_participants=True,
        min_english_level="B1",
        max_age=60,
    )
    PhaseFactory(intake=intake, name="Phase 1 in Sweden", starts_on=date(2026, 5, 4), ends_on=date(2026, 5, 15))
    PhaseFactory(intake=intake, name="Final seminar", starts_on=date(2027, 2, 1), ends_on=date(2027, 2, 4))
    return intake


def test_intake_copy_keeps_rules_and_rubric(source, staff):
    copy = services.intake_copy(
        source=source,
        name="2027 intake",
        opens_at=datetime(2027, 1, 11, 4, 0, tzinfo=UTC),
        closes_at=datetime(2027, 3, 15, 3, 59, tzinfo=UTC),
        by=staff,
    )

    assert [getattr(copy, f) for f in RULE_FIELDS] == [getattr(source, f) for f in RULE_FIELDS]
    assert list(copy.criteria.values_list("name", "description", "guidance", "max_score", "weight", "order")) == list(
        source.criteria.values_list("name", "description", "guidance", "max_score", "weight", "order")
    )


def test_intake_copy_shifts_phases_by_the_opening_offset(source, staff):
    copy = services.intake_copy(
        source=source,
        name="2027 intake",
        opens_at=datetime(2027, 1, 11, 4, 0, tzinfo=UTC),  # 364 days after the source opened
        closes_at=datetime(2027, 3, 15, 3, 59, tzinfo=UTC),
        by=staff,
    )

    assert list(copy.phases.values_list("name", "starts_on", "ends_on")) == [
        ("Phase 1 in Sweden", date(2027, 5, 3), date(2027, 5, 14)),
        ("Final seminar", date(2028, 1, 31), date(2028, 2, 3)),
    ]


def test_intake_copy_is_a_draft_linked_to_its_source_and_leaves_source_alone(source, staff):
    copy = services.intake_copy(
        source=source,
        name="2027 intake",
        opens_at=datetime(2027, 1, 11, 4, 0, tzinfo=UTC),
        closes_at=datetime(2027, 3, 15, 3, 59, tzinfo=UTC),
        by=staff,
    )

    assert (copy.name, copy.status, copy.copied_from, copy.programme) == (
        "2027 intake",
        PublicationStatus.DRAFT,
        source,
        source.programme,
    )
    assert (source.phases.count(), source.criteria.count(), copy.history.first().history_user) == (2, 5, staff)


def test_intake_copy_view_creates_copy_from_local_dates(staff_client, source):
    response = staff_client.post(
        reverse("programmes:staff_intake_copy", kwargs={"pk": source.pk}),
        {
            "name": "2027 intake",
            "opens_on": "2027-01-11",
            "opens_time": "00:00",
            "closes_on": "2027-03-14",
            "closes_time": "23:59",
        },
    )

    copy = Intake.objects.get(name="2027 intake")
    assert response.url == reverse("programmes:staff_intake_detail", kwargs={"pk": copy.pk})
    assert (copy.opens_at, copy.closes_at, copy.phases.count(), copy.criteria.count()) == (
        datetime(2027, 1, 11, 4, 0, tzinfo=UTC),
        datetime(2027, 3, 15, 3, 59, 59, 999_999, tzinfo=UTC),
        2,
        5,
    )


def test_intake_publish_without_rubric_refused(db):
    intake = IntakeFactory(draft=True)

    with pytest.raises(ValidationError) as error:
        services.intake_publish(intake=intake, by=StaffFactory())

    assert error.value.messages == ["Add the selection rubric first: reviewers score against it."]
    assert Intake.objects.get(pk=intake.pk).status == PublicationStatus.DRAFT


def test_intake_publish_with_weights_not_100_refused(db):
    intake = IntakeFactory(draft=True)
    RubricCriterionFactory(intake=intake, weight=60)
    RubricCriterionFactory(intake=intake, weight=30)

    with pytest.raises(ValidationError) as error:
        services.intake_publish(intake=intake, by=StaffFactory())

    assert error.value.messages == ["The rubric weights add up to 90; they must add up to 100."]


def test_intake_publish_and_unpublish_record_who(db):
    intake = IntakeFactory(draft=True, with_rubric=True)
    staff = StaffFactory()

    services.intake_publish(intake=intake, by=staff)
    published = Intake.objects.get(pk=intake.pk).status
    services.intake_unpublish(intake=intake, by=staff)

    assert [published, Intake.objects.get(pk=intake.pk).status] == ["published", "draft"]
    assert [h.history_user for h in intake.history.all()[:2]] == [staff, staff]


def test_programme_create_reserved_slug_refused(db):
    with pytest.raises(ValidationError) as error:
        services.programme_create(data={"title": "Staff", "slug": "staff", "summary": "x"}, by=StaffFactory())

    assert error.value.message_dict == {"slug": ["“staff” is reserved; choose another."]}


def test_programme_create_is_draft_then_published(db):
    staff = StaffFactory()
    programme = services.programme_create(
        data={"title": "Inclusive Cities", "slug": "inclusive-cities", "summary": "Cities for everyone."}, by=staff
    )
    status_at_creation = programme.status

    services.programme_publish(programme=programme, by=staff)

    assert [status_at_creation, Programme.objects.get(pk=programme.pk).status] == [
        "draft",
        "published",
    ]
