import datetime

import pytest
import time_machine

from tests.events.factories import (
    CategoryFactory,
    EventFactory,
    NewYorkLoungeFactory,
    SpeakerFactory,
    VenueFactory,
)
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 1, 15, 12, 0, tzinfo=datetime.UTC)


def make_events(count: int) -> None:
    lounge = NewYorkLoungeFactory()
    category = CategoryFactory()
    for n in range(count):
        for venue, days in ((lounge, n + 1), (VenueFactory(), -n - 1)):
            start = NOW + datetime.timedelta(days=days)
            event = EventFactory(
                venue=venue,
                category=category,
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=2),
                partners=[PartnerFactory()],
            )
            SpeakerFactory(event=event)


PAGES = [
    "/ja/events/",
    "/en/events/past/",
    "/ja/events/calendar/2027/1/",
    "/en/events/venues/nyc-lounge/",
    "/ja/events/venues/",
    "/ja/events/calendar.ics",
    "/ja/events/venues/nyc-lounge/calendar.ics",
    "/ja/",
]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", PAGES)
def test_query_count_stays_flat_while_events_grow_tenfold(client, count_queries, url):
    make_events(2)
    few = count_queries(client.get, url)
    make_events(18)
    many = count_queries(client.get, url)
    assert many == few, f"{url}: {few} queries with few events, {many} with ten times more"
