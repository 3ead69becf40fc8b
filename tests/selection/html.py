"""Read selection pages the way a person does, on top of the shared page readers."""

import html
import re

from tests.programmes.html import _texts


def field_errors(response) -> list[str]:
    """The error texts shown under form fields."""
    return _texts(response, lambda tag, attrs: "invalid-feedback" in (attrs.get("class") or "").split())


def action_buttons(response) -> list[str]:
    """The labels of the form buttons that say what to do (`name="action"`)."""
    return _texts(response, lambda tag, attrs: tag == "button" and attrs.get("name") == "action")


def textarea_text(response, name: str) -> str:
    """What a text area holds, line breaks included (the browser drops the first one after the tag)."""
    [text] = re.findall(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', response.content.decode(), re.S)
    return html.unescape(text.removeprefix("\n"))


def input_value(response, name: str) -> str:
    """What a text input holds."""
    [tag] = re.findall(rf'<input[^>]*name="{name}"[^>]*>', response.content.decode())
    value = re.search(r'value="([^"]*)"', tag)
    return html.unescape(value.group(1)) if value else ""


def messages_shown(response) -> list[str]:
    """The messages the page shows after an action (success, warning, error), in order."""
    return _texts(
        response,
        lambda tag, attrs: "alert" in (attrs.get("class") or "").split() and attrs.get("role") in ("status", "alert"),
    )


def select_options(response, name: str) -> list[str]:
    """The choices a drop-down offers, as the person reads them."""
    [block] = re.findall(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', response.content.decode(), re.S)
    return [
        html.unescape(re.sub(r"\s+", " ", text).strip())
        for text in re.findall(r"<option[^>]*>(.*?)</option>", block, re.S)
    ]
