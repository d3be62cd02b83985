import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from events.models import Format
from tests.events.factories import (
    CategoryFactory,
    EventFactory,
    NewYorkLoungeFactory,
)
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime.datetime(2027, 1, 15, 12, 0, tzinfo=datetime.UTC)


def titles(response):
    return [event.title_ja for event in response.context["events"]]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "query",
    [
        "venue=zzz",
        "category=zzz",
        "format=zzz",
        "month=2027-13",
        "month=abc",
        "month=0000-00",
        "month=" + "9" * 3000,
        "venue=" + "x" * 3000,
        "page=9999",
        "page=abc",
        "page=-1",
        "month=2027-1",
    ],
)
@pytest.mark.parametrize("path", ["/ja/events/", "/en/events/past/"])
def test_bad_filter_values_never_give_a_server_error(client, path, query):
    EventFactory(
        starts_at=NOW + datetime.timedelta(days=1),
        ends_at=NOW + datetime.timedelta(days=1, hours=1),
    )
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200


@time_machine.travel(NOW, tick=False)
def test_a_bad_month_says_how_to_write_it(client):
    response = client.get("/en/events/?month=2027-13")
    assert "Enter a month as YYYY-MM" in response.content.decode()
    assert titles(response) == []


@time_machine.travel(NOW, tick=False)
def test_filters_narrow_the_upcoming_list(client):
    lounge = NewYorkLoungeFactory()
    seminar = CategoryFactory(slug="seminar")
    EventFactory(
        title_ja="NYの3月",
        venue=lounge,
        category=seminar,
        format=Format.HYBRID,
        starts_at=datetime.datetime(2027, 3, 31, 21, 0, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2027, 3, 31, 22, 0, tzinfo=NEW_YORK),
    )
    EventFactory(
        title_ja="東京の2月",
        starts_at=datetime.datetime(2027, 2, 1, 10, 0, tzinfo=TOKYO),
        ends_at=datetime.datetime(2027, 2, 1, 12, 0, tzinfo=TOKYO),
    )
    assert titles(client.get("/ja/events/?venue=nyc-lounge")) == ["NYの3月"]
    assert titles(client.get("/ja/events/?category=seminar")) == ["NYの3月"]
    assert titles(client.get("/ja/events/?format=hybrid")) == ["NYの3月"]
    assert titles(client.get("/ja/events/?format=in_person")) == ["東京の2月"]
    # 31 March 21:00 in New York is 1 April in Tokyo; the month is the venue's.
    assert titles(client.get("/ja/events/?month=2027-03")) == ["NYの3月"]
    assert titles(client.get("/ja/events/?month=2027-04")) == []
    assert titles(client.get("/ja/events/?month=2027-02")) == ["東京の2月"]
    assert titles(client.get("/ja/events/?venue=&month=")) == ["東京の2月", "NYの3月"]


def test_filter_labels_are_translated(client):
    html = client.get("/ja/events/").content.decode()
    for label in ("会場", "カテゴリー", "開催形式", "月", "すべての会場"):
        assert f">{label}<" in html


@time_machine.travel(NOW, tick=False)
def test_the_lounge_page_explains_the_lounge_and_lists_its_events(client):
    lounge = NewYorkLoungeFactory()
    EventFactory(
        title_ja="次のラウンジセミナー",
        venue=lounge,
        starts_at=datetime.datetime(2027, 3, 18, 18, 0, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2027, 3, 18, 19, 30, tzinfo=NEW_YORK),
    )
    EventFactory(
        title_ja="開設記念セミナー",
        venue=lounge,
        starts_at=datetime.datetime(2022, 12, 15, 19, 0, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2022, 12, 15, 20, 30, tzinfo=NEW_YORK),
    )
    EventFactory(title_ja="東京のイベント")
    response = client.get("/ja/events/venues/nyc-lounge/")
    html = response.content.decode()
    assert [e.title_ja for e in response.context["upcoming_events"]] == ["次のラウンジセミナー"]
    assert [e.title_ja for e in response.context["past_events"]] == ["開設記念セミナー"]
    assert "東京のイベント" not in html
    assert "予約して利用できます" in html
    assert "ニューヨーク時間" in html and "日本時間" in html
    assert "2027年3月19日 7:00" in html


@time_machine.travel(NOW, tick=False)
def test_the_calendar_month_is_a_table_with_events_on_their_venue_date(client):
    EventFactory(
        title_ja="NYの夜",
        venue=NewYorkLoungeFactory(),
        starts_at=datetime.datetime(2022, 12, 15, 19, 0, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2022, 12, 15, 20, 30, tzinfo=NEW_YORK),
    )
    response = client.get("/ja/events/calendar/2022/12/")
    assert response.status_code == 200
    weeks = response.context["weeks"]
    cells = {cell["date"]: cell for week in weeks for cell in week}
    assert [e.title_ja for e in cells[datetime.date(2022, 12, 15)]["events"]] == ["NYの夜"]
    assert cells[datetime.date(2022, 12, 16)]["events"] == []
    html = response.content.decode()
    assert "<caption>2022年12月</caption>" in html
    assert html.count('<th scope="col">') == 7
    assert 'href="/ja/events/calendar/2022/11/"' in html
    assert 'href="/ja/events/calendar/2023/1/"' in html


def test_an_impossible_calendar_month_is_not_found(client):
    assert client.get("/ja/events/calendar/2027/13/").status_code == 404
    assert client.get("/ja/events/calendar/99999/1/").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_the_calendar_root_opens_this_month_in_japan(client):
    response = client.get("/en/events/calendar/")
    assert response.status_code == 302
    assert response["Location"] == "/en/events/calendar/2027/1/"


@time_machine.travel(NOW, tick=False)
def test_an_event_page_shows_its_partners_and_a_partner_lists_its_events(client):
    partner = PartnerFactory(slug="kobe-fbri", name_ja="先端医療振興財団")
    hidden = PartnerFactory(is_disclosed=False, name_ja="非公開の団体")
    event = EventFactory(partners=[partner, hidden])
    EventFactory(partners=[partner], publication="draft")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "先端医療振興財団" in html
    assert f'href="{partner.get_absolute_url()}"' in html
    assert "非公開の団体" not in html
    assert list(partner.events.published()) == [event]


@time_machine.travel(NOW, tick=False)
def test_a_tentative_title_carries_a_mark(client):
    event = EventFactory(title_is_tentative=True)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "event-tentative" in html
    assert "仮題" in html


@time_machine.travel(NOW, tick=False)
def test_the_archive_video_appears_only_once_the_event_has_ended(client):
    url = "https://video.example.org/watch/1"
    ended = EventFactory(
        archive_video_url=url,
        starts_at=NOW - datetime.timedelta(days=2),
        ends_at=NOW - datetime.timedelta(days=2) + datetime.timedelta(hours=1),
    )
    # Explicit times: the factory's default dates depend on how many events ran before.
    future = EventFactory(
        archive_video_url=url,
        starts_at=NOW + datetime.timedelta(days=2),
        ends_at=NOW + datetime.timedelta(days=2, hours=1),
    )
    assert url in client.get(ended.get_absolute_url()).content.decode()
    assert url not in client.get(future.get_absolute_url()).content.decode()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_event_pages_render_in_both_languages(client, language):
    event = EventFactory(venue=NewYorkLoungeFactory())
    for url in [
        f"/{language}/events/",
        f"/{language}/events/past/",
        f"/{language}/events/calendar/2027/1/",
        f"/{language}/events/venues/",
        f"/{language}/events/venues/nyc-lounge/",
        f"/{language}/events/{event.slug}/",
        f"/{language}/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        body = html.split("</head>")[1]
        assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", body)), url
        assert ' style="' not in html


def test_an_english_page_falling_back_to_japanese_marks_the_text_as_japanese(client):
    event = EventFactory(title_en="", title_ja="日本語だけのタイトル")
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert '<span lang="ja">日本語だけのタイトル</span>' in html


def test_japanese_pages_contain_no_untranslated_interface_text(client):
    event = EventFactory(venue=NewYorkLoungeFactory())
    english_words = [
        "Upcoming events",
        "Past events",
        "Venue",
        "Format",
        "Japan time",
        "Add to calendar",
        "Add to Google Calendar",
        "Online viewing",
        "Subscribe",
        "Tentative",
        "Speakers",
    ]
    for url in [
        "/ja/events/",
        "/ja/events/past/",
        "/ja/events/calendar/2027/1/",
        "/ja/events/venues/nyc-lounge/",
        f"/ja/events/{event.slug}/",
    ]:
        html = client.get(url).content.decode()
        for word in english_words:
            assert f">{word}" not in html, (url, word)


def test_a_speaker_photo_is_shown_as_a_reencoded_rendition(client):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    from tests.events.factories import SpeakerFactory

    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), "teal").save(buffer, "PNG")
    speaker = SpeakerFactory(photo=ContentFile(buffer.getvalue(), name="face.png"))
    assert speaker.photo_width == 400
    html = client.get(speaker.event.get_absolute_url()).content.decode()
    assert 'class="speaker__photo"' in html
    assert "/media/renditions/" in html
    assert 'alt=""' in html


@time_machine.travel(NOW, tick=False)
def test_a_partner_page_can_list_its_published_events_with_one_prefetch(django_assert_num_queries):
    from django.db.models import Prefetch
    from django.template.loader import render_to_string

    from events.models import Event
    from partners.models import Partner

    partner = PartnerFactory()
    EventFactory.create_batch(3, partners=[partner], venue=NewYorkLoungeFactory())
    EventFactory(partners=[partner], publication="draft", title_ja="下書き")
    events = Event.objects.published().for_listing().order_by("-starts_at")
    with django_assert_num_queries(2):
        loaded = Partner.objects.prefetch_related(
            Prefetch("events", queryset=events, to_attr="published_events")
        ).get(pk=partner.pk)
        html = render_to_string(
            "events/includes/event_cards.html", {"events": loaded.published_events}
        )
    assert html.count('class="card event-card') == 3
    assert "下書き" not in html
