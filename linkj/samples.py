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
        partner = Partner.objects.public().order_by("pk").first()
        release = Release.objects.live(language).order_by("pk").first()
        event = Event.objects.published().order_by("pk").first()
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
        }
    return {label: path for label, path in pages.items() if path}
