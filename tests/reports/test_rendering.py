"""The report URL fetcher serves the portal's own static files and nothing else."""

import pytest

from reports.rendering import BASE_URL, RefusedURL, StaticOnlyFetcher, html_to_pdf

from .pdf import pdf_text


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/logo.png",
        "https://portal-static.invalid.example.org/static/reports/print.css",
        BASE_URL + "../../config/settings.py",
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
    ],
)
def test_fetcher_refuses_everything_but_static_files(url):
    with pytest.raises(RefusedURL):
        StaticOnlyFetcher().fetch(url)


def test_fetcher_serves_the_shipped_font():
    response = StaticOnlyFetcher().fetch(BASE_URL + "reports/fonts/DejaVuSans.ttf")

    assert response.read(4) == b"\x00\x01\x00\x00"


def test_a_file_image_and_an_outside_image_are_left_out_of_the_pdf(caplog):
    html = (
        '<html lang="en"><head><title>t</title></head><body><p>Before</p>'
        '<img src="file:///etc/passwd" alt="secret"><img src="http://example.org/x.png" alt="remote">'
        "<p>After</p></body></html>"
    )

    text = pdf_text(html_to_pdf(html))

    assert "Before" in text
    assert "After" in text
    refused = [r.getMessage() for r in caplog.records if "refused a URL" in r.getMessage()]
    assert refused == [
        "Report rendering refused a URL: file:///etc/passwd",
        "Report rendering refused a URL: http://example.org/x.png",
    ]
