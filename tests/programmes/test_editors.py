"""The phase and rubric editors: formsets that work without JavaScript."""

from datetime import date

from django.urls import reverse

from programmes.models import Phase, RubricCriterion
from tests.factories import IntakeFactory, PhaseFactory

from .html import alerts

CRITERIA = [
    ("Relevance of the change project", "30"),
    ("Feasibility", "20"),
    ("Local commitment", "20"),
    ("Team composition", "15"),
    ("Inclusion", "10"),
]


def _rubric_post(rows, *, initial=0, extra=None):
    data = {
        "criteria-TOTAL_FORMS": str(len(rows)),
        "criteria-INITIAL_FORMS": str(initial),
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for index, (name, weight) in enumerate(rows):
        data.update(
            {
                f"criteria-{index}-name_en": name,
                f"criteria-{index}-description_en": f"About {name.lower()}",
                f"criteria-{index}-guidance_en": "",
                f"criteria-{index}-max_score": "5",
                f"criteria-{index}-weight": weight,
                f"criteria-{index}-order": str(index),
            }
        )
    data.update(extra or {})
    return data


def _typed(response, field):
    formset = response.context["formset"]
    return [form[field].value() for form in formset.forms]


def test_rubric_weights_not_100_refused_with_message(staff_client):
    intake = IntakeFactory(draft=True)

    response = staff_client.post(
        reverse("programmes:staff_intake_rubric", kwargs={"pk": intake.pk}), _rubric_post(CRITERIA)
    )

    assert alerts(response) == ["The weights add up to 95; they must add up to 100. Nothing was saved yet."]
    assert list(RubricCriterion.objects.filter(intake=intake)) == []


def test_rubric_weights_not_100_keeps_what_was_typed(staff_client):
    intake = IntakeFactory(draft=True)

    response = staff_client.post(
        reverse("programmes:staff_intake_rubric", kwargs={"pk": intake.pk}), _rubric_post(CRITERIA)
    )

    assert _typed(response, "name_en") == [name for name, _weight in CRITERIA]
    assert _typed(response, "weight") == ["30", "20", "20", "15", "10"]
    assert _typed(response, "description_en")[0] == "About relevance of the change project"


def test_rubric_weights_100_saved_in_order(staff_client):
    intake = IntakeFactory(draft=True)
    rows = [*CRITERIA[:4], ("Inclusion", "15")]

    response = staff_client.post(
        reverse("programmes:staff_intake_rubric", kwargs={"pk": intake.pk}), _rubric_post(rows)
    )

    assert response.status_code == 302
    assert list(intake.criteria.values_list("name", "weight")) == [
        ("Relevance of the change project", 30),
        ("Feasibility", 20),
        ("Local commitment", 20),
        ("Team composition", 15),
        ("Inclusion", 15),
    ]


def test_rubric_deleted_row_does_not_count_towards_100(staff_client):
    intake = IntakeFactory(with_rubric=True)
    criteria = list(intake.criteria.all())
    rows = [(c.name, str(c.weight)) for c in criteria] + [("Gender balance", "10")]
    data = _rubric_post(rows, initial=5)
    for index, criterion in enumerate(criteria):
        data[f"criteria-{index}-id"] = str(criterion.pk)
    data["criteria-0-weight"] = "20"  # Relevance 30 → 20 ...
    data["criteria-4-DELETE"] = "on"  # ... Inclusion (15) removed ...
    data["criteria-1-weight"] = "25"  # ... Feasibility 20 → 25: 20+25+20+15+10 = 90 without the deleted row
    data["criteria-5-weight"] = "20"  # Gender balance 20 → total 100

    response = staff_client.post(reverse("programmes:staff_intake_rubric", kwargs={"pk": intake.pk}), data)

    assert response.status_code == 302
    assert list(intake.criteria.values_list("name", "weight")) == [
        ("Relevance", 20),
        ("Feasibility", 25),
        ("Local commitment", 20),
        ("Team", 15),
        ("Gender balance", 20),
    ]


def test_rubric_add_row_keeps_typed_rows_and_adds_an_empty_one(staff_client):
    intake = IntakeFactory(draft=True)
    data = _rubric_post(CRITERIA[:2], extra={"add_row": "1"})

    response = staff_client.post(reverse("programmes:staff_intake_rubric", kwargs={"pk": intake.pk}), data)

    assert _typed(response, "name_en") == ["Relevance of the change project", "Feasibility", None]
    assert _typed(response, "max_score") == ["5", "5", "5"]
    assert alerts(response) == []
    assert list(RubricCriterion.objects.filter(intake=intake)) == []


def test_phases_saved_and_removed(staff_client):
    intake = IntakeFactory()
    old = PhaseFactory(intake=intake, name="Old phase")
    data = {
        "phases-TOTAL_FORMS": "2",
        "phases-INITIAL_FORMS": "1",
        "phases-MIN_NUM_FORMS": "0",
        "phases-MAX_NUM_FORMS": "1000",
        "phases-0-id": str(old.pk),
        "phases-0-name_en": "Old phase",
        "phases-0-place": "",
        "phases-0-starts_on": "2027-05-01",
        "phases-0-ends_on": "2027-05-02",
        "phases-0-DELETE": "on",
        "phases-1-name_en": "Phase 1 in Sweden",
        "phases-1-place": "Visby, Sweden",
        "phases-1-starts_on": "2027-09-06",
        "phases-1-ends_on": "2027-09-17",
    }

    response = staff_client.post(reverse("programmes:staff_intake_phases", kwargs={"pk": intake.pk}), data)

    assert response.status_code == 302
    assert list(Phase.objects.filter(intake=intake).values_list("name", "place", "starts_on", "ends_on")) == [
        ("Phase 1 in Sweden", "Visby, Sweden", date(2027, 9, 6), date(2027, 9, 17))
    ]


def test_phase_ending_before_it_starts_refused(staff_client):
    intake = IntakeFactory()
    data = {
        "phases-TOTAL_FORMS": "1",
        "phases-INITIAL_FORMS": "0",
        "phases-MIN_NUM_FORMS": "0",
        "phases-MAX_NUM_FORMS": "1000",
        "phases-0-name_en": "Final seminar",
        "phases-0-place": "Kampala",
        "phases-0-starts_on": "2027-09-06",
        "phases-0-ends_on": "2027-09-01",
    }

    response = staff_client.post(reverse("programmes:staff_intake_phases", kwargs={"pk": intake.pk}), data)

    assert response.context["formset"].forms[0].errors == {"ends_on": ["A phase cannot end before it starts."]}
    assert list(Phase.objects.filter(intake=intake)) == []


def test_rubric_untouched_added_row_is_ignored_on_save(staff_client):
    intake = IntakeFactory(draft=True)
    rows = [*CRITERIA[:4], ("Inclusion", "15")]
    url = reverse("programmes:staff_intake_rubric", kwargs={"pk": intake.pk})
    added = staff_client.post(url, _rubric_post(rows, extra={"add_row": "1"}))
    data = _rubric_post(rows)
    data.update({"criteria-TOTAL_FORMS": "6", "criteria-5-max_score": "5", "criteria-5-order": "0"})

    response = staff_client.post(url, data)

    assert len(added.context["formset"].forms) == 6
    assert response.status_code == 302
    assert intake.criteria.count() == 5
