import os
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from django.conf import settings
from django.db import connection

from applications.enums import ApplicationStatus
from applications.services import application_transition
from tests.factories import ApplicationFactory, TeamMemberFactory, UserFactory


def _database_url_for_worker() -> str:
    db = settings.DATABASES["default"]
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@pytest.mark.skipif(connection.vendor != "postgresql" and not os.environ.get("CI"), reason="needs PostgreSQL")
def test_real_worker_sends_submission_confirmation_from_database(celery_worker_process, tmp_path, transactional_db):
    if connection.vendor != "postgresql":
        pytest.fail("The worker end-to-end test runs on PostgreSQL in CI (DATABASE_URL).")
    client, queue, start = celery_worker_process
    mail_dir = tmp_path / "mails"
    application = ApplicationFactory(title="Ward budget hearings in Kisumu", complete=True)
    TeamMemberFactory(application=application, user=UserFactory(email="peter@example.org", preferred_language="fr"))
    change = application_transition(
        application=application, to=ApplicationStatus.SUBMITTED, by=application.contact_person, notify=False
    )
    # The worker reads the same (test) database the test wrote and committed to.
    start(EMAIL_URL=f"filemail:///{mail_dir}", DATABASE_URL=_database_url_for_worker())

    result = client.send_task("applications.send_status_email", args=[change.pk], queue=queue)

    result.get(timeout=60)
    # The file backend appends messages to a file per connection (names can repeat within a
    # second), each followed by a line of dashes.
    messages = [
        message_from_bytes(raw.lstrip(b"\n"))
        for path in sorted(mail_dir.iterdir())
        for raw in path.read_bytes().split(b"-" * 79)
        if raw.strip()
    ]
    recipients = sorted(m["To"] for m in messages)
    assert recipients == sorted([m.user.email for m in application.members.all()])
    french = next(m for m in messages if m["To"] == "peter@example.org")
    body = french.get_payload(decode=True).decode(french.get_content_charset())
    subject = str(make_header(decode_header(french["Subject"])))
    # Each member hears in their own language; the worker read the team from the database.
    assert subject.startswith("Votre candidature")
    assert "Projet de changement\u00a0: Ward budget hearings in Kisumu" in body  # French typography: nbsp
