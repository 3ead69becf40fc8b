"""Extension points the apps plug into: navigation links, dashboard panels and calendar events.

Each app lists what it offers in its own `dashboard.py` (and its calendar events in
`calendars.py`), found by autodiscovery, so the portal's base layout, dashboard and personal
calendar feed never import the apps' internals.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from django.urls import reverse
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    # A predicate taking the user: rules predicates fit here.
    visible: Callable
    order: int = 50
    # The menu it sits in (a NavGroup's key); "" for a link of its own in the bar.
    group: str = ""


@dataclass(frozen=True)
class NavGroup:
    """A dropdown menu in the bar that gathers related links, so the staff's bar keeps one row.

    It takes its place among the bar's links by `order`; with a single visible link it shows that
    link alone (no menu of one).
    """

    key: str
    label: str
    order: int = 50


@dataclass
class NavLink:
    label: str
    url: str
    current: bool  # this very page: aria-current="page"


@dataclass
class NavEntry:
    """One entry of the bar: a link, or a menu of links (`is_menu`) marked `active` on its pages."""

    label: str
    links: list[NavLink]
    active: bool
    is_menu: bool


@dataclass
class Panel:
    """One box on the dashboard: what needs this person's attention in one area."""

    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


# The menu under the person's name, at the end of the bar (base.html draws it: profile, these, log out).
ACCOUNT_MENU = "account"
_nav_items: list[NavItem] = []
_nav_groups: dict[str, NavGroup] = {}
_panel_providers: list[tuple[int, Callable]] = []
_discovered = False


def register_nav(item: NavItem) -> None:
    _nav_items.append(item)


def register_nav_group(group: NavGroup) -> None:
    _nav_groups[group.key] = group


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


def nav_menu(items: list[NavItem], path: str) -> list[NavEntry]:
    """The bar for these visible items (`nav_items_for`) on the page at `path`: links and menus, in order.

    A menu is active on its links' pages and the pages below them (an intake's selection pages
    under Selection); a link is current on its own page only.
    """
    _discover()
    placed: dict[str, tuple[int, str, list[NavItem]]] = {}
    for item in items:
        if item.group == ACCOUNT_MENU:
            continue
        group = _nav_groups.get(item.group)
        if group is None:
            placed[f"item:{item.url_name}"] = (item.order, item.label, [item])
        else:
            placed.setdefault(group.key, (group.order, group.label, []))[2].append(item)
    entries = []
    for _order, label, members in sorted(placed.values(), key=lambda entry: entry[0]):
        urls = [reverse(member.url_name) for member in members]
        links = [NavLink(m.label, url, path == url) for m, url in zip(members, urls, strict=True)]
        if len(links) == 1:
            entries.append(NavEntry(links[0].label, links, links[0].current, is_menu=False))
        else:
            below = any(path.startswith(link.url) for link in links)
            entries.append(NavEntry(label, links, below, is_menu=True))
    return entries


def account_links(items: list[NavItem], path: str) -> list[NavLink]:
    """The links the bar's account menu adds between the profile and "Log out" (e.g. the Django admin)."""
    urls = [(item, reverse(item.url_name)) for item in items if item.group == ACCOUNT_MENU]
    return [NavLink(item.label, url, path == url) for item, url in urls]


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
