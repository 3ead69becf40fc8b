"""Read a form's dropdowns the way a person does: the text of each option, in order."""

import re
from html.parser import HTMLParser


class _Options(HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name, self.inside, self.options = name, False, []

    def handle_starttag(self, tag, attrs):
        if tag == "select":
            self.inside = dict(attrs).get("name") == self.name
        elif tag == "option" and self.inside:
            self.options.append("")

    def handle_endtag(self, tag):
        if tag == "select":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.options:
            self.options[-1] += data


def select_options(response, name: str) -> list[str]:
    """The visible text of every option of the `<select name="<name>">`, in page order."""
    parser = _Options(name)
    parser.feed(response.content.decode())
    return [re.sub(r"\s+", " ", option).strip() for option in parser.options]
