"""Security headers on every page: a strict Content-Security-Policy, no framing, no sniffing."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_that_allows_only_our_own_scripts(client):
    response = client.get(reverse("portal:home"))
    directives = dict(
        [*part.strip().split(" ", 1), ""][:2] for part in response["Content-Security-Policy"].split(";") if part.strip()
    )

    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in directives["default-src"] + directives["script-src"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert (response["X-Frame-Options"], response["X-Content-Type-Options"]) == ("DENY", "nosniff")


def test_no_template_has_inline_scripts_or_event_handlers():
    """script-src 'self' blocks them: behaviour goes in static/js with data-* attributes."""
    inline = re.compile(r"\son[a-z]+\s*=|<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
    offenders = sorted(
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in TEMPLATES.rglob("*.html")
        if "/pdf/" not in str(path)
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if inline.search(line)
    )

    assert offenders == []
