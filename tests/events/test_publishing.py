import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission

from events.models import Event
from linkj.publishing import Status
from tests.events.factories import EventFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


def at(days=0, hours=0):
    return NOW + datetime.timedelta(days=days, hours=hours)


@time_machine.travel(NOW, tick=False)
def test_upcoming_events_are_listed_soonest_first_and_past_ones_newest_first():
    later = EventFactory(starts_at=at(days=10), ends_at=at(days=10, hours=2))
    sooner = EventFactory(starts_at=at(days=1), ends_at=at(days=1, hours=2))
    old = EventFactory(starts_at=at(days=-30), ends_at=at(days=-30, hours=2))
    recent = EventFactory(starts_at=at(days=-2), ends_at=at(days=-2, hours=2))
    assert list(Event.objects.upcoming()) == [sooner, later]
    assert list(Event.objects.past()) == [recent, old]


def test_an_event_in_progress_stays_upcoming_until_it_ends():
    event = EventFactory(starts_at=at(hours=-1), ends_at=at(hours=1))
    with time_machine.travel(at(hours=-2), tick=False):
        assert list(Event.objects.upcoming()) == [event]
    with time_machine.travel(at(hours=0), tick=False):
        assert list(Event.objects.upcoming()) == [event]
        assert event.is_in_progress()
        assert list(Event.objects.past()) == []
    with time_machine.travel(at(hours=1), tick=False):
        assert list(Event.objects.upcoming()) == []
        assert list(Event.objects.past()) == [event]


@time_machine.travel(NOW, tick=False)
def test_the_upcoming_page_lists_an_event_in_progress(client):
    EventFactory(title_ja="進行中のセミナー", starts_at=at(hours=-1), ends_at=at(hours=1))
    EventFactory(title_ja="終了したセミナー", starts_at=at(hours=-3), ends_at=at(hours=-1))
    html = client.get("/ja/events/").content.decode()
    assert "進行中のセミナー" in html
    assert "開催中" in html
    assert "終了したセミナー" not in html
    past = client.get("/ja/events/past/").content.decode()
    assert "終了したセミナー" in past
    assert '<span class="badge">終了</span>' in past
    assert "進行中のセミナー" not in past


@time_machine.travel(NOW, tick=False)
def test_a_draft_and_a_scheduled_event_are_hidden_from_visitors(client):
    draft = EventFactory(publication=Status.DRAFT, starts_at=at(days=3), ends_at=at(days=4))
    scheduled = EventFactory(publish_at=at(days=1), starts_at=at(days=3), ends_at=at(days=4))
    assert list(Event.objects.upcoming()) == []
    for event in (draft, scheduled):
        assert client.get(event.get_absolute_url()).status_code == 404
        assert client.get(event.get_ics_url()).status_code == 404
    assert draft.title_ja not in client.get("/ja/events/").content.decode()
    with time_machine.travel(at(days=1), tick=False):
        assert list(Event.objects.upcoming()) == [scheduled]
        assert client.get(scheduled.get_absolute_url()).status_code == 200


@time_machine.travel(NOW, tick=False)
def test_an_editor_previews_a_draft_at_its_real_address_without_caching(client):
    draft = EventFactory(publication=Status.DRAFT, starts_at=at(days=3), ends_at=at(days=4))
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_event"))
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert "プレビュー" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_staff_without_the_view_permission_cannot_preview(client):
    draft = EventFactory(publication=Status.DRAFT, starts_at=at(days=3), ends_at=at(days=4))
    client.force_login(UserFactory(is_staff=True))
    assert client.get(draft.get_absolute_url()).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_is_live_mirrors_the_published_queryset():
    live = EventFactory(starts_at=at(days=3), ends_at=at(days=4))
    draft = EventFactory(publication=Status.DRAFT, starts_at=at(days=3), ends_at=at(days=4))
    later = EventFactory(publish_at=at(days=1), starts_at=at(days=3), ends_at=at(days=4))
    published = set(Event.objects.live())
    for event in (live, draft, later):
        assert event.is_live() == (event in published)


@time_machine.travel(NOW, tick=False)
def test_the_home_page_shows_the_next_events(client):
    EventFactory(title_ja="次のセミナー", starts_at=at(days=2), ends_at=at(days=2, hours=2))
    EventFactory(title_ja="過去のセミナー", starts_at=at(days=-2), ends_at=at(days=-2, hours=2))
    html = client.get("/ja/").content.decode()
    assert "次のセミナー" in html
    assert "過去のセミナー" not in html
