import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="a-production-secret-with-plenty-of-entropy-6f1e0c9b8a7d5e4f3a2b1c0d",
        ALLOWED_HOSTS="portal.example.org",
        DATABASE_URL="postgres://portal:secret@db.example.org:5432/portal",
        CELERY_BROKER_URL="redis://redis.example.org:6379/0",
        EMAIL_URL="smtp+tls://mailer:secret@smtp.example.org:587",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_default_settings_run_without_any_services():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.DEBUG)",
        DATABASE_URL="",
        CELERY_BROKER_URL="",
    )

    assert result.stdout.strip().splitlines()[-1] == "django.db.backends.sqlite3 True True"


def test_files_go_to_an_s3_bucket_when_one_is_configured():
    show = "from django.conf import settings; s = settings.STORAGES['default']; print(s['BACKEND'], s.get('OPTIONS'))"

    local = run_manage("shell", "--no-imports", "-c", show)
    s3 = run_manage(
        "shell", "--no-imports", "-c", show, S3_BUCKET="portal-files", S3_ENDPOINT_URL="https://s3.example.org"
    )

    assert local.stdout.strip() == "django.core.files.storage.FileSystemStorage None"
    backend, options = s3.stdout.strip().split(" ", 1)
    assert backend == "storages.backends.s3.S3Storage"
    assert "'bucket_name': 'portal-files'" in options
    assert "'endpoint_url': 'https://s3.example.org'" in options
    assert "'default_acl': 'private'" in options


@pytest.mark.parametrize(
    "secret_key",
    [
        pytest.param(None, id="not set"),
        pytest.param("", id="empty"),
        pytest.param("dev-only-insecure-key-change-me-in-production-0123456789", id="the published development key"),
        pytest.param("short-key", id="too short"),
    ],
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    env = {"DEBUG": "false", "ALLOWED_HOSTS": "portal.example.org"}
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key

    result = run_manage("check", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set to a random value" in result.stderr


def test_trusted_proxy_count_comes_from_the_environment():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.ALLAUTH_TRUSTED_PROXY_COUNT)",
        ALLAUTH_TRUSTED_PROXY_COUNT="1",
    )

    assert result.stdout.strip().splitlines()[-1] == "1"


def test_a_dead_workers_task_comes_back_before_any_task_could_still_be_running():
    from django.conf import settings

    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] > settings.CELERY_TASK_TIME_LIMIT
    assert (settings.CELERY_TASK_ACKS_LATE, settings.CELERY_TASK_REJECT_ON_WORKER_LOST) == (True, True)
    assert (settings.CELERY_WORKER_PREFETCH_MULTIPLIER, settings.EMAIL_TIMEOUT) == (1, 20)
