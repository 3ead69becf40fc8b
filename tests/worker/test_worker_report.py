import os

import pytest
from django.db import connection

from reports.enums import JobStatus, ReportKind
from reports.models import ReportJob
from tests.factories import StaffFactory
from tests.reports.pdf import job_text

from .test_worker_application_email import _database_url_for_worker


@pytest.mark.skipif(connection.vendor != "postgresql" and not os.environ.get("CI"), reason="needs PostgreSQL")
def test_real_worker_makes_the_dossier_from_the_database(
    celery_worker_process,
    scored_intake,
    settings,
    transactional_db,
):
    if connection.vendor != "postgresql":
        pytest.fail("The worker end-to-end test runs on PostgreSQL in CI (DATABASE_URL).")
    client, queue, start = celery_worker_process
    job = ReportJob.objects.create(
        kind=ReportKind.DOSSIER, intake=scored_intake["intake"], requested_by=StaffFactory(full_name="Sara Staff")
    )
    # The worker reads the test database and writes the file where this test reads it back.
    start(DATABASE_URL=_database_url_for_worker(), MEDIA_ROOT=str(settings.MEDIA_ROOT))

    client.send_task("reports.make_report", args=[job.pk], queue=queue).get(timeout=120)

    job.refresh_from_db()
    assert (job.status, job.progress, job.attempts) == (JobStatus.DONE, 100, 1)
    text = job_text(job)
    assert text.index("1. Open budget hearings in Kisumu") < text.index("2. Citizen panels in Maputo")
    assert "Ada Reviewer — total 100.00" in text
    assert "Asked for by: Sara Staff" in text
