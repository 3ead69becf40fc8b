"""Reading a CSV list of earlier participants (programmes that ran before the portal), row by row.

Columns, in any order, named on the first line: full_name (required), email, date_of_birth
(YYYY-MM-DD), country (ISO code such as KE, or the English name), programme, year. A row needs an
e-mail address, or a date of birth and a country: without them nobody could be matched to it.
Every problem is reported with its row number; nothing is imported while any row is wrong.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django_countries import countries

from .models import name_key

MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024
COLUMNS = ("full_name", "email", "date_of_birth", "country", "programme", "year")
# Header spellings people use, mapped to the column.
ALIASES = {
    "name": "full_name",
    "e_mail": "email",
    "mail": "email",
    "dob": "date_of_birth",
    "birth_date": "date_of_birth",
}


@dataclass
class ParsedList:
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    repeated: int = 0  # rows that repeat an earlier row of the same file


def decode(raw: bytes) -> str:
    """UTF-8 (with or without the byte-order mark Excel writes), else Windows-1252, as spreadsheets save."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _column(header: str) -> str:
    key = "_".join(header.strip().lower().replace("-", " ").split())
    return ALIASES.get(key, key)


def _country(value: str) -> str | None:
    value = value.strip()
    if not value:
        return ""
    if value.upper() in dict(countries):
        return value.upper()
    return countries.by_name(value) or None


def _row(number: int, raw: dict, errors: list[str]) -> dict | None:
    def problem(message, **params):
        errors.append(_("Row %(row)d: %(problem)s") % {"row": number, "problem": message % params})

    before = len(errors)
    full_name = " ".join((raw.get("full_name") or "").split())
    email = (raw.get("email") or "").strip().lower()
    born_text = (raw.get("date_of_birth") or "").strip()
    country_text = (raw.get("country") or "").strip()
    year_text = (raw.get("year") or "").strip()
    if not full_name:
        problem(_("the name is empty."))
    elif len(full_name) > 200:
        problem(_("the name is longer than 200 characters."))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problem(_("“%(value)s” is not an e-mail address."), value=email)
    born = None
    if born_text:
        try:
            born = date.fromisoformat(born_text)
        except ValueError:
            problem(_("“%(value)s” is not a date; write it as YYYY-MM-DD, e.g. 1980-03-31."), value=born_text)
    country = _country(country_text)
    if country is None:
        problem(_("“%(value)s” is not a country; write its two-letter code (e.g. KE) or its name."), value=country_text)
    year = None
    if year_text:
        if year_text.isdigit() and 1950 <= int(year_text) <= 2100:
            year = int(year_text)
        else:
            problem(_("“%(value)s” is not a year."), value=year_text)
    if full_name and not email and not (born_text and country_text):
        problem(_("give an e-mail address, or a date of birth and a country: without them nobody can be matched."))
    if len(errors) > before:
        return None
    return {
        "full_name": full_name,
        "name_key": name_key(full_name),
        "email": email,
        "date_of_birth": born,
        "country": country,
        "programme": " ".join((raw.get("programme") or "").split())[:200],
        "year": year,
    }


def identity(row: dict) -> tuple:
    """What makes two rows the same person: the e-mail if given, else name, date of birth and country."""
    if row["email"]:
        return ("email", row["email"])
    return ("person", row["name_key"], row["date_of_birth"], row["country"])


def parse_earlier_participants(text: str) -> ParsedList:
    """Every row checked; `errors` names each wrong row by its line number in the file (the header is line 1)."""
    result = ParsedList()
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        result.errors.append(_("The file is empty."))
        return result
    columns = [_column(cell) for cell in header]
    if "full_name" not in columns:
        result.errors.append(
            _("The first line must name the columns, including full_name; the columns read are: %(columns)s.")
            % {"columns": ", ".join(cell.strip() for cell in header)}
        )
        return result
    unknown = [header[i].strip() for i, c in enumerate(columns) if c not in COLUMNS and header[i].strip()]
    if unknown:
        result.errors.append(
            _("Unknown columns: %(unknown)s. The columns are: %(columns)s.")
            % {"unknown": ", ".join(unknown), "columns": ", ".join(COLUMNS)}
        )
        return result
    seen = set()
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if number - 1 > MAX_ROWS:
            result.errors.append(
                _("The list has more than %(max)d rows; split it into smaller files.") % {"max": MAX_ROWS}
            )
            break
        if len(cells) > len(columns):
            result.errors.append(
                _("Row %(row)d: %(count)d cells, but the first line names %(columns)d columns.")
                % {"row": number, "count": len(cells), "columns": len(columns)}
            )
            continue
        row = _row(number, dict(zip(columns, cells, strict=False)), result.errors)
        if row is None:
            continue
        if identity(row) in seen:
            result.repeated += 1
            continue
        seen.add(identity(row))
        result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append(_("The file has no rows under its first line."))
    return result
