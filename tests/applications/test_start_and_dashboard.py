import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from applications.dashboard import intake_applications_panel, my_applications_panel
from applications.enums import ApplicationStatus
from applications.models import Application
from portal.models import Audience
from portal.selectors import activities_for
from tests.factories import ApplicationFactory, IntakeFactory, TeamMemberFactory, UserFactory


def test_start_creates_draft_with_starter_as_contact_and_first_member(applicant_client, applicant):
    intake = IntakeFactory()

    response = applicant_client.post(reverse("applications:start", kwargs={"intake_pk": intake.pk}))

    application = Application.objects.get(intake=intake)
    assert response.url == reverse("applications:outline", kwargs={"pk": application.pk, "section": "problem"})
    assert (application.contact_person, application.status) == (applicant, ApplicationStatus.DRAFT)
    assert [(m.user, m.is_contact) for m in application.members.all()] == [(applicant, True)]
    assert [
        (c.from_state, c.to_state, c.actor) for c in activities_for(obj=application, audiences=Audience.values)
    ] == [("", "draft", applicant)]


def test_start_refused_for_country_not_eligible(client, db):
    user = UserFactory(country="PE")
    client.force_login(user)
    intake = IntakeFactory()

    response = client.post(reverse("applications:start", kwargs={"intake_pk": intake.pk}))

    assert [str(m) for m in response.context["messages"]] == ["Teams from Peru cannot apply to this intake."]
    assert Application.objects.count() == 0


@pytest.mark.parametrize("trait", ["closed", "upcoming", "draft"])
def test_start_refused_when_intake_not_open(applicant_client, db, trait):
    intake = IntakeFactory(**{trait: True})

    response = applicant_client.post(reverse("applications:start", kwargs={"intake_pk": intake.pk}))

    assert response.status_code in (200, 404)
    assert Application.objects.count() == 0


def test_start_second_time_goes_to_existing_application(applicant_client, applicant):
    existing = ApplicationFactory(contact_person=applicant)

    response = applicant_client.post(reverse("applications:start", kwargs={"intake_pk": existing.intake_id}))

    assert response.url == reverse("applications:detail", kwargs={"pk": existing.pk})
    assert Application.objects.count() == 1


def test_start_refused_when_member_of_another_team_in_intake(db):
    from django.core.exceptions import ValidationError

    from applications.services import application_start

    member = TeamMemberFactory()

    with pytest.raises(ValidationError) as error:
        application_start(intake=member.application.intake, by=member.user)

    assert error.value.messages == ["You are already in a team that applies to this intake."]


def test_dashboard_panel_lists_only_own_applications_with_deadline(rf, db):
    ApplicationFactory(title="Someone else's")
    user = UserFactory()
    mine = ApplicationFactory(contact_person=user, title="Mine", intake__time_zone="Africa/Nairobi")
    request = rf.get("/")
    request.user = user

    panel = my_applications_panel(request)

    rows = panel.context["rows"]
    assert [r["application"].title for r in rows] == ["Mine"]
    assert rows[0]["deadline"].endswith(" EAT")
    assert rows[0]["deadline"] == mine.intake.local(mine.deadline).strftime("%-d %B %Y, %H:%M EAT")


@pytest.mark.parametrize("rows", [1, 3])
def test_dashboard_panel_query_count_is_fixed(rf, db, django_assert_num_queries, rows):
    user = UserFactory()
    for _ in range(rows):
        ApplicationFactory(contact_person=user, intake=IntakeFactory())
    request = rf.get("/")
    request.user = user

    # The applications, then their members with users, organisations and attachments (the progress line).
    with django_assert_num_queries(4):
        panel = my_applications_panel(request)
        html = render_to_string(panel.template, {"ctx": panel.context, "panel": panel})

    assert html.count("<li>") == rows


def test_dashboard_page_shows_the_panel(applicant_client, applicant):
    ApplicationFactory(contact_person=applicant, title="Ciudadanía activa en Medellín")

    response = applicant_client.get(reverse("portal:dashboard"))

    assert [p.title for p in response.context["panels"] if p.title == "Your applications"] == ["Your applications"]
    assert "Ciudadanía activa en Medellín" in response.content.decode()


@pytest.mark.parametrize("intakes", [1, 3])
def test_staff_dashboard_panel_counts_per_intake_with_fixed_queries(rf, staff, django_assert_num_queries, intakes):
    for _ in range(intakes):
        intake = IntakeFactory()
        ApplicationFactory(intake=intake)
        ApplicationFactory(intake=intake, submitted=True)
    request = rf.get("/")
    request.user = staff
    staff.groups.all()  # the staff check reads the groups once

    with django_assert_num_queries(2):
        panel = intake_applications_panel(request)

    assert [(i.total, i.submitted, i.to_screen) for i in panel.context["intakes"]] == [(2, 1, 1)] * intakes


def test_staff_dashboard_panel_hidden_from_applicants(rf, applicant):
    request = rf.get("/")
    request.user = applicant

    assert intake_applications_panel(request) is None


def test_staff_dashboard_links_to_intake_application_list(staff_client, db):
    application = ApplicationFactory(submitted=True)

    response = staff_client.get(reverse("portal:dashboard"))

    url = reverse("applications:staff_list", kwargs={"intake_pk": application.intake_id})
    assert f'href="{url}"' in response.content.decode()


def test_dashboard_says_how_far_a_draft_is(rf, db):
    user = UserFactory()
    draft = ApplicationFactory(contact_person=user, intake=IntakeFactory(mandate_letter="required"))
    draft.timeline = ""
    draft.save()
    request = rf.get("/")
    request.user = user

    panel = my_applications_panel(request)

    assert [row["progress"] for row in panel.context["rows"]] == [
        "4 of 5 sections done; still missing: team composition, mandate letter"
    ]


def test_outline_menu_marks_each_section_done_or_missing(client, db):
    application = ApplicationFactory(complete=True)
    application.timeline = ""
    application.save()
    client.force_login(application.contact_person)

    page = client.get(reverse("applications:outline", kwargs={"pk": application.pk, "section": "problem"}))

    assert re.findall(r'data-testid="section-mark">([^<]*)<', page.content.decode()) == [
        "✓ done",
        "✓ done",
        "missing answers",
        "✓ done",
        "✓ done",
    ]


@pytest.mark.parametrize("rows", [1, 3])
def test_applicant_home_page_pays_nothing_for_participant_panels(client, db, django_assert_num_queries, rows):
    """Programme, coaching, study-visit places and certificate panels are a selected team's: an applicant's
    page asks none of their queries (they read the applications the first panel loaded)."""
    user = UserFactory()
    for _ in range(rows):
        ApplicationFactory(contact_person=user, intake=IntakeFactory(), title="Draft plan")
    client.force_login(user)
    url = reverse("portal:dashboard")
    client.get(url)  # the person's intake roles are then cached, as on every later page

    # Session and user 2, applications 4 (drafts: members, organisations, attachments), staff check 1,
    # visits open to the person 1.
    with django_assert_num_queries(8):
        response = client.get(url)

    assert [str(p.title) for p in response.context["panels"]] == ["Your applications", "Your profile"]
    assert response.content.decode().count("Draft plan") == rows
