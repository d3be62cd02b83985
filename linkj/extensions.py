"""Extension points: where a lower app's pages show what higher apps add.

The apps are layered: partners is the floor, news builds on partners, events on both, and
linkj (this package) imports none of them. A partner's page still lists the releases and
events about the partner, and the partnership table links each partnership to the release
that announced it: those pieces belong to news and events, which register them here from
their AppConfig.ready(). The lower app renders whatever is registered, in registration
order (the order of INSTALLED_APPS), without importing its upper neighbours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    """A part of a page: `context(obj)` gives the template's context, or None to leave the
    section out (nothing to show). Each call may make at most one query."""

    template: str
    context: Callable[[Any], dict | None]


class Slot:
    """A named extension point; entries are keyed so that registering twice (tests reload
    apps) replaces instead of duplicating."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._entries: dict[str, Any] = {}

    def register(self, key: str, entry: Any) -> None:
        self._entries[key] = entry

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._entries.values()))


# Sections after a partner's agreements on its page: Section(template, context(partner)).
partner_page = Slot("partner page")
# The partnership table: callables (agreements queryset) -> queryset adding annotations, and
# templates rendered in each row's organisation cell with `row` in their context.
partnership_row_annotations = Slot("partnership row annotations")
partnership_row_templates = Slot("partnership row templates")
# Sitemap sections: (name, Sitemap class), in the index's order.
sitemaps = Slot("sitemaps")
# Callables (event slug) -> True when that event's page shows each visitor something of their
# own (a registration form): such a page is rendered for each visitor, never shared.
personal_event_page = Slot("personal event page")


@dataclass(frozen=True)
class LibraryUse:
    """A ForeignKey to a media library item (`model` as "news.ReleasePhoto", `field` its
    name), and which of its rows visitors see: `live(queryset, now)` narrows a queryset of
    that model to them. `until` (optional, a lookup path such as "release__unpublish_at")
    says when a live row is scheduled to go, which bounds how long caches keep the file. A
    relation nobody registers makes no file public."""

    model: str
    field: str
    live: Callable[[Any, Any], Any]
    until: str = ""


# Media library uses, keyed "<model>.<field>": see library/media.py.
library_uses = Slot("media library uses")
