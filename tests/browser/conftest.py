"""Shared fixtures for the browser tests: Debian's Chromium driven by Playwright.

Playwright's own browser download does not work on our machines, so we launch the system
chromium. Playwright runs an event loop in the test thread, which makes Django believe it is
in async code; the tests only touch the database from that thread in between page actions.
"""

import os
import shutil
import time
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run installs Debian's chromium package.")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def phone(browser):
    """A second, separate browser session on a phone-sized screen (its own cookies)."""
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def login(live_server):
    """Log a user in through the real login form."""

    def _login(page, email, password):
        from accounts.models import User
        from portal.security import is_privileged
        from tests.factories import totp_activate, totp_code

        user = User.objects.get(email=email)
        secret = None
        if is_privileged(user):
            # Staff and reviewers need a second factor: an authenticator app set up for them.
            user.authenticator_set.all().delete()
            secret = totp_activate(user)
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("E-mail").fill(email)
        page.locator("#id_password").fill(password)
        page.get_by_role("button", name="Log in").click()
        if secret is not None:
            # allauth accepts only the current 30-second step: a code read in a step's last seconds
            # can reach the server in the next one and be refused (seen on a loaded machine).
            from allauth.mfa import app_settings as mfa_settings

            left = mfa_settings.TOTP_PERIOD - time.time() % mfa_settings.TOTP_PERIOD
            if left < 6:
                time.sleep(left + 0.1)
            page.locator("#id_code").fill(totp_code(secret))
            page.locator("#id_code").press("Enter")
            page.wait_for_url(lambda url: "/accounts/2fa/" not in url)

    return _login


@pytest.fixture
def logout():
    """Log out through the account menu (under the person's name, at the end of the bar)."""

    def _logout(page):
        page.locator("#nav-account").click()
        page.get_by_role("button", name="Log out").click()

    return _logout
