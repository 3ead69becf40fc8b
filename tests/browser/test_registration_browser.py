import re

from django.core import mail

from accounts.models import User


def test_newcomer_registers_verifies_email_logs_in_and_sees_dashboard(page, live_server, transactional_db, logout):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Register").click()
    page.get_by_label("E-mail").fill("olga.petrenko@example.org")
    page.get_by_label("Full name").fill("Ольга Петренко")
    page.get_by_label("Country").select_option("UA")
    page.get_by_label("Organisation").fill("Lviv City Council")
    page.get_by_label("Position").fill("Head of Citizen Participation")
    page.locator("#id_password1").fill("dialogue-with-citizens-2027")
    page.locator("#id_password2").fill("dialogue-with-citizens-2027")
    page.get_by_role("button", name="Register").click()
    page.get_by_role("heading", name="Verify your e-mail address").wait_for()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    # Confirming logs the newcomer in; log out and back in as a returning user would.
    logout(page)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail").fill("olga.petrenko@example.org")
    page.locator("#id_password").fill("dialogue-with-citizens-2027")
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("heading", name="Welcome, Ольга Петренко").wait_for()
    assert page.url == f"{live_server.url}/dashboard/"
    assert User.objects.get(email="olga.petrenko@example.org").full_name == "Ольга Петренко"
