"""How visits read to people: times on the host's clock with the zone named, dates as a range."""

from django.utils.formats import date_format

from programmes.display import zone_abbreviation


def item_time_text(item) -> str:
    """“09:00–10:30 CEST” on the host's clock."""
    starts, ends = item.visit.local(item.starts_at), item.visit.local(item.ends_at)
    return f"{date_format(starts, 'H:i')}–{date_format(ends, 'H:i')} {zone_abbreviation(starts)}"


def visit_dates_text(visit) -> str:
    """“3 May 2027” or “3 May 2027 – 4 May 2027”."""
    first = date_format(visit.starts_on, "j F Y")
    if visit.ends_on == visit.starts_on:
        return first
    return f"{first} – {date_format(visit.ends_on, 'j F Y')}"


def offer_deadline_text(place) -> str:
    """The offer's deadline on the host's clock: “5 May 2027, 14:00 CEST”."""
    if place.offer_expires_at is None:
        return ""
    local = place.visit.local(place.offer_expires_at)
    return f"{date_format(local, 'j F Y, H:i')} {zone_abbreviation(local)}"
