"""gunicorn on loopback with production settings, for the benchmarks (DEBUG off, Server-Timing on)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(static_root: str) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        # Loopback is plain HTTP; the clients say "https" in X-Forwarded-Proto, as a proxy would.
        SECURE_SSL_REDIRECT="false",
        PORTAL_SERVER_TIMING="true",
        STATIC_ROOT=static_root,
        LOG_LEVEL="WARNING",
        SECRET_KEY=env.get("SECRET_KEY") or "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    )
    return env


@contextlib.contextmanager
def gunicorn(*, workers: int = 2, threads: int = 1, port: int | None = None):
    """Migrate, collect static files into a temporary folder, start gunicorn, wait for /healthz, yield its base URL."""
    port = port or _free_port()
    with tempfile.TemporaryDirectory(prefix="bench-static-") as static_root:
        env = server_env(static_root)
        # The code may have moved on since the seed: bring the schema along first.
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers),
            "--threads", str(threads),
            "--log-level", "warning",
            # A slow page on a loaded machine is measured, not cut off after gunicorn's default 30 s.
            "--timeout", "120",
            # Idle connections stay open longer than a simulated person's 1-3 s of thinking: with gunicorn's
            # default 2 s the server closes a connection just as the client reuses it ("connection aborted",
            # a status-0 error browsers retry silently and the load test counts).
            "--keep-alive", "5",
        ]  # fmt: skip
        process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - our own server command
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{base}/healthz", process)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:  # workers still busy with requests a load test left behind
                process.kill()
                process.wait(timeout=30)


def _wait_for(url: str, process, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped before answering")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own loopback URL
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")
