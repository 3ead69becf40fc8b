"""Read pages the way a person does: the text of marked elements, whitespace collapsed."""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Collector(HTMLParser):
    def __init__(self, match):
        super().__init__(convert_charrefs=True)
        self.match = match
        self.stack: list[int | None] = []  # index into found, or None
        self.found: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.stack.append(len(self.found) if self.match(tag, dict(attrs)) else None)
        if self.stack[-1] is not None:
            self.found.append([])

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for index in self.stack:
            if index is not None:
                self.found[index].append(data)


def _texts(response, match) -> list[str]:
    collector = _Collector(match)
    collector.feed(response.content.decode())
    return [re.sub(r"\s+", " ", "".join(parts)).strip() for parts in collector.found]


def texts_by_testid(response, testid: str) -> list[str]:
    """The visible text of every element with `data-testid="<testid>"`, in page order."""
    return _texts(response, lambda tag, attrs: attrs.get("data-testid") == testid)


def texts_by_tag(response, tag_name: str) -> list[str]:
    return _texts(response, lambda tag, attrs: tag == tag_name)


def alerts(response) -> list[str]:
    """Texts of alert boxes (messages, form errors)."""
    return _texts(response, lambda tag, attrs: "alert" in (attrs.get("class") or "").split())
