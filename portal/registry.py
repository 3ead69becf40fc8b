"""Extension points the apps plug into: navigation links, dashboard panels and calendar events.

Each app lists what it offers in its own `dashboard.py` (and its calendar events in
`calendars.py`), found by autodiscovery, so the portal's base layout, dashboard and personal
calendar feed never import the apps' internals.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    # A predicate taking the user: rules predicates fit here.
    visible: Callable
    order: int = 50


@dataclass
class Panel:
    """One box on the dashboard: what needs this person's attention in one area."""

    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


_nav_items: list[NavItem] = []
_panel_providers: list[tuple[int, Callable]] = []
_discovered = False


def register_nav(item: NavItem) -> None:
    _nav_items.append(item)


def dashboard_panel(order: int = 50):
    """Decorate `provider(request) -> Panel | None` to add a dashboard panel."""

    def decorator(func):
        _panel_providers.append((order, func))
        return func

    return decorator


def _discover():
    global _discovered
    if not _discovered:
        autodiscover_modules("dashboard")
        autodiscover_modules("calendars")
        _discovered = True


def nav_items_for(user) -> list[NavItem]:
    _discover()
    return sorted((i for i in _nav_items if i.visible(user)), key=lambda i: i.order)


def panels_for(request) -> list[Panel]:
    _discover()
    panels = []
    for _order, provider in sorted(_panel_providers, key=lambda p: p[0]):
        panel = provider(request)
        if panel is not None:
            panels.append(panel)
    return panels


# --- Sections other apps add to a change project's pages (e.g. mentoring's open coaching actions).
# `provider(request, project) -> Panel | None`; `slot` is "project_dashboard" or "progress_report".
_project_sections: dict[str, list[tuple[int, Callable]]] = {}


def project_section(slot: str, order: int = 50):
    """Decorate a provider to add a section to a change project's dashboard or progress report."""

    def decorator(func):
        _project_sections.setdefault(slot, []).append((order, func))
        return func

    return decorator


def project_sections_for(request, project, slot: str) -> list[Panel]:
    _discover()
    sections = []
    for _order, provider in sorted(_project_sections.get(slot, []), key=lambda p: p[0]):
        panel = provider(request, project)
        if panel is not None:
            sections.append(panel)
    return sections


# --- Calendar feed -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEvent:
    """One event in a person's calendar feed or a downloaded .ics.

    `start`/`end` are dates (all-day; `end` is the last day, inclusive) or aware datetimes (shown in
    their own zone, which gets a VTIMEZONE). `uid` must be stable for the same thing across
    downloads; `sequence` goes up each time the event changes.
    """

    uid: str
    summary: str
    start: date | datetime
    end: date | datetime
    sequence: int = 0
    location: str = ""
    description: str = ""
    url: str = ""
    updated: datetime | None = None


_calendar_providers: list[Callable] = []


def calendar_provider(func):
    """Decorate `events_for(user) -> list[CalendarEvent]` in your app's `calendars.py`."""
    _calendar_providers.append(func)
    return func


def calendar_events_for(user) -> list[CalendarEvent]:
    """Every provider's events for `user` (programme phases, study visits, milestones…), by start."""
    _discover()
    events = [event for provider in _calendar_providers for event in provider(user)]
    return sorted(events, key=lambda e: (_sort_key(e.start), e.uid))


def _sort_key(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment.astimezone(UTC)
    return datetime.combine(moment, time.min, tzinfo=UTC)
