"""Staff create and publish an intake with a rubric; a visitor then finds it in the catalogue."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from programmes.enums import PublicationStatus
from programmes.models import Intake
from tests.factories import PASSWORD, ProgrammeFactory, StaffFactory

# Playwright's event loop makes Django think it runs in async code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
def test_staff_publish_intake_with_rubric_and_visitor_finds_it(page, phone, live_server, login, transactional_db):
    staff = StaffFactory(email="ingrid@example.org", full_name="Ingrid Lindqvist")
    ProgrammeFactory(title="Leadership in Local Governance", slug="leadership")
    closes_on = (timezone.localdate() + timedelta(days=30)).isoformat()

    login(page, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/programmes/staff/")
    page.get_by_role("link", name="Leadership in Local Governance", exact=True).click()
    page.get_by_role("link", name="New intake").click()
    page.locator("#id_name_en").fill("East Africa 2027")
    page.locator("#id_time_zone").select_option("Africa/Nairobi")
    page.locator("#id_opens_on").fill("2020-01-06")
    page.locator("#id_closes_on").fill(closes_on)
    page.locator("#id_closes_time").fill("23:59")
    page.locator("#id_eligible_countries").select_option(["KE", "UG"])
    page.get_by_role("button", name="Save").click()
    # The rubric editor: fill one row, add a second without JavaScript's help, then save.
    page.locator("#id_criteria-0-name_en").fill("Relevance of the change project")
    page.locator("#id_criteria-0-weight").fill("60")
    page.get_by_role("button", name="Add another row").click()
    page.locator("#id_criteria-1-name_en").fill("Local commitment")
    page.locator("#id_criteria-1-weight").fill("40")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Publish", exact=True).click()
    page.get_by_role("button", name="Yes, publish").click()
    page.get_by_text("“East Africa 2027” is published.").wait_for()

    public = phone
    public.goto(f"{live_server.url}/programmes/")
    public.locator("#id_country").select_option("KE")
    public.locator("#id_window").select_option("open")
    public.get_by_role("button", name="Filter").click()
    public.get_by_role("link", name="East Africa 2027").click()
    deadline = public.get_by_test_id("deadline").inner_text()
    criteria = public.locator("table tbody tr").all_inner_texts()

    intake = Intake.objects.get(name="East Africa 2027")
    assert intake.status == PublicationStatus.PUBLISHED
    assert deadline.startswith(f"closes {intake.local(intake.closes_at):%-d %B %Y}, 23:59 EAT (in ")
    assert [" ".join(row.split()) for row in criteria] == [
        "Relevance of the change project 60%",
        "Local commitment 40%",
    ]
