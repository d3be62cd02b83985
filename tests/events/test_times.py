import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from events.times import event_times
from events.timezones import make_aware_strict
from tests.events.factories import EventFactory, NewYorkLoungeFactory, VenueFactory

NEW_YORK = ZoneInfo("America/New_York")


def wall(*args) -> datetime.datetime:
    """A naive wall-clock time, as an editor types it."""
    year, month, day, hour, minute = args
    return datetime.datetime.combine(datetime.date(year, month, day), datetime.time(hour, minute))


def refusal(naive, zone, language="en"):
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            make_aware_strict(naive, zone)
        return error.value.code, str(error.value.messages[0])


def test_a_time_skipped_when_new_york_springs_forward_is_refused():
    code, message = refusal(wall(2027, 3, 14, 2, 30), "America/New_York")
    assert code == "nonexistent_time"
    assert message.startswith("02:30 does not exist on 14 March 2027 in America/New_York")


def test_a_time_repeated_when_new_york_falls_back_is_refused():
    code, message = refusal(wall(2027, 11, 7, 1, 30), "America/New_York")
    assert code == "ambiguous_time"
    assert message.startswith("01:30 happens twice on 7 November 2027 in America/New_York")


def test_the_daylight_saving_messages_are_in_japanese_on_the_japanese_admin():
    _code, message = refusal(wall(2027, 3, 14, 2, 30), "America/New_York", "ja")
    assert "2027年3月14日の2:30は存在しません" in message


@pytest.mark.parametrize(
    ("naive", "utc_hour"),
    [
        (wall(2027, 3, 14, 1, 59), 6),  # still EST, UTC-5
        (wall(2027, 3, 14, 3, 0), 7),  # already EDT, UTC-4
        (wall(2027, 11, 7, 0, 59), 4),  # still EDT
        (wall(2027, 11, 7, 2, 0), 7),  # back to EST
    ],
)
def test_times_either_side_of_a_daylight_saving_change_are_accepted(naive, utc_hour):
    aware = make_aware_strict(naive, "America/New_York")
    assert aware.astimezone(datetime.UTC).hour == utc_hour


def test_tokyo_times_are_never_refused():
    aware = make_aware_strict(wall(2027, 3, 14, 2, 30), "Asia/Tokyo")
    assert aware.utcoffset() == datetime.timedelta(hours=9)


@pytest.mark.django_db
def test_a_new_york_evening_shows_the_next_morning_in_tokyo():
    event = EventFactory(
        venue=NewYorkLoungeFactory(),
        starts_at=datetime.datetime(2022, 12, 15, 19, 0, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2022, 12, 15, 20, 30, tzinfo=NEW_YORK),
    )
    with translation.override("ja"):
        times = event_times(event)
        assert times.venue.text == "2022年12月15日 19:00–20:30"
        assert times.venue.label == "ニューヨーク時間"
        assert times.japan.text == "2022年12月16日 9:00–10:30"
        assert times.japan.label == "日本時間"
        assert times.day_shift == 1
        assert times.day_shift_text == "日本では翌日"
    with translation.override("en"):
        times = event_times(event)
        assert times.venue.text == "15 December 2022 19:00–20:30"
        assert times.venue.abbreviation == "EST"
        assert times.japan.text == "16 December 2022 09:00–10:30"
        assert times.day_shift_text == "The next day in Japan"


@pytest.mark.django_db
def test_the_language_changes_the_date_format_but_never_the_time_zone(client):
    event = EventFactory(
        venue=NewYorkLoungeFactory(),
        starts_at=datetime.datetime(2027, 3, 18, 18, 0, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2027, 3, 18, 19, 30, tzinfo=NEW_YORK),
    )
    japanese = client.get(f"/ja/events/{event.slug}/").content.decode()
    english = client.get(f"/en/events/{event.slug}/").content.decode()
    for html in (japanese, english):
        assert 'datetime="2027-03-18T18:00:00-04:00"' in html
        assert 'datetime="2027-03-19T07:00:00+09:00"' in html
        assert "EDT" in html
    assert "2027年3月18日 18:00" in japanese
    assert "2027年3月19日 7:00" in japanese
    assert "18 March 2027 18:00" in english
    assert "19 March 2027 07:00" in english


@pytest.mark.django_db
def test_a_tokyo_event_shows_one_clock_without_a_date_change():
    event = EventFactory(venue=VenueFactory())
    times = event_times(event)
    assert times.japan is None
    assert times.day_shift == 0


@pytest.mark.django_db
def test_the_venue_calendar_dates_follow_the_venue_time_zone():
    event = EventFactory(
        venue=NewYorkLoungeFactory(),
        starts_at=datetime.datetime(2022, 12, 15, 23, 0, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2022, 12, 16, 1, 0, tzinfo=NEW_YORK),
    )
    assert event.local_start_date == datetime.date(2022, 12, 15)
    assert event.local_end_date == datetime.date(2022, 12, 16)
