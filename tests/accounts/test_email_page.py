"""The e-mail addresses page: removing an address takes a second, explicit step."""

from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.factories import ApplicantFactory
from tests.programmes.html import alerts, texts_by_tag, texts_by_testid


def test_email_page_lists_addresses_with_sentence_case_headings(client, db):
    user = ApplicantFactory(email="amina@example.org")
    EmailAddress.objects.create(user=user, email="amina@work.example.org", verified=False)
    client.force_login(user)

    response = client.get(reverse("account_email"))

    assert texts_by_tag(response, "h1") == ["E-mail addresses"]
    assert texts_by_tag(response, "h2") == ["Add an e-mail address"]
    assert texts_by_testid(response, "email-address") == [
        "amina@example.org Verified Primary",
        "amina@work.example.org Unverified Send the verification e-mail again "
        "Remove this address… amina@work.example.org "
        "Remove amina@work.example.org from your account? You will no longer be able to log in with it. "
        "Yes, remove this address",
    ]


def test_email_page_primary_address_offers_no_removal(client, db):
    client.force_login(ApplicantFactory(email="only@example.org"))

    response = client.get(reverse("account_email"))

    assert texts_by_testid(response, "remove-email") == []
    assert 'name="action_remove"' not in response.content.decode()


def test_email_remove_button_sits_inside_a_closed_disclosure(client, db):
    user = ApplicantFactory(email="amina@example.org")
    EmailAddress.objects.create(user=user, email="old@example.org", verified=True)
    client.force_login(user)

    html = client.get(reverse("account_email")).content.decode()

    disclosure = html[html.index('<details class="mt-2" data-testid="remove-email">') : html.index("</details>")]
    assert html.count('name="action_remove"') == disclosure.count('name="action_remove"') == 1
    assert '<input type="hidden" name="email" value="old@example.org">' in disclosure


def test_email_remove_confirmed_removes_only_that_address(client, db):
    user = ApplicantFactory(email="amina@example.org")
    EmailAddress.objects.create(user=user, email="old@example.org", verified=True)
    client.force_login(user)

    response = client.post(reverse("account_email"), {"email": "old@example.org", "action_remove": ""}, follow=True)

    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == ["amina@example.org"]
    assert alerts(response) == ["Removed email address old@example.org."]
    assert texts_by_testid(response, "email-address") == ["amina@example.org Verified Primary"]
