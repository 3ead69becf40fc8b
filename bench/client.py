"""An HTTP client that logs in through the real login page, as a browser behind a TLS proxy would."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
import time
from urllib.parse import urljoin, urlsplit

import requests

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def prepare(session: requests.Session, base: str) -> requests.Session:
    """Make `session` (a requests or locust session) talk to the portal at `base` like a browser behind TLS.

    The portal marks its cookies Secure; on loopback they travel over plain HTTP all the same, so the
    flag is dropped before each request (requests rebuilds the jar per request, so a cookie policy
    would not stick). Follow no redirects with it: requests drops Secure cookies on those.
    """
    original = session.prepare_request

    def prepare_request(request):
        for cookie in session.cookies:
            cookie.secure = False
        return original(request)

    session.prepare_request = prepare_request
    parts = urlsplit(base)
    session.headers.update({"X-Forwarded-Proto": "https", "Origin": f"https://{parts.netloc}"})
    return session


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 code (SHA-1, 30 s, 6 digits) for a base-32 secret."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def _csrf(response) -> str:
    match = CSRF_FIELD.search(response.text)
    if not match:
        raise RuntimeError(f"no CSRF token on {response.url}")
    return match.group(1)


def login(session: requests.Session, base: str, *, email: str, password: str, totp_secret: str = "", **kwargs) -> None:
    """Log in through allauth's page; answer the second-factor step with a TOTP code when asked."""
    url = urljoin(base, "/accounts/login/")
    page = session.get(url, **kwargs)
    response = session.post(
        url,
        data={"login": email, "password": password, "csrfmiddlewaretoken": _csrf(page)},
        headers={"Referer": url},
        allow_redirects=False,
        **kwargs,
    )
    location = response.headers.get("Location", "")
    if "2fa" in location:
        step = urljoin(base, location)
        page = session.get(step, **kwargs)
        response = session.post(
            step,
            data={"code": totp(totp_secret), "csrfmiddlewaretoken": _csrf(page)},
            headers={"Referer": step},
            allow_redirects=False,
            **kwargs,
        )
        location = response.headers.get("Location", "")
    if response.status_code != 302 or "login" in location:
        raise RuntimeError(f"login as {email} failed: {response.status_code} {location}")
