"""What the portal accepts as an uploaded document, for every module (applications, change
projects, study visits): the type is read from the content, never from the name.

- Allowed: PDF, Word DOCX, OpenDocument text (ODT), JPEG, PNG.
- Everything else is refused, whatever its name: SVG, HTML, executables, macro-enabled Office
  files (a `vbaProject.bin` or macro-enabled content type inside, e.g. a .docm renamed .docx;
  ODF Basic/Scripts folders), and archives that would unpack to an absurd size or ratio (zip bombs).
- A file whose content is a PDF is a PDF, even if named `report.html` (a "polyglot"): it is
  stored and downloaded as `report.pdf`, as an attachment, never shown inline.
- The stored extension and the download name come from the detected type (`safe_filename`).
"""

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str


PDF = FileType("application/pdf", "pdf")
PNG = FileType("image/png", "png")
JPEG = FileType("image/jpeg", "jpg")
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
ODT = FileType("application/vnd.oasis.opendocument.text", "odt")
DOCUMENTS = (PDF, DOCX, ODT, JPEG, PNG)
BY_CONTENT_TYPE = {t.content_type: t for t in DOCUMENTS}

# Office files are zip archives; a real one unpacks to a few times its size.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 2000
MACRO_MARKERS = ("vbaproject.bin", "vbadata.xml", "macroenabled", "basic/", "scripts/")


def detect(uploaded) -> FileType | None:
    """The file's type from its first bytes (and an Office file's inner layout), or None."""
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
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return DOCX
                if "mimetype" in names and archive.read("mimetype").strip() == ODT.content_type.encode():
                    return ODT
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return None
        finally:
            uploaded.seek(0)
    return None


def _check_archive(uploaded) -> None:
    """Refuse zip bombs and macro containers (Office files are zip archives)."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
            if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
                raise ValidationError(
                    _("This document unpacks to an implausible size; it cannot be accepted."), code="archive_bomb"
                )
            names = [member.filename.lower() for member in members]
            content_types = archive.read("[Content_Types].xml").lower() if "[content_types].xml" in names else b""
            if any(marker in name for name in names for marker in MACRO_MARKERS) or b"macroenabled" in content_types:
                raise ValidationError(
                    _("This document contains macros. Please save it as a plain document (DOCX, ODT or PDF)."),
                    code="macros",
                )
    except zipfile.BadZipFile as exc:
        raise ValidationError(_("This document is damaged."), code="damaged") from exc
    finally:
        uploaded.seek(0)


def _check_image(uploaded, filetype: FileType) -> None:
    """An image must decode as the type its header claims (no script or HTML behind a header)."""
    from PIL import Image, UnidentifiedImageError

    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            image.verify()
            decoded = (image.format or "").lower()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("This image is damaged."), code="damaged") from exc
    finally:
        uploaded.seek(0)
    if {"jpeg": "jpg"}.get(decoded, decoded) != filetype.extension:
        raise ValidationError(_("This image is damaged."), code="damaged")


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def validate(uploaded, *, max_bytes: int, allowed=DOCUMENTS) -> FileType:
    """Return the detected type, or raise a ValidationError saying why the file is refused."""
    if uploaded.size > max_bytes:
        raise ValidationError(
            _(
                "This file is %(size)s; the largest file accepted is %(limit)s. "
                "Please make it smaller (e.g. scan in black and white) and upload it again."
            ),
            code="too_large",
            params={"size": megabytes(uploaded.size), "limit": megabytes(max_bytes)},
        )
    if uploaded.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    filetype = detect(uploaded)
    if filetype is None or filetype not in allowed:
        raise ValidationError(
            _(
                "This file is not a PDF, Word (DOCX), OpenDocument (ODT), JPEG or PNG document, "
                "whatever its name says. Please upload one of those."
            ),
            code="bad_type",
        )
    if filetype in (DOCX, ODT):
        _check_archive(uploaded)
    elif filetype in (JPEG, PNG):
        _check_image(uploaded, filetype)
    return filetype


def safe_filename(name: str, filetype: FileType) -> str:
    """The uploader's name without folders, control characters or extension, with the detected type's extension.

    "report.html" holding a PDF becomes "report.pdf"; "../../x.exe.docx" becomes "x.exe.docx"
    only if the content is a DOCX.
    """
    stem = PurePath(name.replace("\\", "/")).name
    stem = "".join(ch for ch in stem if unicodedata.category(ch)[0] != "C")
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", stem).strip(" .") or "document"
    return f"{stem[:200]}.{filetype.extension}"
