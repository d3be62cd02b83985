"""The month calendar: a bounded range around the events, empty months kept out of search
engines, weekends and Japan's public holidays marked."""

import datetime
import re

import pytest
import time_machine

from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 1, 15, 3, 0, tzinfo=datetime.UTC)
TOKYO = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture
def events_2018_to_2027():
    EventFactory(starts_at=datetime.datetime(2018, 6, 10, 14, 0, tzinfo=TOKYO))
    EventFactory(
        starts_at=datetime.datetime(2027, 3, 3, 14, 0, tzinfo=TOKYO),
        ends_at=datetime.datetime(2027, 3, 3, 16, 0, tzinfo=TOKYO),
    )


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/ja/events/calendar/2017/6/", 200),  # a year before the first event
        ("/ja/events/calendar/2017/5/", 404),
        ("/ja/events/calendar/1900/1/", 404),
        ("/en/events/calendar/2028/3/", 200),  # a year after the last event
        ("/en/events/calendar/2028/4/", 404),
        ("/en/events/calendar/2999/12/", 404),
        ("/en/events/calendar/0/1/", 404),
    ],
)
def test_the_calendar_spans_a_year_either_side_of_the_events(
    client, events_2018_to_2027, path, status
):
    assert client.get(path).status_code == status


@time_machine.travel(NOW, tick=False)
def test_the_first_and_last_months_link_no_further(client, events_2018_to_2027):
    first = client.get("/ja/events/calendar/2017/6/").content.decode()
    assert 'rel="prev"' not in first
    assert 'href="/ja/events/calendar/2017/7/" rel="next"' in first
    last = client.get("/ja/events/calendar/2028/3/").content.decode()
    assert 'rel="next"' not in last
    assert 'href="/ja/events/calendar/2028/2/" rel="prev"' in last


@time_machine.travel(NOW, tick=False)
def test_without_events_the_calendar_still_opens_this_month(client):
    assert client.get("/ja/events/calendar/").status_code == 302
    assert client.get("/ja/events/calendar/2027/1/").status_code == 200
    assert client.get("/ja/events/calendar/2028/1/").status_code == 200
    assert client.get("/ja/events/calendar/2028/2/").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_an_empty_month_is_noindex_and_a_month_with_events_is_not(client, events_2018_to_2027):
    empty = client.get("/ja/events/calendar/2027/2/").content.decode()
    assert '<meta name="robots" content="noindex">' in empty
    busy = client.get("/ja/events/calendar/2027/3/").content.decode()
    assert 'name="robots"' not in busy


def day_cell(html: str, iso_date: str) -> str:
    match = re.search(
        r'<td class="([^"]*)"[^>]*>\s*<span class="month-calendar__number"><time '
        rf'datetime="{iso_date}">.*?</td>',
        html,
        re.S,
    )
    assert match, iso_date
    return match.group(0)


@time_machine.travel(NOW, tick=False)
def test_weekends_and_japanese_public_holidays_are_marked(client, events_2018_to_2027):
    japanese = client.get("/ja/events/calendar/2027/1/").content.decode()
    assert "month-calendar__day--saturday" in day_cell(japanese, "2027-01-02")
    assert "month-calendar__day--sunday" in day_cell(japanese, "2027-01-03")
    new_year = day_cell(japanese, "2027-01-01")
    assert "month-calendar__day--holiday" in new_year
    assert '<span class="month-calendar__holiday">元日</span>' in new_year
    coming_of_age = day_cell(japanese, "2027-01-11")  # second Monday of January
    assert '<span class="month-calendar__holiday">成人の日</span>' in coming_of_age
    ordinary = day_cell(japanese, "2027-01-12")
    assert "--holiday" not in ordinary and "--saturday" not in ordinary
    english = client.get("/en/events/calendar/2027/1/").content.decode()
    assert "New Year&#x27;s Day" in day_cell(english, "2027-01-01")


@time_machine.travel(NOW, tick=False)
def test_each_day_names_its_weekday_for_the_phone_list(client):
    html = client.get("/en/events/calendar/2027/1/").content.decode()
    assert '<span class="month-calendar__weekday"> (Fri)</span>' in day_cell(html, "2027-01-01")
    japanese = client.get("/ja/events/calendar/2027/1/").content.decode()
    assert '<span class="month-calendar__weekday">（金）</span>' in day_cell(japanese, "2027-01-01")
