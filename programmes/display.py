"""How intakes read to people: deadlines in the intake's own time zone, eligibility in plain words.

Two clocks: a time is always written in the intake's zone with the zone named, and, when the
person reading it lives in a zone whose clock differs at that moment, followed by their own
time (“24 August 2027, 23:59 CEST — 00:59 on 25 August in Nairobi”). Whose clock that is comes
from `viewer_time_zone`: the middleware sets it per request, e-mails per recipient
(`for_recipient`).

Kept out of the models so the wording can change without touching the data.
"""

import unicodedata
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.time_zones import is_known_zone, place_name

from .enums import AttachmentRequirement, CEFRLevel, OrganisationType
from .models import MEGABYTE


def zone_abbreviation(moment: datetime) -> str:
    """The zone's abbreviation at that moment (CET, CEST, NZDT); numeric zones read as UTC+14."""
    name = moment.tzname() or ""
    if name[:1] in "+-":
        hours, minutes = name[1:3], name[3:].lstrip(":")
        return f"UTC{name[0]}{int(hours)}" + (f":{minutes}" if minutes and minutes != "00" else "")
    return name


_viewer_zone: ContextVar[zoneinfo.ZoneInfo | None] = ContextVar("viewer_zone", default=None)


@contextmanager
def viewer_time_zone(zone_name: str | None) -> Iterator[None]:
    """Write times for a reader in `zone_name` (empty or unknown: the intake's clock only)."""
    zone = zoneinfo.ZoneInfo(zone_name) if zone_name and is_known_zone(zone_name) else None
    token = _viewer_zone.set(zone)
    try:
        yield
    finally:
        _viewer_zone.reset(token)


@contextmanager
def for_recipient(user) -> Iterator[None]:
    """An e-mail to `user`: their language and their clock."""
    language = getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE
    with translation.override(language), viewer_time_zone(getattr(user, "time_zone", "")):
        yield


def viewer_clock_text(moment: datetime) -> str:
    """The reader's own time of `moment` (“00:59 on 25 August in Nairobi”), or "" when it is the same clock."""
    zone = _viewer_zone.get()
    if zone is None:
        return ""
    theirs = moment.astimezone(zone)
    if theirs.utcoffset() == moment.utcoffset():
        return ""
    place = zone_abbreviation(theirs) if zone.key == "UTC" else place_name(zone.key)
    values = {"time": date_format(theirs, "H:i"), "date": date_format(theirs, "j F"), "place": place}
    if theirs.date() == moment.date():
        return _("%(time)s in %(place)s") % values
    return _("%(time)s on %(date)s in %(place)s") % values


def local_datetime_text(intake, moment: datetime, *, seconds: bool = False) -> str:
    """A UTC moment as “15 March 2027, 23:59 CET” in the intake's time zone, then the reader's clock.

    `seconds=True` writes the seconds too (a receipt: when the team pressed Submit).
    """
    local = intake.local(moment)
    text = f"{date_format(local, 'j F Y, H:i:s' if seconds else 'j F Y, H:i')} {zone_abbreviation(local)}"
    theirs = viewer_clock_text(local)
    return f"{text} — {theirs}" if theirs else text


def local_time_text(intake, moment: datetime) -> str:
    """Only the clock: “14:21 CET” in the intake's zone (the autosave note), then the reader's."""
    local = intake.local(moment)
    text = f"{date_format(local, 'H:i')} {zone_abbreviation(local)}"
    theirs = viewer_clock_text(local)
    return f"{text} — {theirs}" if theirs else text


def programme_code(programme) -> str:
    """Letters for references: the initials of the title's capitalised words (“LLG”), else its first letters."""
    plain = unicodedata.normalize("NFKD", programme.title).encode("ascii", "ignore").decode()
    initials = "".join(word[0] for word in plain.split() if word[:1].isupper())
    if len(initials) < 2:
        initials = "".join(ch for ch in plain if ch.isalpha())[:3]
    return initials.upper()[:6] or "APP"


def relative_text(moment: datetime, now: datetime) -> str:
    """“in 12 days”, “in 5 hours”, “in less than an hour”, or the same in the past."""
    delta = moment - now
    future = delta.total_seconds() >= 0
    seconds = abs(delta.total_seconds())
    days, hours = int(seconds // 86400), int(seconds // 3600)
    if days >= 1:
        amount = ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    elif hours >= 1:
        amount = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    else:
        return _("in less than an hour") if future else _("less than an hour ago")
    return (_("in %(amount)s") if future else _("%(amount)s ago")) % {"amount": amount}


def deadline_text(intake, now: datetime | None = None) -> str:
    """“closes 15 March 2027, 23:59 CET (in 12 days)”, or “closed …” once the window has shut."""
    now = now or timezone.now()
    when = local_datetime_text(intake, intake.closes_at)
    relative = relative_text(intake.closes_at, now)
    if now <= intake.closes_at:
        return _("closes %(when)s (%(relative)s)") % {"when": when, "relative": relative}
    return _("closed %(when)s (%(relative)s)") % {"when": when, "relative": relative}


def opening_text(intake, now: datetime | None = None) -> str:
    """“opens 1 February 2027, 09:00 CET (in 3 days)”."""
    now = now or timezone.now()
    when = local_datetime_text(intake, intake.opens_at)
    return _("opens %(when)s (%(relative)s)") % {"when": when, "relative": relative_text(intake.opens_at, now)}


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return _("%(rest)s and %(last)s") % {"rest": ", ".join(words[:-1]), "last": words[-1]}


def eligibility_lines(intake) -> list[str]:
    """Who may apply to the intake, one plain sentence per rule."""
    lines = []
    countries = sorted(country.name for country in intake.eligible_countries)
    if countries:
        lines.append(_("Teams from %(countries)s.") % {"countries": _join(countries)})
    else:
        lines.append(_("Teams from any country."))
    labels = dict(OrganisationType.choices)
    types = [str(labels[t]).lower() for t in intake.eligible_organisation_types if t in labels]
    if types:
        lines.append(_("Led by one of these kinds of organisation: %(types)s.") % {"types": _join(types)})
    lines.extend(composition_lines(intake))
    lines.extend(_attachment_and_extra_lines(intake))
    return lines


def composition_lines(intake) -> list[str]:
    """The intake's rules on the team's size and mix, in plain sentences (the team reads them before submitting)."""
    lines = [_("A team of %(min)d to %(max)d people.") % {"min": intake.min_team_size, "max": intake.max_team_size}]
    needed = []
    if intake.min_politicians:
        needed.append(
            ngettext("%(count)d elected politician", "%(count)d elected politicians", intake.min_politicians)
            % {"count": intake.min_politicians}
        )
    if intake.min_officials:
        needed.append(
            ngettext("%(count)d official", "%(count)d officials", intake.min_officials)
            % {"count": intake.min_officials}
        )
    if intake.min_civil_society:
        needed.append(
            ngettext("%(count)d civil-society member", "%(count)d civil-society members", intake.min_civil_society)
            % {"count": intake.min_civil_society}
        )
    if needed:
        lines.append(_("The team includes at least %(people)s.") % {"people": _join(needed)})
    if intake.min_women:
        lines.append(
            ngettext(
                "The team includes at least %(count)d woman.",
                "The team includes at least %(count)d women.",
                intake.min_women,
            )
            % {"count": intake.min_women}
        )
    if intake.warn_gender_imbalance:
        lines.append(_("Teams with a balance of women and men are encouraged."))
    return lines


def _attachment_and_extra_lines(intake) -> list[str]:
    lines = []
    if intake.mandate_letter == AttachmentRequirement.REQUIRED:
        lines.append(_("A mandate letter signed by the municipality or region is required."))
    elif intake.mandate_letter == AttachmentRequirement.OPTIONAL:
        lines.append(_("A mandate letter signed by the municipality or region is welcome but not required."))
    if intake.cvs == AttachmentRequirement.REQUIRED:
        lines.append(_("Each member attaches a CV."))
    elif intake.cvs == AttachmentRequirement.OPTIONAL:
        lines.append(_("CVs are optional."))
    for requirement, required, optional in [
        (
            intake.passport_copies,
            _("Each member attaches a copy of their passport."),
            _("Passport copies are optional."),
        ),
        (intake.photos, _("Each member attaches a photo."), _("Photos are optional.")),
        (
            intake.medical_statements,
            _("Each member attaches a medical statement."),
            _("Medical statements are optional."),
        ),
        (
            intake.language_certificates,
            _("Each member attaches a language certificate."),
            _("Language certificates are optional."),
        ),
    ]:
        if requirement == AttachmentRequirement.REQUIRED:
            lines.append(required)
        elif requirement == AttachmentRequirement.OPTIONAL:
            lines.append(optional)
    if intake.max_upload_mb:
        lines.append(_("Each file is at most %(size)d MB.") % {"size": intake.max_upload_bytes() // MEGABYTE})
    if intake.exclude_previous_participants:
        lines.append(_("People who took part in an earlier intake may not apply again."))
    if intake.min_english_level:
        level = dict(CEFRLevel.choices)[intake.min_english_level]
        lines.append(_("Each member has at least %(level)s English (self-declared).") % {"level": level})
    if intake.max_age:
        lines.append(_("Members are %(age)d years old or younger.") % {"age": intake.max_age})
    return lines
