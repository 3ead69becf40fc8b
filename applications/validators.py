"""Validators for what applicants type and upload."""

import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

WORD_RE = re.compile(r"\S+")


def count_words(text: str) -> int:
    """Words as the live counter counts them: runs of non-space characters (works in any script)."""
    return len(WORD_RE.findall(text or ""))


@deconstructible
class MaxWordsValidator:
    def __init__(self, limit: int):
        self.limit = limit

    def __call__(self, value):
        words = count_words(value)
        if words > self.limit:
            raise ValidationError(
                ngettext_lazy(
                    "Please shorten this answer to %(limit)d words or fewer (it has %(words)d).",
                    "Please shorten this answer to %(limit)d words or fewer (it has %(words)d).",
                    "limit",
                ),
                code="max_words",
                params={"limit": self.limit, "words": words},
            )

    def __eq__(self, other):
        return isinstance(other, MaxWordsValidator) and other.limit == self.limit


def validate_sdgs(value):
    if not isinstance(value, list) or any(not isinstance(v, int) or not 1 <= v <= 17 for v in value):
        raise ValidationError(_("Choose goals by their numbers, 1 to 17."), code="invalid_sdg")


# --- Uploaded files: the type is read from the content, never from the name. -----------

PDF, PNG, JPEG, DOCX = (
    "application/pdf",
    "image/png",
    "image/jpeg",
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
)
EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg", DOCX: "docx"}


def sniff_content_type(uploaded) -> str | None:
    """PDF, PNG, JPEG or DOCX from the file's first bytes (and a DOCX's inner layout); None otherwise."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head == b"\x89PNG\r\n\x1a\n":
        return PNG
    if head[:3] == b"\xff\xd8\xff":
        return JPEG
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(uploaded) as archive:
                if "word/document.xml" in archive.namelist():
                    return DOCX
        except zipfile.BadZipFile:
            return None
        finally:
            uploaded.seek(0)
    return None


def validate_upload(uploaded, max_bytes: int) -> str:
    """Return the detected content type or raise a ValidationError that says why the file is refused."""
    if uploaded.size > max_bytes:
        raise ValidationError(
            _(
                "This file is %(size)s; the largest file accepted is %(limit)s. "
                "Please make it smaller (e.g. scan in black and white) and upload it again."
            ),
            code="too_large",
            params={"size": _megabytes(uploaded.size), "limit": _megabytes(max_bytes)},
        )
    if uploaded.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    content_type = sniff_content_type(uploaded)
    if content_type is None:
        raise ValidationError(
            _(
                "This file is not a PDF, Word (DOCX), JPEG or PNG document, whatever its name says. "
                "Please upload one of those."
            ),
            code="bad_type",
        )
    return content_type


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
