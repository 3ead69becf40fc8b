"""Issue 10 #14: no page has two elements with the same id (labels would point at the wrong field)."""

from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import (
    ApplicationFactory,
    ConfirmationFactory,
    ConflictDeclarationFactory,
    DecisionFactory,
    IntakeFactory,
    RubricCriterionFactory,
    StaffFactory,
    UserFactory,
    scored_review,
)


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids.extend(value for name, value in attrs if name == "id" and value)


def duplicate_ids(response) -> list[str]:
    parser = _Ids()
    parser.feed(response.content.decode())
    return sorted(name for name, count in Counter(parser.ids).items() if count > 1)


@pytest.fixture
def call(db):
    """A closed intake in selection: applications with two submitted reviews each, a conflict, decisions."""
    intake = IntakeFactory(closed=True, team_places=1)
    RubricCriterionFactory(intake=intake, name="Relevance", weight=60, order=0)
    RubricCriterionFactory(intake=intake, name="Commitment", weight=40, order=1)
    first = ApplicationFactory(intake=intake, under_review=True, complete=True)
    second = ApplicationFactory(intake=intake, under_review=True, complete=True)
    reviewers = [UserFactory(country="SE"), UserFactory(country="SE")]
    for application in (first, second):
        for reviewer in reviewers:
            scored_review(application=application, reviewer=reviewer, scores=[4, 3])
    ConflictDeclarationFactory(application=second, reviewer=UserFactory(country="SE"), conflict=True)
    ConflictDeclarationFactory(application=first, reviewer=UserFactory(country="SE"))
    accepted = ApplicationFactory(intake=intake, accepted=True, complete=True)
    DecisionFactory(application=accepted)
    ConfirmationFactory(application=accepted)
    return {"intake": intake, "first": first, "second": second, "reviewers": reviewers}


STAFF_PAGES = [
    ("applications:staff_list", "intake"),
    ("applications:detail", "first"),
    ("applications:screen", "first"),
    ("applications:status", "first"),
    ("applications:team", "first"),
    ("applications:attachments", "first"),
    ("applications:checklist", "first"),
    ("selection:intake_home", "intake"),
    ("selection:reviewers", "intake"),
    ("selection:assignments", "intake"),
    ("selection:conflicts", "intake"),
    ("selection:application_reviews", "first"),
    ("selection:ranking", "intake"),
    ("selection:release", "intake"),
    ("selection:confirmations", "intake"),
    ("programmes:staff_intake_detail", "intake"),
    ("programmes:staff_intake_update", "intake"),
    ("programmes:staff_intake_rubric", "intake"),
    ("programmes:staff_intake_phases", "intake"),
    ("programmes:intake_detail", "intake"),
    ("programmes:catalogue", None),
    ("portal:dashboard", None),
]


@pytest.mark.parametrize(("name", "key"), STAFF_PAGES)
def test_staff_pages_have_unique_ids(client, call, name, key):
    client.force_login(StaffFactory())

    response = client.get(reverse(name, args=[call[key].pk] if key else []))

    assert response.status_code == 200
    assert duplicate_ids(response) == []


@pytest.mark.parametrize("section", ["problem", "focus", "plan", "commitment", "baseline"])
def test_outline_pages_have_unique_ids(client, db, section):
    draft = ApplicationFactory(complete=True)
    client.force_login(draft.contact_person)

    response = client.get(reverse("applications:outline", args=[draft.pk, section]))

    assert duplicate_ids(response) == []


@pytest.mark.parametrize("name", ["detail", "team", "attachments", "checklist", "submit", "status"])
def test_applicant_pages_have_unique_ids(client, db, name):
    draft = ApplicationFactory(complete=True)
    client.force_login(draft.contact_person)

    response = client.get(reverse(f"applications:{name}", args=[draft.pk]))

    assert response.status_code == 200
    assert duplicate_ids(response) == []


def test_reviewer_pages_have_unique_ids(client, call):
    reviewer = call["reviewers"][0]
    client.force_login(reviewer)

    pages = [client.get(reverse("selection:queue")), client.get(reverse("selection:review", args=[call["first"].pk]))]

    assert [duplicate_ids(page) for page in pages] == [[], []]
