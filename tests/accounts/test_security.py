"""Second factor, throttled logins without lockout, the admin login, sessions and re-authentication."""

import time

import pytest
from django.core import mail
from django.urls import reverse

from portal.security import SESSION_SEEN_KEY, SESSION_STARTED_KEY
from tests.factories import (
    PASSWORD,
    ApplicantFactory,
    DecisionFactory,
    IntakeFactory,
    ReviewerFactory,
    StaffFactory,
    UserFactory,
    totp_activate,
    totp_code,
)

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def login(client, email, password=PASSWORD, ip="192.0.2.10"):
    return client.post(LOGIN, {"login": email, "password": password}, REMOTE_ADDR=ip)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# --- Second factor ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "make_user",
    [
        pytest.param(lambda: StaffFactory(), id="programme staff"),
        pytest.param(lambda: ReviewerFactory(), id="reviewer"),
        pytest.param(lambda: UserFactory(is_superuser=True, is_staff=True), id="superuser"),
    ],
)
def test_privileged_user_without_second_factor_reaches_only_the_set_up_page(client, make_user):
    user = make_user()

    response = login(client, user.email)

    assert response.status_code == 302
    assert logged_in(client)
    dashboard = client.get(reverse("portal:dashboard"))
    assert (dashboard.status_code, dashboard["Location"]) == (302, reverse("mfa_index"))
    assert client.get(reverse("selection:intake_list")).status_code == 302
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_applicant_without_second_factor_uses_the_portal_and_is_offered_one(client):
    applicant = ApplicantFactory()

    login(client, applicant.email)

    assert client.get(reverse("portal:dashboard")).status_code == 200
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_staff_sets_up_an_authenticator_app_then_works(client):
    """Real commits: allauth announces the new authenticator once the transaction commits."""
    staff = StaffFactory()
    login(client, staff.email)
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert list(staff.authenticator_set.values_list("type", flat=True).order_by("type")) == [
        "recovery_codes",
        "totp",
    ]
    assert client.get(reverse("portal:dashboard")).status_code == 200


def test_staff_with_authenticator_is_asked_for_the_code_and_a_real_code_lets_them_in(client):
    staff = StaffFactory()
    secret = totp_activate(staff)

    response = login(client, staff.email)

    assert response["Location"] == reverse("mfa_authenticate")
    assert not logged_in(client)
    assert client.post(reverse("mfa_authenticate"), {"code": "000000"}).status_code == 200
    assert not logged_in(client)
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert logged_in(client)
    assert client.get(reverse("selection:intake_list")).status_code == 200


# --- The admin's login is the portal's login ---------------------------------------------


def test_admin_login_accepts_no_password_and_sends_people_to_the_portal_login(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)

    answers = [
        client.post("/admin/login/", {"username": superuser.email, "password": f"wrong-{i}"}).status_code
        for i in range(30)
    ]
    right = client.post("/admin/login/", {"username": superuser.email, "password": PASSWORD})

    assert answers == [302] * 30
    assert right["Location"].startswith(f"{LOGIN}?next=")
    assert not logged_in(client)


def test_admin_password_guessing_is_throttled_like_every_login(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)

    for i in range(5):
        login(client, superuser.email, f"wrong-{i}")
    response = login(client, superuser.email)

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert not logged_in(client)


# --- Throttling without lockout ---------------------------------------------------------


def test_owner_from_another_address_logs_in_while_an_attacker_hammers_the_account(client):
    owner = ApplicantFactory()
    for i in range(30):
        login(client, owner.email, f"guess-{i}", ip="203.0.113.66")

    response = login(client, owner.email, ip="198.51.100.7")

    assert response.status_code == 302
    assert logged_in(client)


def test_behind_the_proxy_each_visitor_is_limited_by_their_own_address(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    owner = ApplicantFactory()
    for i in range(30):
        client.post(
            LOGIN,
            {"login": owner.email, "password": f"guess-{i}"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )

    response = client.post(
        LOGIN, {"login": owner.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )

    assert response.status_code == 302
    assert logged_in(client)


def test_one_address_trying_many_accounts_is_slowed_but_others_behind_it_are_not_blocked_after_ten(client):
    people = ApplicantFactory.create_batch(3)
    for person in people:
        for i in range(4):
            login(client, person.email, f"guess-{i}", ip="192.0.2.99")

    # Twelve failures a minute from one address (a shared office, one proxy) block nobody.
    response = login(client, ApplicantFactory().email, ip="192.0.2.99")

    assert response.status_code == 302


def test_account_attacked_from_many_addresses_cools_off_and_owner_logs_in_with_an_emailed_code(client):
    owner = ApplicantFactory()
    for address in range(5):
        for i in range(4):
            login(client, owner.email, f"guess-{i}", ip=f"203.0.113.{address}")

    refused = login(client, owner.email, ip="198.51.100.7")
    assert "Too many failed login attempts" in refused.content.decode()
    mail.outbox.clear()

    client.post(reverse("account_request_login_code"), {"email": owner.email}, REMOTE_ADDR="198.51.100.7")
    [message] = mail.outbox
    lines = [line.strip() for line in message.body.splitlines() if line.strip()]
    code = lines[lines.index(next(line for line in lines if "sign-in code" in line)) + 1]
    client.post(reverse("account_confirm_login_code"), {"code": code}, REMOTE_ADDR="198.51.100.7")

    assert logged_in(client)


# --- Sessions ---------------------------------------------------------------------------


def _age_session(client, *, idle: int, started: int | None = None):
    session = client.session
    now = int(time.time())
    session[SESSION_SEEN_KEY] = now - idle
    session[SESSION_STARTED_KEY] = now - (started if started is not None else idle)
    session.save()


def test_staff_are_signed_out_after_thirty_idle_minutes(client):
    client.force_login(StaffFactory())
    client.get(reverse("portal:dashboard"))
    _age_session(client, idle=31 * 60)

    response = client.get(reverse("portal:dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert not logged_in(client)


def test_applicants_keep_their_session_after_thirty_idle_minutes_but_not_after_four_hours(client):
    client.force_login(ApplicantFactory())
    _age_session(client, idle=31 * 60)
    assert client.get(reverse("portal:dashboard")).status_code == 200

    _age_session(client, idle=4 * 3600 + 60)
    assert client.get(reverse("portal:dashboard")).status_code == 302
    assert not logged_in(client)


def test_every_session_ends_twelve_hours_after_login_however_active(client):
    client.force_login(ApplicantFactory())
    _age_session(client, idle=10, started=12 * 3600 + 1)

    assert client.get(reverse("portal:dashboard")).status_code == 302
    assert not logged_in(client)


def test_private_pages_are_not_stored_by_browsers_or_proxies(client):
    assert "no-store" not in client.get(reverse("portal:home")).get("Cache-Control", "")
    client.force_login(ApplicantFactory())

    response = client.get(reverse("portal:dashboard"))

    assert set(response["Cache-Control"].replace(" ", "").split(",")) >= {"private", "no-store"}


# --- Re-authentication before releasing decisions ---------------------------------------


def _authenticated_minutes_ago(client, minutes: int):
    session = client.session
    records = session["account_authentication_methods"]
    for record in records:
        record["at"] -= minutes * 60
    session["account_authentication_methods"] = records
    session.save()


def test_releasing_decisions_needs_an_authentication_in_the_last_fifteen_minutes(client):
    intake = IntakeFactory()
    decision = DecisionFactory(unreleased=True, application__intake=intake)
    client.force_login(StaffFactory())
    _authenticated_minutes_ago(client, 20)
    url = reverse("selection:release", args=[intake.pk])

    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    decision.application.refresh_from_db()
    assert decision.application.status == "accepted_pending"


def test_changing_roles_in_the_admin_needs_a_recent_authentication(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    person = ApplicantFactory()
    client.force_login(superuser)
    _authenticated_minutes_ago(client, 20)
    url = reverse("admin:accounts_user_change", args=[person.pk])

    page = client.get(url)
    response = client.post(url, {"email": person.email, "is_staff": "on", "is_superuser": "on"})

    assert page.status_code == 200
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    person.refresh_from_db()
    assert (person.is_staff, person.is_superuser) == (False, False)


def test_the_profile_offers_two_factor_authentication_to_everyone(client):
    client.force_login(ApplicantFactory())

    page = client.get(reverse("accounts:profile")).content.decode()

    assert f'<a href="{reverse("mfa_index")}">Two-factor authentication</a>' in page
