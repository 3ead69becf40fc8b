"""Help and privacy: a contact address on every page and error page, a privacy notice where
personal data is collected, and a FAQ per intake."""

import re

from django.urls import reverse

from tests.factories import ApplicationFactory, IntakeFactory, ProgrammeFactory


def _contact(page):
    return re.findall(r'Questions\? Write to <a href="mailto:([^"]+)">', page)


def test_footer_names_the_portal_contact_where_no_programme_is_shown(client, db):
    page = client.get(reverse("portal:home")).content.decode()

    assert _contact(page) == ["programmes@example.org"]
    assert '<a href="/privacy/">Privacy</a>' in page


def test_intake_page_footer_names_its_programmes_contact(client, db):
    programme = ProgrammeFactory(contact_email="leadership@example.org")
    ProgrammeFactory(contact_email="other@example.org")
    intake = IntakeFactory(programme=programme)

    page = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk})).content.decode()

    assert _contact(page) == ["leadership@example.org"]


def test_404_page_gives_an_address_to_write_to(client, db, settings):
    settings.DEBUG = False
    settings.PORTAL_CONTACT_EMAIL = "help@example.org"

    page = client.get("/no-such-page/").content.decode()

    assert _contact(page) == ["help@example.org", "help@example.org"]


def test_500_page_gives_an_address_to_write_to(rf, settings):
    from portal.views import error_500

    settings.PORTAL_CONTACT_EMAIL = "help@example.org"

    page = error_500(rf.get("/")).content.decode()

    assert _contact(page) == ["help@example.org"]


def test_privacy_notice_where_personal_data_is_collected(client, db):
    application = ApplicationFactory()
    client.force_login(application.contact_person)
    member = application.members.get()
    pages = {
        "signup": reverse("account_signup"),
        "profile": reverse("accounts:profile"),
        "member details": reverse("applications:member_edit", kwargs={"pk": application.pk, "member_pk": member.pk}),
        "attachments": reverse("applications:attachments", kwargs={"pk": application.pk}),
        "home": reverse("portal:home"),
    }
    client_for = {"signup": client.__class__()}

    notices = {
        name: "Your personal data</h2>" in client_for.get(name, client).get(url).content.decode()
        for name, url in pages.items()
    }

    assert notices == {"signup": True, "profile": True, "member details": True, "attachments": True, "home": False}


def test_privacy_page_explains_and_names_the_address(client, db):
    page = client.get(reverse("portal:privacy")).content.decode()

    assert '<h1 class="h3">Your personal data</h1>' in page
    assert 'write to <a href="mailto:programmes@example.org">programmes@example.org</a>' in page


def test_intake_page_shows_the_faq_staff_wrote(client, db):
    intake = IntakeFactory(faq="## Can a region apply?\n\nYes, with its municipalities.")
    other = IntakeFactory(programme=intake.programme)

    page = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk})).content.decode()
    other_page = client.get(reverse("programmes:intake_detail", kwargs={"pk": other.pk})).content.decode()

    assert re.findall(r"<h2>(.*?)</h2>\s*<p>(.*?)</p>", page) == [
        ("Can a region apply?", "Yes, with its municipalities.")
    ]
    assert "Questions and answers" not in other_page
