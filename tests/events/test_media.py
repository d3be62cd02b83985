"""A speaker's photo is public exactly when the event is; editors preview it privately."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from linkj.images import rendition
from linkj.publishing import Status
from tests.conftest import member
from tests.events.factories import EventFactory, SpeakerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def photo() -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), "teal").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="face.png")


STATES = {
    "published": ({}, True),
    "draft": ({"publication": Status.DRAFT}, False),
    "scheduled": ({"publish_at": timezone.now() + datetime.timedelta(days=1)}, False),
}


@pytest.mark.parametrize("state", STATES)
def test_a_speaker_photo_is_public_exactly_when_the_event_is(client, state):
    fields, public = STATES[state]
    speaker = SpeakerFactory(event=EventFactory(**fields), photo=photo())
    urls = [speaker.photo.url, rendition(speaker.photo, 96).url]
    assert [client.get(url).status_code for url in urls] == [200 if public else 404] * 2


@pytest.mark.parametrize("state", STATES)
def test_editors_who_may_preview_events_see_every_speaker_photo(client, state):
    fields, public = STATES[state]
    speaker = SpeakerFactory(event=EventFactory(**fields), photo=photo())
    client.force_login(member("Editors", "editor"))
    response = client.get(speaker.photo.url)
    assert response.status_code == 200
    assert ("public" in response["Cache-Control"]) is public
    assert ("no-store" in response["Cache-Control"]) is not public


def test_the_event_page_shows_the_photo_through_the_media_view(client):
    speaker = SpeakerFactory(photo=photo())
    html = client.get(speaker.event.get_absolute_url()).content.decode()
    url = rendition(speaker.photo, 96).url
    assert f'src="{url}"' in html
    assert client.get(url)["Content-Type"] == "image/webp"
