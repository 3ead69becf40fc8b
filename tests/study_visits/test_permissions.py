"""The permission matrix of study visits: every URL × every role, exact answers (404, never 403)."""

import pytest

from programmes.enums import IntakeRoleType
from tests.factories import (
    AgendaItemFactory,
    ApplicantFactory,
    IntakeParticipantFactory,
    IntakeRoleFactory,
    PlaceFactory,
    StaffFactory,
    StudyVisitFactory,
    UserFactory,
)

# (method, url name) in the order they are tried; the changing ones last.
URLS = [
    ("get", "list"),
    ("get", "create"),
    ("get", "detail"),
    ("get", "edit"),
    ("get", "ics"),
    ("get", "agenda_create"),
    ("get", "agenda_edit"),
    ("get", "places"),
    ("get", "attendance"),
    ("get", "attendance_summary"),
    ("get", "offer"),
    ("get", "calendar"),
    ("get", "feed_wrong_token"),
    ("post", "sign_up"),
    ("post", "place_priority"),
    ("post", "place_cancel"),
    ("post", "agenda_delete"),
]

L, OK, NO, GO = 302, 200, 404, 302  # L: to the login page; GO: done, redirected back

MATRIX = {
    #                     list create detail edit ics  a+   a-ed places att  sum  offer cal feed sign prio canc a-del
    "anonymous": [L, NO, L, NO, L, NO, NO, NO, L, L, L, L, NO, L, NO, L, NO],
    "applicant": [OK, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO],
    "participant": [OK, NO, OK, NO, OK, NO, NO, NO, NO, NO, NO, OK, NO, GO, NO, NO, NO],
    "place holder": [OK, NO, OK, NO, OK, NO, NO, NO, NO, NO, OK, OK, NO, GO, NO, GO, NO],
    "other intake's participant": [OK, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO],
    "mentor of the intake": [OK, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO],
    "host contact": [OK, NO, OK, NO, OK, NO, NO, NO, OK, OK, NO, OK, NO, NO, NO, NO, NO],
    "staff": [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NO, OK, NO, NO, GO, GO, GO],
}


def _url(name, visit, item, place) -> str:
    base = f"/study-visits/{visit.pk}/"
    return {
        "list": "/study-visits/",
        "create": "/study-visits/new/",
        "detail": base,
        "edit": f"{base}edit/",
        "ics": f"{base}calendar.ics",
        "agenda_create": f"{base}agenda/new/",
        "agenda_edit": f"{base}agenda/{item.pk}/edit/",
        "agenda_delete": f"{base}agenda/{item.pk}/delete/",
        "places": f"{base}places/",
        "sign_up": f"{base}sign-up/",
        "attendance": f"{base}attendance/",
        "attendance_summary": f"{base}attendance/summary/",
        "place_cancel": f"/study-visits/places/{place.pk}/cancel/",
        "place_priority": f"/study-visits/places/{place.pk}/priority/",
        "offer": f"/study-visits/offers/{place.offer_token}/",
        "calendar": "/calendar/",
        "feed_wrong_token": "/calendar/not-a-token.ics",
    }[name]


@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(client, db, role):
    host = UserFactory()
    visit = StudyVisitFactory(host_contact=host)
    item = AgendaItemFactory(visit=visit)
    place = PlaceFactory(visit=visit)
    mentor = UserFactory()
    IntakeRoleFactory(intake=visit.intake, user=mentor, role=IntakeRoleType.MENTOR)
    people = {
        "anonymous": None,
        "applicant": ApplicantFactory(),
        "participant": IntakeParticipantFactory(intake=visit.intake),
        "place holder": place.user,
        "other intake's participant": IntakeParticipantFactory(intake=StudyVisitFactory().intake),
        "mentor of the intake": mentor,
        "host contact": host,
        "staff": StaffFactory(),
    }
    if people[role] is not None:
        client.force_login(people[role])

    answers = [
        getattr(client, method)(
            _url(name, visit, item, place), {"priority": 1} if name == "place_priority" else {}
        ).status_code
        for method, name in URLS
    ]

    assert dict(zip([n for _m, n in URLS], answers, strict=True)) == dict(
        zip([n for _m, n in URLS], MATRIX[role], strict=True)
    )
