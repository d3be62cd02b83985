import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events.models import Event
from linkj.publishing import Status
from tests.events.factories import (
    EventFactory,
    NewYorkLoungeFactory,
    SpeakerFactory,
    VenueFactory,
)
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
ADD_URL = "/admin/events/event/add/"


def form_data(venue, **overrides):
    data = {
        "title_ja": "ラウンジセミナー",
        "title_en": "Lounge seminar",
        "slug": "lounge-seminar",
        "summary_ja": "",
        "summary_en": "",
        "body_ja": "",
        "body_en": "",
        "venue": venue.pk,
        "start_date": "2027-03-18",
        "start_time": "19:00",
        "end_date": "",
        "end_time": "20:30",
        "time_precision": "time",
        "status": "scheduled",
        "format": "hybrid",
        "online_info_ja": "",
        "online_info_en": "",
        "language": "ja",
        "organiser_role": "hosted",
        "organiser_note_ja": "",
        "organiser_note_en": "",
        "publication": "draft",
        "publish_at_0": "2027-01-01",
        "publish_at_1": "00:00:00",
        "speakers-TOTAL_FORMS": "0",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_editors_enter_times_as_the_venue_clock_reads(admin_client):
    venue = NewYorkLoungeFactory()
    response = admin_client.post(ADD_URL, form_data(venue))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="lounge-seminar")
    assert event.starts_at == datetime.datetime(2027, 3, 18, 19, 0, tzinfo=NEW_YORK)
    assert event.ends_at == datetime.datetime(2027, 3, 18, 20, 30, tzinfo=NEW_YORK)
    assert event.starts_at == datetime.datetime(2027, 3, 18, 23, 0, tzinfo=datetime.UTC)


def test_an_event_ending_the_next_day_takes_an_end_date(admin_client):
    venue = VenueFactory()
    data = form_data(venue, start_time="22:00", end_date="2027-03-19", end_time="01:00")
    assert admin_client.post(ADD_URL, data).status_code == 302
    event = Event.objects.get()
    assert event.ends_at - event.starts_at == datetime.timedelta(hours=3)


@pytest.mark.parametrize(
    ("start_date", "start_time", "expected"),
    [
        ("2027-03-14", "02:30", "存在しません"),
        ("2027-11-07", "01:30", "2回あります"),
    ],
)
def test_a_daylight_saving_gap_or_overlap_is_refused_and_the_input_is_kept(
    admin_client, start_date, start_time, expected
):
    venue = NewYorkLoungeFactory()
    data = form_data(venue, start_date=start_date, start_time=start_time, end_time="04:00")
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert expected in str(form.errors["start_time"])
    html = response.content.decode()
    assert f'value="{start_date}"' in html
    assert f'value="{start_time}"' in html
    assert 'value="ラウンジセミナー"' in html
    assert not Event.objects.exists()


def test_an_end_before_the_start_is_refused(admin_client):
    venue = VenueFactory()
    response = admin_client.post(ADD_URL, form_data(venue, end_time="18:00"))
    assert response.status_code == 200
    assert "終了は開始より後" in str(response.context["adminform"].form.errors["end_time"])


def test_the_change_form_shows_the_times_in_the_venue_zone(admin_client):
    event = EventFactory(
        venue=NewYorkLoungeFactory(),
        starts_at=datetime.datetime(2022, 12, 15, 19, 0, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2022, 12, 15, 20, 30, tzinfo=NEW_YORK),
    )
    html = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert 'value="19:00"' in html
    assert 'value="2022-12-15"' in html


def test_duplicating_an_event_creates_a_draft_copy_with_its_speakers_and_partners(
    admin_client,
):
    partner = PartnerFactory()
    event = EventFactory(partners=[partner])
    SpeakerFactory(event=event, name_en="Dr Example")
    response = admin_client.post(
        "/admin/events/event/",
        {"action": "duplicate_as_draft", "_selected_action": [event.pk]},
    )
    assert response.status_code == 302
    copy = Event.objects.exclude(pk=event.pk).get()
    assert copy.slug == f"{event.slug}-copy"
    assert copy.publication == Status.DRAFT
    assert copy.title_ja == event.title_ja
    assert list(copy.partners.all()) == [partner]
    assert [s.name_en for s in copy.speakers.all()] == ["Dr Example"]
    assert event.speakers.count() == 1
    assert not copy.is_live()


def test_the_changelist_filters_by_venue_status_and_date(admin_client):
    lounge = NewYorkLoungeFactory()
    EventFactory(venue=lounge, title_en="At the lounge", status="cancelled")
    EventFactory(title_en="Elsewhere")
    response = admin_client.get(f"/admin/events/event/?venue__id__exact={lounge.pk}")
    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == list(Event.objects.filter(venue=lounge))
    response = admin_client.get("/admin/events/event/?status__exact=cancelled")
    assert [e.venue for e in response.context["cl"].queryset] == [lounge]
    year = timezone.localtime(Event.objects.first().starts_at).year
    response = admin_client.get(f"/admin/events/event/?starts_at__year={year}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "lang-badge" in html


def test_the_preview_link_points_at_the_real_address(admin_client):
    event = EventFactory(publication=Status.DRAFT)
    html = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert f'href="{event.get_absolute_url()}"' in html
