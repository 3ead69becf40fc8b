#!/usr/bin/env python
"""How heavy is the application form on a cold visit, on the wire, with production settings?

Builds a throwaway production-like site (DEBUG off, collectstatic with whitenoise's
compressed manifest storage, the demo data on a temporary SQLite database), serves it with
gunicorn, logs in as the demo applicant and fetches the first outline section of their
application the way a browser with an empty cache does: the HTML, then every stylesheet and
script it links, each accepting brotli and gzip. Prints each response's bytes on the wire
(headers + body as sent) and the total; exits 1 if the total is 60 KB or more.

    make weight        (or: .venv/bin/python bench/weight.py)
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

BASE = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LIMIT = 60_000
ACCEPT_ENCODING = "br, gzip"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """A minimal browser: keeps cookies by hand (they are Secure; the proxy header says HTTPS)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "Accept-Encoding": ACCEPT_ENCODING,
            "Referer": f"https://127.0.0.1:{self.port}/accounts/login/",
            **(headers or {}),
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        raw = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        header_bytes = len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + sum(
            len(f"{k}: {v}\r\n") for k, v in response.getheaders()
        )
        connection.close()
        return response, raw, header_bytes


def _decoded(response, raw: bytes) -> str:
    encoding = response.getheader("Content-Encoding", "")
    if encoding == "br":
        import brotli

        raw = brotli.decompress(raw)
    elif encoding == "gzip":
        import gzip

        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "STATIC_ROOT": f"{folder}/static",
            "MEDIA_ROOT": f"{folder}/media",
            "ALLOWED_HOSTS": "127.0.0.1",
            "CELERY_BROKER_URL": "",
            "LOG_LEVEL": "WARNING",
        }
        manage = [PYTHON, str(BASE / "manage.py")]
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["demo"]):
            subprocess.run([*manage, *command], env=env, cwd=BASE, check=True, capture_output=True)
        application_pk = (
            subprocess.run(
                [
                    *manage,
                    "shell",
                    "-c",
                    "from applications.models import Application as A;"
                    "print(A.objects.filter(contact_person__email='applicant@example.org').order_by('pk').first().pk)",
                ],
                env=env,
                cwd=BASE,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )  # Django's shell may print a line about its imports first
        port = _free_port()
        server = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "config.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "1",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=BASE,
        )
        try:
            return _measure(port, application_pk)
        finally:
            server.terminate()
            server.wait(timeout=10)


def _measure(port: int, application_pk: str) -> int:
    client = Client(port)
    for _ in range(600):
        try:
            _response, raw, _headers = client.request("GET", "/accounts/login/")
            break
        except OSError:
            time.sleep(0.1)
    else:
        raise SystemExit("gunicorn did not start")
    response, raw, _ = client.request("GET", "/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', _decoded(response, raw)).group(1)
    response, _raw, _ = client.request(
        "POST",
        "/accounts/login/",
        body=urlencode({"login": "applicant@example.org", "password": "portal-demo", "csrfmiddlewaretoken": token}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    if response.status != 302:
        raise SystemExit(f"login failed ({response.status})")

    page = f"/applications/{application_pk}/outline/problem/"
    rows = []
    response, raw, headers = client.request("GET", page)
    if response.status != 200:
        raise SystemExit(f"{page} answered {response.status}")
    html = _decoded(response, raw)
    rows.append((page, len(_decoded(response, raw).encode()), headers + len(raw), response))
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)
    for asset in assets:
        response, raw, headers = client.request("GET", asset)
        rows.append((asset, len(_decoded(response, raw).encode()), headers + len(raw), response))

    print(f"{'resource':62} {'raw':>8} {'on wire':>8}  encoding  cache")
    for path, size, wire, response in rows:
        cache = response.getheader("Cache-Control", "")
        encoding = response.getheader("Content-Encoding", "none")
        print(f"{path[:62]:62} {size:8,} {wire:8,}  {encoding:8}  {cache}")
    total_raw = sum(row[1] for row in rows)
    total = sum(row[2] for row in rows)
    print(f"{'total (cold visit, ' + str(len(rows)) + ' requests)':62} {total_raw:8,} {total:8,}")
    print(f"limit {LIMIT:,} bytes: {'OK' if total < LIMIT else 'TOO HEAVY'}")
    return 0 if total < LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
