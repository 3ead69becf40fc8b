"""Read a PDF's text back, as a person reading the report would see it."""

import io
import re

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    # Lines wrap where the page is narrow; a reader reads on, so line breaks count as spaces.
    return re.sub(r"\s+", " ", text)


def pdf_pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def job_text(job) -> str:
    """The text of a report job's PDF, read through the storage API (and the file closed again)."""
    with job.file.open("rb") as handle:
        return pdf_text(handle.read())
