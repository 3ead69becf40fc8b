"""A real Celery worker against Redis, for end-to-end tests of background work.

The worker runs in its own process with the production settings module, a private queue and
the given environment; the test sends tasks to that queue and waits for their results.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery import Celery

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("CELERY_TEST_BROKER_URL", "redis://127.0.0.1:6379/15")


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping())
    except redis.exceptions.ConnectionError:
        return False


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/worker/" in str(item.fspath):
            item.add_marker(pytest.mark.worker)


@pytest.fixture
def celery_worker_process(tmp_path, django_db_blocker):
    """Yield (client app, private queue, start); start(**env) boots a worker on that queue."""
    if not _redis_up():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {BROKER}; .ci/run starts it.")
        pytest.skip(f"Redis is not reachable at {BROKER}")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    processes = []

    def start(**env):
        clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
        proc = subprocess.Popen(  # noqa: S603 - our own worker command
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "-Q",
                queue,
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env={
                **clean,
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "CELERY_BROKER_URL": BROKER,
                "CELERY_RESULT_BACKEND": BROKER,
                "CELERY_TASK_ALWAYS_EAGER": "false",
                **env,
            },
            stdout=open(tmp_path / "worker.log", "w"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
        )
        processes.append(proc)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if "ready." in (tmp_path / "worker.log").read_text():
                return proc
            if proc.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError("Celery worker did not start:\n" + (tmp_path / "worker.log").read_text())

    # The test's side talks to the worker through its own client app, leaving the portal's
    # app (eager in tests) untouched.
    # set_as_current=False: otherwise shared tasks would bind to this client (not the portal's eager
    # app) in every later test of the same process, and queue to a closed connection.
    client = Celery("portal-test-client", broker=BROKER, backend=BROKER, set_as_current=False)
    yield client, queue, start

    for proc in processes:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    client.close()
    # A test without database access still started workers that connect: look with the blocker lifted.
    with django_db_blocker.unblock():
        wait_until_workers_left_the_database()


def wait_until_workers_left_the_database(timeout=30):
    """The test database is dropped at the end of the session: no worker may still be connected.

    A worker's process can be gone a moment before PostgreSQL ends its session; every worker test
    waits here, not only the one that kills workers.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    connection.ensure_connection()  # a test without database access has none open yet
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0 or time.monotonic() > deadline:
                return
            time.sleep(0.2)
