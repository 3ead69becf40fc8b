"""The portal ships a subset of Bootstrap's CSS (`make css`); it must hold every class a template uses."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
FULL = BASE / "assets" / "bootstrap" / "bootstrap.min.css"
SUBSET = BASE / "static" / "vendor" / "bootstrap" / "bootstrap.portal.min.css"
CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
TEMPLATE_TAG = re.compile(r"\{[{%#].*?[}%#]\}", re.S)


def _classes_in_css(path):
    return set(CLASS_SELECTOR.findall(path.read_text(encoding="utf-8")))


def _classes_in_templates():
    found = set()
    for template in [*BASE.glob("templates/**/*.html"), *BASE.glob("*/templates/**/*.html")]:
        for value in re.findall(r'class="([^"]*)"', template.read_text(encoding="utf-8")):
            found.update(TEMPLATE_TAG.sub(" ", value).split())
    return found


def test_every_bootstrap_class_a_template_uses_is_in_the_built_subset():
    bootstrap = _classes_in_css(FULL)
    shipped = _classes_in_css(SUBSET)

    missing = sorted((_classes_in_templates() & bootstrap) - shipped)

    assert missing == [], "Run `make css` to rebuild static/vendor/bootstrap/bootstrap.portal.min.css"


def test_the_subset_is_a_fraction_of_bootstrap():
    assert SUBSET.stat().st_size < FULL.stat().st_size * 0.4
