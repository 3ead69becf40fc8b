"""The one writer for every CSV and XLSX export of the portal, now and later.

    return export_response(filename="ranking-intake-3", header=[...], rows=iterable_of_lists, fmt="csv")

- Every text cell that starts with = + - @ or a tab or carriage return is neutralised with a
  leading apostrophe, so a spreadsheet shows it as text and never runs it as a formula
  (CSV/formula injection: a team title "=HYPERLINK(...)" stays a title).
- CSV is streamed row by row (StreamingHttpResponse); XLSX is written with openpyxl's
  write-only mode (constant memory) with numbers, dates and times as real typed cells.
- Every export is a download (Content-Disposition: attachment), never cached, never sniffed.
"""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """Text that a spreadsheet would read as a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _typed(value):
    """A cell value openpyxl stores with its type: numbers and dates stay numbers and dates."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: UTC, as the portal stores times.
        return timezone.make_naive(value, datetime.UTC) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    return neutralise(str(value))


class _Echo:
    def write(self, value):
        return value


def csv_lines(header: list, rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([neutralise(_text(cell)) for cell in header])
    for row in rows:
        yield writer.writerow([neutralise(_text(cell)) for cell in row])


def xlsx_file(header: list, rows: Iterable[list]):
    """The workbook in a temporary file (kept in memory while small), positioned at its start."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([neutralise(_text(cell)) for cell in header])
    for row in rows:
        sheet.append([_typed(cell) for cell in row])
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - closed by the response
    workbook.save(output)
    output.seek(0)
    return output


def export_response(*, filename: str, header: list, rows: Iterable[list], fmt: str = "csv"):
    """A download of `rows` under `header` as CSV (streamed) or XLSX; `filename` without extension."""
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(header, rows), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    elif fmt == "xlsx":
        response = FileResponse(
            xlsx_file(header, rows), as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_CONTENT_TYPE
        )
    else:
        raise ValueError(f"Unknown export format: {fmt}")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
