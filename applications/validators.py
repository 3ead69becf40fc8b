"""Validators for what applicants type and upload."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from portal import uploads

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


# --- Uploaded files: the rules are portal.uploads (shared by every module). ----------------

EXTENSIONS = {t.content_type: t.extension for t in uploads.DOCUMENTS}


def sniff_content_type(uploaded) -> str | None:
    """The content type read from the file's content (see portal.uploads.detect); None if not accepted."""
    filetype = uploads.detect(uploaded)
    return filetype.content_type if filetype else None


def validate_upload(uploaded, max_bytes: int) -> str:
    """Return the detected content type or raise a ValidationError that says why the file is refused."""
    return uploads.validate(uploaded, max_bytes=max_bytes).content_type


def check_attachment_count(application) -> None:
    """At most PORTAL_MAX_ATTACHMENTS_PER_APPLICATION files per application."""
    limit = settings.PORTAL_MAX_ATTACHMENTS_PER_APPLICATION
    if application.attachments.count() >= limit:
        raise ValidationError(
            gettext("An application can have at most %(limit)d files. Delete one before adding another."),
            code="too_many_files",
            params={"limit": limit},
        )
