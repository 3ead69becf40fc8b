"""HTML → PDF with WeasyPrint: one parsed print stylesheet, fonts from the repo, no network.

The URL fetcher serves only the portal's own static files (resolved on disk by the staticfiles
finders). It refuses `file://`, `data:`, every other host and anything a user could have typed,
so a report can neither read the server's files nor call out.
"""

import logging
from collections.abc import Callable
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Relative URLs in report templates resolve against this made-up origin; only it is served.
BASE_URL = "https://portal-static.invalid/static/"
PRINT_CSS = "reports/print.css"


class RefusedURL(ValueError):
    """A report asked for something outside the portal's static files."""


class StaticOnlyFetcher(URLFetcher):
    """Serves `BASE_URL…` from the static files; refuses every other URL."""

    def fetch(self, url, headers=None):
        if not url.startswith(BASE_URL):
            logger.warning("Report rendering refused a URL: %.200s", url)
            raise RefusedURL(f"refused: {url[:200]}")
        relative = url[len(BASE_URL) :].split("?", 1)[0].split("#", 1)[0]
        if not relative or ".." in relative.split("/"):
            raise RefusedURL(f"refused: {url[:200]}")
        path = finders.find(relative)
        if not path:
            raise RefusedURL(f"not a static file: {relative[:200]}")
        with open(path, "rb") as handle:
            return URLFetcherResponse(url, body=handle.read())


@lru_cache(maxsize=1)
def _font_config() -> FontConfiguration:
    return FontConfiguration()


@lru_cache(maxsize=1)
def print_stylesheet() -> CSS:
    """Parsed once per process and reused by every report (parsing is a fair share of a small report)."""
    return CSS(url=BASE_URL + PRINT_CSS, url_fetcher=StaticOnlyFetcher(), font_config=_font_config())


def html_to_pdf(html: str, *, progress: Callable[[int], None] | None = None) -> bytes:
    """A tagged PDF (PDF/UA-1) of `html`; `progress(percent)` is told after layout and after writing."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).render(
        stylesheets=[print_stylesheet()], font_config=_font_config(), pdf_tags=True
    )
    if progress:
        progress(85)
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    if progress:
        progress(95)
    return pdf


def render_pdf(template: str, context: dict, *, progress: Callable[[int], None] | None = None) -> bytes:
    html = render_to_string(template, context)
    if progress:
        progress(30)
    return html_to_pdf(html, progress=progress)
