"""Staff ask for the application dossier, watch it being made without reloading, and download it."""

import os
import threading

import pytest

from reports import builders, tasks
from reports.models import ReportJob
from reports.services import report_make
from tests.factories import StaffFactory
from tests.factories.accounts import PASSWORD
from tests.reports.pdf import pdf_text

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
def test_staff_ask_for_the_dossier_watch_it_and_download_it(
    page,
    live_server,
    login,
    scored_intake,
    transactional_db,
    monkeypatch,
):
    staff = StaffFactory(email="manager@example.org")
    queued = []
    # A worker that has not picked the job up yet: the page must show it waiting, then follow it.
    monkeypatch.setattr(tasks.make_report, "delay", queued.append)
    intake = scored_intake["intake"]
    halfway, go_on = threading.Event(), threading.Event()
    real_render = builders.render

    def slow_render(job, data, *, progress=None):
        progress(50)
        halfway.set()
        go_on.wait(timeout=30)
        return real_render(job, data, progress=progress)

    monkeypatch.setattr(builders, "render", slow_render)

    login(page, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/reports/")
    page.get_by_role("link", name=f"{intake.programme.title} — {intake.name}").click()
    page.get_by_text("No report has been made for this intake yet.").wait_for()
    page.get_by_test_id("request-dossier").click()
    page.get_by_text("Waiting for a worker to start").wait_for()
    worker = threading.Thread(target=report_make, kwargs={"job_id": queued[0]})
    worker.start()
    halfway.wait(timeout=30)
    page.get_by_text("Being made: 50 %").wait_for()
    go_on.set()
    worker.join()
    with page.expect_download() as download_info:
        page.get_by_test_id("download").click()  # appears through htmx polling, no reload

    path = download_info.value.path()
    text = pdf_text(open(path, "rb").read())  # noqa: SIM115 - the browser's temporary file
    assert download_info.value.suggested_filename == ReportJob.objects.get().file_name
    assert "Ada Reviewer — total 100.00" in text
    assert page.get_by_role("status").get_by_text("Ready", exact=True).is_visible()
