"""The documents an intake asks for, and the word limits of its outline: per-intake settings, read here.

Staff set them on the intake (`programmes.Intake`: one requirement field per kind of document, the
largest upload, `word_limits`); the forms, the checklist and the pages read them through this module.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.uploads import megabytes
from programmes.enums import AttachmentRequirement
from programmes.models import MEGABYTE

from .enums import PER_MEMBER_KINDS, AttachmentKind
from .models import WORD_LIMITS


@dataclass(frozen=True)
class Document:
    kind: str
    field: str  # the intake's requirement field
    plural: str
    whose: str = ""  # the question when a member's document is uploaded without naming the member

    @property
    def per_member(self) -> bool:
        return self.kind in PER_MEMBER_KINDS

    @property
    def label(self) -> str:
        return AttachmentKind(self.kind).label


DOCUMENTS = (
    Document(AttachmentKind.MANDATE_LETTER, "mandate_letter", _("Mandate letter")),
    Document(AttachmentKind.CV, "cvs", _("CVs"), _("Choose whose CV this is.")),
    Document(
        AttachmentKind.PASSPORT_COPY, "passport_copies", _("Passport copies"), _("Choose whose passport copy this is.")
    ),
    Document(AttachmentKind.PHOTO, "photos", _("Photos"), _("Choose whose photo this is.")),
    Document(
        AttachmentKind.MEDICAL_STATEMENT,
        "medical_statements",
        _("Medical statements"),
        _("Choose whose medical statement this is."),
    ),
    Document(
        AttachmentKind.LANGUAGE_CERTIFICATE,
        "language_certificates",
        _("Language certificates"),
        _("Choose whose language certificate this is."),
    ),
)
BY_KIND = {d.kind: d for d in DOCUMENTS}
DOCUMENT_FIELDS = tuple(d.field for d in DOCUMENTS)


def requirement(intake, document: Document) -> str:
    return getattr(intake, document.field)


def asked_documents(intake) -> list[tuple[Document, str]]:
    """The documents the intake asks for (required or optional), with the requirement, in a fixed order."""
    return [(d, requirement(intake, d)) for d in DOCUMENTS if requirement(intake, d) != AttachmentRequirement.NOT_ASKED]


def accepted_kinds(intake) -> list[str]:
    return [d.kind for d, _requirement in asked_documents(intake)]


def required_documents(intake) -> list[Document]:
    return [d for d, req in asked_documents(intake) if req == AttachmentRequirement.REQUIRED]


def word_limits(intake) -> dict[str, int]:
    """Every long answer's word limit in this intake: its own where staff set one, else the portal's."""
    own = intake.word_limits or {}
    return {name: own.get(name) or default for name, default in WORD_LIMITS.items()}


def documents_asked_text(intake) -> list[tuple[str, str]]:
    """(documents, "Required" or "Optional") for each document the intake asks for, for the team's pages."""
    return [(d.plural, AttachmentRequirement(req).label) for d, req in asked_documents(intake)]


def upload_limit_text(intake) -> str:
    """The intake's largest upload as a team reads it: "10 MB", or "2.5 MB" when not whole."""
    size = intake.max_upload_bytes()
    return f"{size // MEGABYTE} MB" if size % MEGABYTE == 0 else megabytes(size)
