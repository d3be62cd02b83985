"""One page of each kind, chosen from the database: what the benchmark and the backup round
trip fetch. The first object by primary key keeps the choice stable between runs."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

from events.models import Event
from news.models import Release
from partners.models import Partner


def sample_pages(language: str = "ja") -> dict[str, str]:
    """Label -> path. Detail pages are left out when the database has nothing live of a kind."""
    with translation.override(language):
        partner = Partner.objects.live().order_by("pk").first()
        release = Release.objects.live(language).order_by("pk").first()
        event = Event.objects.live().order_by("pk").first()
        pages = {
            "static file": static("css/site.css"),
            "home": reverse("home"),
            "partners list": reverse("partners:partner_list"),
            "partner page": partner and partner.get_absolute_url(),
            "history": reverse("partners:history"),
            "news list": reverse("news:release_list"),
            "release": release and release.get_absolute_url(),
            "events list": reverse("events:event_list"),
            "event": event and event.get_absolute_url(),
            "RSS feed": reverse("news:release_feed"),
            "events .ics": reverse("events:calendar_feed"),
            "sitemap": reverse("sitemap"),
            # A two-character Japanese word: the trigram index's hardest case (short grams).
            "search": f"{reverse('search:search')}?q=%E6%A8%AA%E6%B5%9C",
        }
    return {label: path for label, path in pages.items() if path}


def describe_data() -> dict[str, object]:
    """How much content there is and what serves it: the context a benchmark is read in."""
    from django.conf import settings
    from django.db import connection

    from partners.models import Agreement

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    else:
        import sqlite3

        database = f"{connection.vendor} {sqlite3.sqlite_version}"
    return {
        "database": database,
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "partners": Partner.objects.count(),
        "agreements": Agreement.objects.count(),
        "releases": Release.objects.count(),
        "releases live in Japanese": Release.objects.live("ja").count(),
        "events": Event.objects.count(),
    }
