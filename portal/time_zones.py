"""The time-zone menu: one canonical zone per place, common ones first, grouped by region.

`zoneinfo.available_timezones()` has ~600 names, many of them legacy aliases ("US/Pacific",
"Asia/Calcutta", "Etc/GMT+3"). The tz database's own `zone.tab` lists the zone each country
uses, under its canonical name; that is the menu, labelled with the city and the country
(in the user's language, from django-countries).
"""

import zoneinfo
from functools import cache
from importlib import resources
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries

# The places the programme's applicants and staff most often live in, offered first.
COMMON_ZONES = [
    "Africa/Nairobi",
    "Africa/Kampala",
    "Africa/Dar_es_Salaam",
    "Africa/Addis_Ababa",
    "Africa/Maputo",
    "Africa/Luanda",
    "Africa/Johannesburg",
    "Africa/Lagos",
    "Africa/Accra",
    "Africa/Dakar",
    "Africa/Cairo",
    "America/La_Paz",
    "America/Bogota",
    "America/Lima",
    "America/Guatemala",
    "America/Mexico_City",
    "Asia/Dhaka",
    "Asia/Kolkata",
    "Asia/Jakarta",
    "Asia/Manila",
    "Europe/London",
    "Europe/Paris",
    "Europe/Stockholm",
    "Europe/Lisbon",
    "UTC",
]

REGIONS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
}


def _zone_tab() -> str:
    """The text of zone.tab, from the system's tz database or the tzdata package."""
    for folder in zoneinfo.TZPATH:
        path = Path(folder) / "zone.tab"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        return resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    except ModuleNotFoundError:  # no tz database beyond zoneinfo's: fall back to its names
        return ""


@cache
def canonical_zones() -> dict[str, str]:
    """Canonical zone name → ISO country code, from zone.tab (plus UTC)."""
    zones = {}
    for line in _zone_tab().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, name = line.split("\t")[:3]
        zones.setdefault(name, code)
    if not zones:
        zones = {name: "" for name in zoneinfo.available_timezones() if "/" in name and not name.startswith("Etc/")}
    zones["UTC"] = ""
    return zones


def place_name(zone_name: str) -> str:
    """The place a zone is named after: “Africa/Dar_es_Salaam” → “Dar es Salaam”."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def zone_label(zone_name: str) -> str:
    code = canonical_zones().get(zone_name, "")
    if not code:
        return place_name(zone_name)
    return f"{place_name(zone_name)} ({countries.name(code)})"


def is_known_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return False
    return bool(name)


def validate_time_zone(value: str) -> None:
    if value and not is_known_zone(value):
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def time_zone_choices(current: str = "") -> list:
    """Grouped choices for a select: the common zones, then every region sorted by label.

    `current` is kept in the menu even when it is not canonical (an older or alias value),
    so editing a form never silently changes a saved zone.
    """
    zones = canonical_zones()
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in zones:
        region = name.split("/", 1)[0]
        if region in REGIONS:
            groups.setdefault(region, []).append((name, zone_label(name)))
    choices = [(_("Common"), [(name, zone_label(name)) for name in COMMON_ZONES if name in zones])]
    if current and current not in zones and is_known_zone(current):
        choices.insert(0, (_("Current"), [(current, current.replace("_", " "))]))
    for region, label in REGIONS.items():
        if region in groups:
            choices.append((label, sorted(groups[region], key=lambda choice: choice[1])))
    return choices
