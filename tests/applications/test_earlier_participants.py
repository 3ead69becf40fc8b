"""Issue 10, item 11: earlier participants are found by e-mail and by name + date of birth + country, also
on a list staff import (CSV) for programmes that ran before the portal."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.forms import MemberForm
from applications.models import EarlierParticipant, name_key
from applications.selectors import application_with_team, earlier_participants
from applications.services import earlier_participants_import
from tests.factories import ApplicationFactory, IntakeFactory, TeamMemberFactory, UserFactory
from tests.programmes.html import texts_by_testid

BORN = datetime.date(1980, 3, 31)


@pytest.fixture
def intake(db):
    return IntakeFactory(exclude_previous_participants=True)


def _team(intake, **member):
    application = ApplicationFactory(intake=intake, submitted=True)
    TeamMemberFactory(application=application, **member)
    return application_with_team(type(application).objects.filter(pk=application.pk)).get()


def _listed(**fields):
    fields.setdefault("full_name", "Somebody Else")
    return EarlierParticipant.objects.create(name_key=name_key(fields["full_name"]), **fields)


def _earlier_selected_team(user, born=None):
    earlier = IntakeFactory(closed=True)
    earlier.opens_at = earlier.opens_at.replace(year=earlier.opens_at.year - 2)
    earlier.closes_at = earlier.closes_at.replace(year=earlier.closes_at.year - 2)
    earlier.save()
    application = ApplicationFactory(intake=earlier, accepted=True)
    TeamMemberFactory(application=application, user=user, date_of_birth=born)
    return application


# --- Matching ----------------------------------------------------------------------------------------


def test_listed_earlier_participant_found_by_email_whatever_its_case(intake):
    _listed(full_name="Fatou N.", email="fatou.ndiaye@example.org", programme="Local democracy", year=2016)
    application = _team(intake, user=UserFactory(full_name="Fatou Ndiaye", email="Fatou.Ndiaye@Example.org"))

    found = earlier_participants(application=application)

    assert found == ["Fatou Ndiaye (on the list of earlier participants, by e-mail)"]


def test_listed_earlier_participant_found_by_name_date_of_birth_and_country(intake):
    _listed(full_name="José  Pérez", date_of_birth=BORN, country="KE")
    application = _team(intake, user=UserFactory(full_name="jose perez", country="KE"), date_of_birth=BORN)

    found = earlier_participants(application=application)

    assert found == ["jose perez (on the list of earlier participants, by name, date of birth and country)"]


@pytest.mark.parametrize(
    ("born", "country"),
    [(BORN.replace(day=30), "KE"), (BORN, "UG"), (None, "KE")],
    ids=["other date of birth", "other country", "no date of birth given"],
)
def test_same_name_alone_is_not_a_match(intake, born, country):
    _listed(full_name="José Pérez", date_of_birth=BORN, country="KE")
    application = _team(intake, user=UserFactory(full_name="José Pérez", country=country), date_of_birth=born)

    assert earlier_participants(application=application) == []


def test_portal_participant_under_another_account_found_by_name_date_of_birth_and_country(intake):
    _earlier_selected_team(UserFactory(full_name="Amina Mwale", country="UG"), born=BORN)
    application = _team(intake, user=UserFactory(full_name="AMINA MWALE", country="UG"), date_of_birth=BORN)

    found = earlier_participants(application=application)

    assert found == ["AMINA MWALE (same name, date of birth and country as a participant of an earlier intake)"]


def test_portal_participant_under_the_same_account_still_found_by_name(intake):
    alumna = UserFactory(full_name="Grace Wanjiru")
    _earlier_selected_team(alumna)
    application = _team(intake, user=alumna)

    assert earlier_participants(application=application) == ["Grace Wanjiru"]


def test_screening_shows_the_match_in_the_earlier_participants_check(staff_client, intake):
    _listed(full_name="Fatou N.", email="fatou@example.org")
    application = _team(intake, user=UserFactory(full_name="Fatou Ndiaye", email="fatou@example.org"))

    response = staff_client.get(reverse("applications:screen", kwargs={"pk": application.pk}))

    checks = {str(c.label): (c.ok, c.details) for c in response.context["checks"]}
    assert checks["No earlier participants in the team"] == (
        False,
        ["Fatou Ndiaye (on the list of earlier participants, by e-mail)"],
    )


@pytest.mark.parametrize("members", [1, 3])
def test_matching_costs_the_same_queries_for_1_and_3_members(intake, members, django_assert_num_queries):
    application = ApplicationFactory(intake=intake, submitted=True)
    for index in range(members):
        TeamMemberFactory(application=application, date_of_birth=BORN.replace(year=1980 + index))
        _listed(full_name=f"Listed {index}", email=f"listed{index}@example.org")
    application = application_with_team(
        type(application).objects.select_related("intake").filter(pk=application.pk)
    ).get()

    # earlier teams by account or e-mail; by date of birth (then name and country); the imported list
    with django_assert_num_queries(3):
        earlier_participants(application=application)


def test_member_form_asks_date_of_birth_when_the_intake_excludes_earlier_participants(db):
    asks = MemberForm(intake=IntakeFactory(exclude_previous_participants=True))
    does_not = MemberForm(intake=IntakeFactory())

    assert ("date_of_birth" in asks.fields, "date_of_birth" in does_not.fields) == (True, False)


# --- Importing a list --------------------------------------------------------------------------------

URL = "applications:earlier_participants"
GOOD = (
    "full_name,email,date_of_birth,country,programme,year\n"
    "Fatou Ndiaye,Fatou@Example.org,,,Local democracy,2016\n"
    "José Pérez,,1980-03-31,Kenya,Local democracy,2017\n"
    "Amina Mwale,,1975-01-02,UG,,\n"
)


def _check(client, text, name="list.csv"):
    return client.post(reverse(URL), {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")})


def test_staff_check_a_list_then_import_it(staff_client, staff):
    checked = _check(staff_client, GOOD)
    before = EarlierParticipant.objects.count()
    imported = staff_client.post(
        reverse("applications:earlier_participants_import"), {"token": checked.context["token"]}, follow=True
    )

    assert before == 0
    assert [(r["full_name"], r["email"], r["country"]) for r in checked.context["parsed"].rows] == [
        ("Fatou Ndiaye", "fatou@example.org", ""),
        ("José Pérez", "", "KE"),
        ("Amina Mwale", "", "UG"),
    ]
    assert [str(m) for m in imported.context["messages"]] == [
        "3 people added to the list of earlier participants; 0 were on it already."
    ]
    assert list(EarlierParticipant.objects.values_list("full_name", "email", "date_of_birth", "imported_by")) == [
        ("Amina Mwale", "", datetime.date(1975, 1, 2), staff.pk),
        ("Fatou Ndiaye", "fatou@example.org", None, staff.pk),
        ("José Pérez", "", BORN, staff.pk),
    ]
    # Cells: name, e-mail, date of birth, country, programme, year, imported (the page's text, cells joined).
    assert texts_by_testid(imported, "earlier-participant")[0].startswith("Amina Mwale—1975-01-02Uganda——")


def test_the_same_list_imported_twice_adds_nobody_twice(staff_client):
    for _ in range(2):
        checked = _check(staff_client, GOOD)
        imported = staff_client.post(
            reverse("applications:earlier_participants_import"), {"token": checked.context["token"]}, follow=True
        )

    assert [str(m) for m in imported.context["messages"]] == [
        "0 people added to the list of earlier participants; 3 were on it already."
    ]
    assert EarlierParticipant.objects.count() == 3


def test_list_with_errors_names_each_row_and_imports_nothing(staff_client):
    text = (
        "Full Name,E-mail,Date of birth,Country,Programme,Year\n"
        "Fatou Ndiaye,fatou@example.org,,,,\n"
        "José Pérez,,31/03/1980,KE,,\n"
        ",someone@example.org,,,,\n"
        "Amina Mwale,,,Atlantis,,\n"
        "Grace Wanjiru,,,,,\n"
        "Ben Otieno,not-an-address,,,,1850\n"
    )

    response = _check(staff_client, text)

    assert response.status_code == 200
    assert texts_by_testid(response, "import-error") == [
        "Row 3: “31/03/1980” is not a date; write it as YYYY-MM-DD, e.g. 1980-03-31.",
        "Row 4: the name is empty.",
        "Row 5: “Atlantis” is not a country; write its two-letter code (e.g. KE) or its name.",
        "Row 5: give an e-mail address, or a date of birth and a country: without them nobody can be matched.",
        "Row 6: give an e-mail address, or a date of birth and a country: without them nobody can be matched.",
        "Row 7: “not-an-address” is not an e-mail address.",
        "Row 7: “1850” is not a year.",
    ]
    assert response.context["token"] is None
    assert EarlierParticipant.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (",,\n", "The file is empty."),
        (
            "name;email\nFatou;f@example.org\n",
            "The first line must name the columns, including full_name; the columns read are: name;email.",
        ),
        (
            "full_name,email,town\nFatou,f@example.org,Dakar\n",
            "Unknown columns: town. The columns are: full_name, email, date_of_birth, country, programme, year.",
        ),
        ("full_name,email\n", "The file has no rows under its first line."),
    ],
    ids=["no column names", "semicolons", "unknown column", "header only"],
)
def test_a_file_that_is_not_the_list_says_why(staff_client, text, error):
    response = _check(staff_client, text)

    assert texts_by_testid(response, "import-error") == [error]


def test_a_file_saved_by_excel_in_windows_1252_is_read(staff_client):
    raw = "full_name,email\nJosé Pérez,jose@example.org\n".encode("cp1252")

    response = staff_client.post(reverse(URL), {"file": SimpleUploadedFile("list.csv", raw, content_type="text/csv")})

    assert [r["full_name"] for r in response.context["parsed"].rows] == ["José Pérez"]


def test_import_without_a_checked_list_imports_nothing(staff_client):
    response = staff_client.post(reverse("applications:earlier_participants_import"), {"token": "guess"}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "Nothing was imported: upload the list again and check it first."
    ]
    assert EarlierParticipant.objects.count() == 0


def test_import_service_skips_people_already_listed_by_email_or_identity(db, staff):
    _listed(full_name="Fatou Ndiaye", email="fatou@example.org")
    _listed(full_name="José Pérez", date_of_birth=BORN, country="KE")
    rows = [
        {"full_name": "F. Ndiaye", "name_key": "f. ndiaye", "email": "fatou@example.org", "date_of_birth": None,
         "country": "", "programme": "", "year": None},
        {"full_name": "Jose Perez", "name_key": "jose perez", "email": "", "date_of_birth": BORN,
         "country": "KE", "programme": "", "year": None},
        {"full_name": "New Person", "name_key": "new person", "email": "new@example.org", "date_of_birth": None,
         "country": "", "programme": "", "year": None},
    ]  # fmt: skip

    assert earlier_participants_import(rows=rows, by=staff) == (1, 2)
