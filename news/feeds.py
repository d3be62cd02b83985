from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from linkj.links import absolute_url

from .models import Release

FEED_SIZE = 20


class LatestReleasesFeed(Feed):
    """The latest releases live in the feed's language (the URL's language prefix)."""

    title = _("LINK-J news")
    description = _("Press releases and news from LINK-J.")

    # Absolute links are kept as they are by the syndication framework, which would otherwise
    # prefix the request's Host.
    def link(self) -> str:
        return absolute_url(reverse("news:release_list"))

    def feed_url(self) -> str:
        return absolute_url(reverse("news:release_feed"))

    def items(self):
        return Release.objects.live(get_language()).newest_first()[:FEED_SIZE]

    def item_title(self, item: Release) -> str:
        return item.title

    def item_description(self, item: Release) -> str:
        return item.lead or strip_tags(item.body)[:400]

    def item_link(self, item: Release) -> str:
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item: Release) -> datetime.datetime:
        return item.publish_at_for(get_language()) or timezone.now()

    def item_updateddate(self, item: Release) -> datetime.datetime:
        return item.updated_at

    def item_categories(self, item: Release) -> list[str]:
        return [str(item.get_category_display())]


class LatestReleasesAtomFeed(LatestReleasesFeed):
    feed_type = Atom1Feed
    subtitle = LatestReleasesFeed.description

    def feed_url(self) -> str:
        return absolute_url(reverse("news:release_atom"))
