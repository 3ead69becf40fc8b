"""The Content-Security-Policy blocks nothing the portal itself does: no violation on its pages."""

import os

import pytest

from tests.factories import ApplicationFactory, StaffFactory
from tests.factories.accounts import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _watch(page) -> list[str]:
    problems = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


@pytest.mark.browser
def test_pages_load_with_no_csp_violation(page, live_server, login, transactional_db):
    application = ApplicationFactory(complete=True)
    problems = _watch(page)
    page.goto(f"{live_server.url}/")
    page.goto(f"{live_server.url}/programmes/")

    login(page, application.contact_person.email, PASSWORD)
    for path in ["dashboard/", f"applications/{application.pk}/", f"applications/{application.pk}/outline/problem/"]:
        page.goto(f"{live_server.url}/{path}")
    page.locator("textarea").first.fill("Residents are not heard.")  # outline.js counts the words
    page.goto(f"{live_server.url}/accounts/2fa/totp/activate/")
    page.context.clear_cookies()
    login(page, StaffFactory().email, PASSWORD)
    page.goto(f"{live_server.url}/applications/staff/intake/{application.intake_id}/")

    header = page.goto(f"{live_server.url}/dashboard/").headers["content-security-policy"]
    assert "script-src 'self';" in header + ";"
    assert "frame-ancestors 'none'" in header
    assert problems == []
