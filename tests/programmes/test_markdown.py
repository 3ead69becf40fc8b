from django.template import Context, Template
from django.urls import reverse

from tests.factories import ProgrammeFactory


def _render(text):
    return Template("{% load programmes_tags %}{{ text|markdown }}").render(Context({"text": text}))


def test_markdown_renders_emphasis_and_lists():
    html = _render("Deepen **democracy**.\n\n- dialogue\n- inclusion")

    assert html == "<p>Deepen <strong>democracy</strong>.</p>\n<ul>\n<li>dialogue</li>\n<li>inclusion</li>\n</ul>"


def test_markdown_removes_scripts_and_event_handlers():
    html = _render('<script>alert("x")</script><img src=x onerror=alert(1)>Hello <b onclick="steal()">world</b>')

    assert html == "<p>Hello <b>world</b></p>"


def test_markdown_drops_javascript_links_and_marks_others_nofollow():
    html = _render("[bad](javascript:alert(1)) [good](https://icld.se)")

    assert html == (
        '<p><a rel="noopener noreferrer nofollow">bad</a> '
        '<a href="https://icld.se" rel="noopener noreferrer nofollow">good</a></p>'
    )


def test_programme_page_never_shows_raw_html_from_staff(client, db):
    programme = ProgrammeFactory(objectives='Inclusive <script>alert("x")</script>governance')

    response = client.get(reverse("programmes:programme_detail", kwargs={"slug": programme.slug}))

    assert b"<script>alert" not in response.content
    assert "<p>Inclusive governance</p>" in response.content.decode()
