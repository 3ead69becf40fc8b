from django.urls import reverse

from tests.factories import ApplicantFactory, StaffFactory


def test_home_is_public_with_login_link(client, db):
    response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    assert response.context["user"].is_anonymous
    assert f'href="{reverse("account_login")}"' in response.content.decode()


def test_dashboard_requires_login(client, db):
    response = client.get(reverse("portal:dashboard"))

    assert response["Location"] == f"{reverse('account_login')}?next={reverse('portal:dashboard')}"


def test_dashboard_tells_applicant_what_is_missing_from_profile(client, db):
    client.force_login(ApplicantFactory(full_name="Grace Wanjiru", organisation="", position=""))

    response = client.get(reverse("portal:dashboard"))

    page = response.content.decode()
    assert "Welcome, Grace Wanjiru" in page
    assert "Your profile is missing: organisation, position." in page


def test_staff_nav_shows_staff_links_only_to_staff(client, db):
    client.force_login(ApplicantFactory())
    applicant_nav = [str(item.label) for item in client.get(reverse("portal:dashboard")).context["nav_items"]]
    client.force_login(StaffFactory())

    staff_nav = [str(item.label) for item in client.get(reverse("portal:dashboard")).context["nav_items"]]

    assert "Manage programmes" not in applicant_nav
    assert "Manage programmes" in staff_nav


def test_unknown_page_is_friendly_404(client, db, settings):
    settings.DEBUG = False

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_base_layout_has_skip_link_landmarks_and_language_switcher(client, db):
    page = client.get(reverse("portal:home")).content.decode()

    assert '<a class="visually-hidden-focusable skip-link" href="#main">Skip to main content</a>' in page
    assert '<main id="main"' in page
    assert '<label class="visually-hidden" for="language-select">Language</label>' in page
    assert 'lang="fr"' in page and 'lang="es"' in page and 'lang="pt"' in page


def test_pages_load_no_third_party_assets(client, db):
    page = client.get(reverse("portal:home")).content.decode()

    assert "http://" not in page.replace("http://www.w3.org", "")
    assert "https://" not in page


def test_language_switcher_shows_page_in_spanish(client, db):
    client.post(reverse("set_language"), {"language": "es", "next": "/"})

    page = client.get(reverse("portal:home")).content.decode()

    assert '<html lang="es">' in page
    assert "Ir al contenido principal" in page


def test_server_error_page_is_friendly_and_needs_no_database(rf):
    from portal.views import error_500

    response = error_500(rf.get("/"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_forbidden_page_is_friendly(rf, db):
    from django.contrib.auth.models import AnonymousUser

    from portal.views import error_403

    request = rf.get("/")
    request.user = AnonymousUser()

    response = error_403(request)

    assert response.status_code == 403
    assert "You cannot do that with this account" in response.content.decode()


def test_dashboard_greets_by_full_name_whatever_the_name_order(client, db):
    client.force_login(ApplicantFactory(full_name="Nguyễn Thị Lan"))

    response = client.get(reverse("portal:dashboard"))

    assert "Welcome, Nguyễn Thị Lan" in response.content.decode()


def test_staff_dashboard_has_no_empty_applications_invitation(client, db):
    client.force_login(StaffFactory())

    response = client.get(reverse("portal:dashboard"))

    assert "Your applications" not in [str(p.title) for p in response.context["panels"]]
