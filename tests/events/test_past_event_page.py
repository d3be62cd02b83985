"""A past event's page says it has ended, once: no leftover 開催予定 or 受付終了 beside 終了, no
"add to calendar", no tentative-title mark. A cancellation stays visible."""

import datetime
import re

import pytest
import time_machine

from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 6, 1, 3, 0, tzinfo=datetime.UTC)
PAST = datetime.datetime(2027, 3, 3, 5, 0, tzinfo=datetime.UTC)


def status_of(html: str) -> str:
    return re.search(r"<dt>状態</dt>\s*(?:\{%.*?%\}\s*)?<dd>(.*?)</dd>", html, re.S).group(1)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("status", ["scheduled", "open", "closed", "full"])
def test_a_past_event_is_shown_as_ended_and_nothing_else(client, status):
    event = EventFactory(starts_at=PAST, status=status, title_is_tentative=True)
    html = client.get(f"/ja/events/{event.slug}/").content.decode()
    assert status_of(html) == "終了"
    badges = re.search(r'<p class="event-badges">(.*?)</p>', html, re.S).group(1)
    assert re.findall(r'<span class="badge[^"]*">([^<]*)</span>', badges)[0] == "終了"
    for leftover in ("開催予定", "参加受付中", "受付終了", "満席"):
        assert leftover not in badges
    assert "event.ics" not in html
    assert "calendar.google.com" not in html
    assert "event-tentative" not in html


@time_machine.travel(NOW, tick=False)
def test_a_past_cancelled_event_still_says_it_was_cancelled(client):
    event = EventFactory(starts_at=PAST, status="cancelled")
    html = client.get(f"/ja/events/{event.slug}/").content.decode()
    assert status_of(html) == "中止"


@time_machine.travel(NOW, tick=False)
def test_an_upcoming_event_keeps_its_status_and_calendar_links(client):
    event = EventFactory(starts_at=NOW + datetime.timedelta(days=7), status="open")
    html = client.get(f"/ja/events/{event.slug}/").content.decode()
    assert status_of(html) == "参加受付中"
    assert "event.ics" in html
