"""Templates carry no inline JavaScript: behaviour lives in static/js/ (a strict CSP is coming)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATE_DIRS = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
TEMPLATES = sorted(p for d in TEMPLATE_DIRS for p in d.rglob("*.html"))
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE | re.DOTALL)


def inline_javascript(text: str) -> list[str]:
    return [m.group(0) for m in INLINE_SCRIPT.finditer(text)] + [m.group(0) for m in EVENT_HANDLER.finditer(text)]


def test_the_check_finds_inline_scripts_and_handlers():
    assert inline_javascript('<script>alert(1)</script><script src="/s.js"></script>') == ["<script>"]
    assert inline_javascript("<button class='b'\n onclick=\"return confirm('x')\">") != []
    assert inline_javascript('<button data-confirm="Sure?" data-online="1">') == []


def test_templates_are_found():
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_template_has_no_inline_javascript(path):
    assert inline_javascript(path.read_text()) == []
