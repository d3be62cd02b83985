import datetime
import io

import html5lib
import pytest
import time_machine

from events import demo

pytestmark = pytest.mark.django_db

PAGES = [
    "/ja/events/",
    "/en/events/",
    "/en/events/?venue=zzz&month=2027-13",
    "/ja/events/past/",
    "/en/events/calendar/2022/12/",
    "/ja/events/calendar/2027/3/",
    "/ja/events/venues/",
    "/en/events/venues/nyc-lounge/",
    "/ja/events/nyc-lounge-opening-seminar-2022/",
    "/en/events/example-nyc-lounge-seminar-2027/",
    "/ja/events/ucsd-seminar-kobe-2018/",
]


@time_machine.travel(datetime.datetime(2026, 11, 22, 3, 0, tzinfo=datetime.UTC), tick=False)
@pytest.mark.parametrize("path", PAGES)
def test_event_pages_are_well_formed_html(client, path):
    demo.load(stdout=io.StringIO())
    response = client.get(path)
    assert response.status_code == 200
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"))
    document = parser.parse(response.content.decode())  # raises on any parse error
    ids = [element.get("id") for element in document.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), "duplicate id attributes"
