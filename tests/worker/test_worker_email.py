from email import message_from_string

from portal.tasks import send_email


def test_real_worker_sends_queued_email(celery_worker_process, tmp_path):
    client, queue, start = celery_worker_process
    mail_dir = tmp_path / "mails"
    start(EMAIL_URL=f"filemail:///{mail_dir}")

    result = client.send_task(
        send_email.name,
        kwargs={"subject": "Application received", "body": "Thank you, Kisumu team.", "to": ["team@example.org"]},
        queue=queue,
    )

    assert result.get(timeout=60) == 1
    [written] = list(mail_dir.iterdir())
    message = message_from_string(written.read_text().split("-" * 79)[0])
    assert (message["Subject"], message["To"], message.get_payload().strip()) == (
        "Application received",
        "team@example.org",
        "Thank you, Kisumu team.",
    )
