import datetime
from zoneinfo import ZoneInfo

import pytest

from events.models import Venue
from tests.events.factories import EventFactory, NewYorkLoungeFactory, VenueFactory

pytestmark = pytest.mark.django_db


def venue_data(venue, **overrides):
    data = {
        "name_ja": venue.name_ja,
        "name_en": venue.name_en,
        "slug": venue.slug,
        "kind": venue.kind,
        "city_ja": "",
        "city_en": "",
        "address_ja": "",
        "address_en": "",
        "time_zone": venue.time_zone,
        "description_ja": "",
        "description_en": "",
        "usage_ja": "",
        "usage_en": "",
        "map_url": "",
        "position": "0",
    }
    data.update(overrides)
    return data


def test_a_venue_refuses_a_time_zone_that_is_not_an_iana_name(admin_client):
    venue = VenueFactory()
    response = admin_client.post(
        f"/admin/events/venue/{venue.pk}/change/", venue_data(venue, time_zone="Mars/Olympus")
    )
    assert response.status_code == 200
    assert "Mars/Olympus" in str(response.context["adminform"].form.errors["time_zone"])
    venue.refresh_from_db()
    assert venue.time_zone == "Asia/Tokyo"


def test_moving_a_venue_to_another_time_zone_recomputes_its_event_dates(admin_client):
    venue = VenueFactory()
    event = EventFactory(
        venue=venue,
        starts_at=datetime.datetime(2027, 3, 19, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
        ends_at=datetime.datetime(2027, 3, 19, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
    )
    assert event.local_start_date == datetime.date(2027, 3, 19)
    response = admin_client.post(
        f"/admin/events/venue/{venue.pk}/change/",
        venue_data(venue, time_zone="America/New_York"),
    )
    assert response.status_code == 302
    assert Venue.objects.get().time_zone == "America/New_York"
    event.refresh_from_db()
    assert event.local_start_date == datetime.date(2027, 3, 18)


@pytest.mark.parametrize(
    ("path", "zone"),
    [
        ("/ja/events/venues/nyc-lounge/", "<dd>ニューヨーク時間</dd>"),
        ("/en/events/venues/nyc-lounge/", "<dd>New York time</dd>"),
        ("/ja/events/venues/", " · ニューヨーク時間</p>"),
        ("/en/events/venues/", " · New York time</p>"),
    ],
)
def test_venue_pages_name_the_local_clock_not_the_time_zone_database(client, path, zone):
    NewYorkLoungeFactory()
    html = client.get(path).content.decode()
    assert zone in html
    assert "America/New_York" not in html
