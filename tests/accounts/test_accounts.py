import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.rules import is_programme_staff
from tests.factories import PASSWORD, ApplicantFactory, StaffFactory, UserFactory

from .html import select_options

SIGNUP = {
    "email": "Amani.Otieno@Example.org",
    "full_name": "Amani Otieno",
    "country": "KE",
    "organisation": "Kisumu County",
    "position": "Ward administrator",
    "preferred_language": "fr",
    "gender": "undisclosed",
    "password1": "inclusive-budgets-2027",
    "password2": "inclusive-budgets-2027",
}


def test_signup_stores_profile_and_sends_verification_email(client, db):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert (user.email, user.full_name, user.country.code, user.preferred_language, user.gender) == (
        "amani.otieno@example.org",
        "Amani Otieno",
        "KE",
        "fr",
        "undisclosed",
    )
    assert [m.to for m in mail.outbox] == [["amani.otieno@example.org"]]


def test_login_refused_until_email_verified(client, db):
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()

    response = client.post(reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]})

    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_verification_link_confirms_email_and_logs_in(client, db):
    # Opened in the browser session that signed up, as the newcomer usually does.
    client.post(reverse("account_signup"), SIGNUP)
    path = re.search(r"https?://[^/]+(/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)

    response = client.post(path)

    assert response["Location"] == reverse("portal:dashboard")
    assert EmailAddress.objects.get(email="amani.otieno@example.org").verified is True
    assert int(client.session["_auth_user_id"]) == User.objects.get().pk


def test_signup_with_mismatched_passwords_keeps_typed_profile(client, db):
    data = {**SIGNUP, "password2": "something-else-entirely"}

    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["password2"]
    assert form["full_name"].value() == "Amani Otieno"
    assert form["organisation"].value() == "Kisumu County"


def test_login_with_email_case_insensitive(client, db):
    user = UserFactory(email="grace@example.org")

    response = client.post(reverse("account_login"), {"login": "Grace@Example.ORG", "password": PASSWORD})

    assert response["Location"] == reverse("portal:dashboard")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_failed_logins_are_rate_limited(client, db, settings):
    UserFactory(email="target@example.org")
    attempts = [
        client.post(reverse("account_login"), {"login": "target@example.org", "password": "wrong-guess"})
        for _ in range(6)
    ]

    response = client.post(reverse("account_login"), {"login": "target@example.org", "password": PASSWORD})

    assert [r.status_code for r in attempts[:5]] == [200] * 5
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_link(client, db):
    UserFactory(email="forgetful@example.org")

    response = client.post(reverse("account_reset_password"), {"email": "forgetful@example.org"})

    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_profile_edit_saves_and_switches_language(client, db):
    user = ApplicantFactory(preferred_language="en")
    client.force_login(user)
    data = {
        "full_name": "Nadia Haddad",
        "country": "TN",
        "organisation": "Commune de Sfax",
        "position": "Conseillère municipale",
        "preferred_language": "fr",
        "gender": "woman",
    }

    response = client.post(reverse("accounts:profile"), data, follow=True)

    user.refresh_from_db()
    assert (user.full_name, user.organisation, user.preferred_language) == (
        "Nadia Haddad",
        "Commune de Sfax",
        "fr",
    )
    assert "Votre profil a été enregistré." in response.content.decode()


def test_profile_edit_with_missing_name_keeps_typed_values(client, db):
    client.force_login(ApplicantFactory())

    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "",
            "country": "BO",
            "organisation": "Gobierno Autónomo Municipal de Sucre",
            "position": "Concejal",
            "preferred_language": "es",
            "gender": "",
        },
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["full_name"]
    assert "Gobierno Autónomo Municipal de Sucre" in response.content.decode()


def test_profile_requires_login(client, db):
    response = client.get(reverse("accounts:profile"))

    assert response["Location"] == f"{reverse('account_login')}?next={reverse('accounts:profile')}"


@pytest.mark.parametrize(("factory", "expected"), [(StaffFactory, True), (ApplicantFactory, False)])
def test_programme_staff_predicate(db, factory, expected):
    user = factory()

    assert is_programme_staff(user) is expected


def test_user_history_records_profile_changes(db):
    user = ApplicantFactory(position="Official")

    user.position = "Mayor"
    user.save()

    assert [h.position for h in user.history.order_by("history_date")][-2:] == ["Official", "Mayor"]


GENDER_OPTIONS = ["Not given", "Woman", "Man", "Non-binary / another gender", "Prefer not to say"]


def test_signup_dropdowns_name_their_empty_choice(client, db):
    response = client.get(reverse("account_signup"))

    assert select_options(response, "country")[:2] == ["Choose a country", "Afghanistan"]
    assert select_options(response, "gender") == GENDER_OPTIONS


def test_profile_dropdowns_name_their_empty_choice(client, db):
    client.force_login(ApplicantFactory(country="", gender=""))

    response = client.get(reverse("accounts:profile"))

    assert select_options(response, "country")[:2] == ["Choose a country", "Afghanistan"]
    assert select_options(response, "gender") == GENDER_OPTIONS


def test_signup_keeps_the_time_zone_the_browser_reported(client, db):
    client.post(reverse("account_signup"), {**SIGNUP, "time_zone": "America/La_Paz"})

    assert User.objects.get().time_zone == "America/La_Paz"


def test_signup_ignores_a_time_zone_the_server_does_not_know(client, db):
    response = client.post(reverse("account_signup"), {**SIGNUP, "time_zone": "Mars/Olympus_Mons"})

    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.get().time_zone == ""


def test_signup_page_has_the_hidden_time_zone_field_and_its_script(client, db):
    page = client.get(reverse("account_signup")).content.decode()

    assert '<input type="hidden" name="time_zone" data-detect-time-zone="" id="id_time_zone">' in page
    assert '<script src="/static/js/time-zone.js" defer></script>' in page
