"""Events and partners follow the releases' rule: editors write, publishers make things live."""

import pytest
from django.test import Client

from events.models import Event
from linkj.publishing import Status
from partners.models import Partner
from tests.events.factories import EventFactory, NewYorkLoungeFactory, VenueFactory
from tests.events.test_admin import form_data as event_form
from tests.factories import PartnerFactory
from tests.partners.test_admin import partner_form

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("role", "publication"), [("editor", Status.DRAFT), ("publisher", Status.PUBLISHED)]
)
def test_only_a_publisher_publishes_an_event_even_when_an_editor_posts_the_field(
    request, role, publication
):
    user = request.getfixturevalue(role)
    response = client_for(user).post(
        "/admin/events/event/add/", event_form(VenueFactory(), publication="published")
    )
    assert response.status_code == 302
    assert Event.objects.get(slug="lounge-seminar").publication == publication


def test_an_editor_sees_a_published_event_read_only_with_the_reason(editor):
    event = EventFactory(publication=Status.PUBLISHED)
    client = client_for(editor)
    page = client.get(f"/admin/events/event/{event.pk}/change/")
    assert page.status_code == 200
    assert "公開担当者" in page.content.decode()
    assert 'name="title_ja"' not in page.content.decode()
    response = client.post(f"/admin/events/event/{event.pk}/change/", event_form(event.venue))
    assert response.status_code == 403


def test_a_partner_an_editor_adds_stays_undisclosed_until_a_publisher_discloses_it(
    editor, publisher
):
    response = client_for(editor).post(
        "/admin/partners/partner/add/", partner_form(is_disclosed="on")
    )
    assert response.status_code == 302
    partner = Partner.objects.get(slug="mpr")
    assert partner.is_disclosed is False
    form = client_for(editor).get(f"/admin/partners/partner/{partner.pk}/change/")
    assert 'name="is_disclosed"' not in form.content.decode()
    data = partner_form(is_disclosed="on", **{"agreements-TOTAL_FORMS": "0"})
    client_for(publisher).post(f"/admin/partners/partner/{partner.pk}/change/", data)
    partner.refresh_from_db()
    assert partner.is_disclosed is True


def test_an_editor_cannot_hide_or_show_a_partner_by_posting_the_field(editor):
    partner = PartnerFactory(is_disclosed=True, slug="mpr")
    data = partner_form(**{"agreements-TOTAL_FORMS": "0"})  # is_disclosed unticked
    response = client_for(editor).post(f"/admin/partners/partner/{partner.pk}/change/", data)
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.is_disclosed is True


def test_time_inputs_say_which_clock_they_are_read_on(admin_client):
    event = EventFactory(venue=NewYorkLoungeFactory())
    html = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert "開始時刻（ニューヨーク時間 America/New_York）" in html
    assert "公開開始日時（日本時間）" in html
    new = admin_client.get("/admin/events/event/add/").content.decode()
    assert "開始時刻（会場の現地時間）" in new
    assert "（America/New_York）</option>" in new
    release = admin_client.get("/admin/news/release/add/").content.decode()
    assert "日本語版の公開日時（日本時間）" in release
    assert "掲載終了日時（日本時間）" in release
