from django.urls import reverse

from selection.services import decision_record, decisions_release
from tests.factories import ApplicationFactory, IntakeFactory, StaffFactory


def _status_page(client, application):
    return client.get(reverse("applications:status", kwargs={"pk": application.pk})).content.decode()


def test_team_sees_decision_only_after_release(client, db):
    intake = IntakeFactory(closed=True, with_rubric=True)
    application = ApplicationFactory(intake=intake, under_review=True)
    staff = StaffFactory()
    decision_record(application=application, outcome="accepted", reason="A strong, feasible project.", by=staff)
    client.force_login(application.contact_person)

    before_page = _status_page(client, application)
    before_dashboard = client.get(reverse("portal:dashboard")).content.decode()
    decisions_release(intake=intake, by=staff)
    after_page = _status_page(client, application)

    assert "Under review" in before_page
    assert "The team was selected for the programme." not in before_page
    assert "Under review" in before_dashboard
    assert "Accepted" not in before_dashboard
    assert "The team was selected for the programme." in after_page


def test_staff_see_recorded_decision_before_release(client, db):
    intake = IntakeFactory(closed=True, with_rubric=True)
    application = ApplicationFactory(intake=intake, under_review=True)
    staff = StaffFactory()
    decision_record(application=application, outcome="waitlisted", reason="Good, but fewer places.", by=staff)
    client.force_login(staff)

    page = _status_page(client, application)

    assert "On the waiting list, not released yet" in page
    assert f"{staff} decided to put the team on the waiting list (not released yet)." in page
