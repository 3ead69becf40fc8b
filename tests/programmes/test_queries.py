"""Every list page costs the same number of queries with one row as with many."""

import pytest
from django.urls import reverse

from programmes.selectors import intakes_open_for_staff
from tests.factories import IntakeFactory, PhaseFactory, ProgrammeFactory


def _programmes_with_intakes(count):
    for n in range(count):
        programme = ProgrammeFactory(title=f"Programme {n}")
        for intake in (IntakeFactory(programme=programme), IntakeFactory(programme=programme, closed=True)):
            PhaseFactory(intake=intake)
            PhaseFactory(intake=intake)


@pytest.mark.parametrize("rows", [1, 4])
def test_staff_programme_list_queries_do_not_grow(staff_client, django_assert_num_queries, rows):
    _programmes_with_intakes(rows)

    # session, user, groups, intake roles (cached after the first page), count, page
    with django_assert_num_queries(6):
        response = staff_client.get(reverse("programmes:staff_programme_list"))

    assert len(response.context["page_obj"]) == rows


@pytest.mark.parametrize("rows", [1, 4])
def test_staff_intake_list_queries_do_not_grow(staff_client, django_assert_num_queries, rows):
    _programmes_with_intakes(rows)

    # session, user, groups, intake roles, count, page with application counts, phases
    with django_assert_num_queries(7):
        response = staff_client.get(reverse("programmes:staff_intake_list"))

    assert len(response.context["page_obj"]) == rows * 2


@pytest.mark.parametrize("rows", [1, 4])
def test_staff_intake_list_of_one_programme_queries_do_not_grow(staff_client, django_assert_num_queries, rows):
    programme = ProgrammeFactory()
    for _n in range(rows):
        PhaseFactory(intake=IntakeFactory(programme=programme))

    # session, user, groups, intake roles, programme, count, page with application counts, phases
    with django_assert_num_queries(8):
        response = staff_client.get(reverse("programmes:staff_programme_intakes", kwargs={"pk": programme.pk}))

    assert len(response.context["page_obj"]) == rows


@pytest.mark.parametrize("rows", [1, 4])
def test_catalogue_queries_do_not_grow(client, db, django_assert_num_queries, rows):
    _programmes_with_intakes(rows)

    # count, programmes, their intakes, the intakes' phases
    with django_assert_num_queries(4):
        response = client.get(reverse("programmes:catalogue"))

    assert len(response.context["page_obj"]) == rows


@pytest.mark.parametrize("rows", [1, 4])
def test_catalogue_filtered_queries_do_not_grow(client, db, django_assert_num_queries, rows):
    _programmes_with_intakes(rows)

    with django_assert_num_queries(4):
        response = client.get(reverse("programmes:catalogue"), {"q": "Programme", "country": "KE", "window": "open"})

    assert len(response.context["page_obj"]) == rows


@pytest.mark.parametrize("rows", [1, 4])
def test_programme_page_queries_do_not_grow(client, db, django_assert_num_queries, rows):
    programme = ProgrammeFactory()
    for _n in range(rows):
        PhaseFactory(intake=IntakeFactory(programme=programme))

    # programme, its intakes, their phases
    with django_assert_num_queries(3):
        response = client.get(reverse("programmes:programme_detail", kwargs={"slug": programme.slug}))

    assert len(response.context["programme"].listed_intakes) == rows


@pytest.mark.parametrize("rows", [1, 4])
def test_open_intakes_selector_for_dashboard_is_one_query(db, django_assert_num_queries, rows):
    for _n in range(rows):
        IntakeFactory()
    IntakeFactory(closed=True)

    with django_assert_num_queries(1):
        names = [f"{intake.programme.title}: {intake.name}" for intake in intakes_open_for_staff()]

    assert len(names) == rows
