"""A release's files are public exactly when the release is, per language; editors who may
preview the release see them all, privately."""

import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile

from linkj.images import rendition
from linkj.publishing import Status
from tests.news.factories import ReleaseFactory, ReleasePhotoFactory, pdf_bytes, png_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]
NOW = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


# name: (release fields, visible: ja PDF, en PDF, photos)
STATES = {
    "draft": ({"status": Status.DRAFT}, False, False, False),
    "in review": ({"status": Status.REVIEW}, False, False, False),
    "withdrawn": ({"status": Status.WITHDRAWN}, False, False, False),
    "live in both": ({}, True, True, True),
    "Japanese only": ({"publish_at_en": None}, True, False, True),
    "English embargoed": ({"publish_at_en": NOW + DAY}, True, False, True),
    "both embargoed": (
        {"publish_at_ja": NOW + DAY, "publish_at_en": NOW + DAY},
        False,
        False,
        False,
    ),
    "no English title": ({"title_en": ""}, True, False, True),
    "taken down": ({"unpublish_at": NOW - datetime.timedelta(hours=1)}, False, False, False),
}


def release_with_files(**fields):
    fields = {"publish_at_ja": NOW - DAY, "publish_at_en": NOW - DAY, **fields}
    if fields.get("unpublish_at"):
        fields.update(publish_at_ja=NOW - 2 * DAY, publish_at_en=NOW - 2 * DAY)
    release = ReleaseFactory(**fields)
    release.attachment_ja.save("release.pdf", ContentFile(pdf_bytes()), save=False)
    release.attachment_en.save("release-en.pdf", ContentFile(pdf_bytes(padding=10)), save=False)
    release.save()
    photo = ReleasePhotoFactory(
        release=release, image=ContentFile(png_bytes(600, 400), name="photo.png")
    )
    return release, photo


def urls_of(release, photo) -> dict[str, str]:
    return {
        "ja": release.attachment_ja.url,
        "en": release.attachment_en.url,
        "photo": photo.image.url,
        "rendition": rendition(photo.image, 480).url,
    }


@pytest.mark.parametrize("state", STATES)
def test_visitors_get_a_file_exactly_when_its_release_is_live_in_that_language(client, state):
    fields, ja, en, photos = STATES[state]
    urls = urls_of(*release_with_files(**fields))
    expected = {"ja": ja, "en": en, "photo": photos, "rendition": photos}
    got = {key: client.get(url).status_code for key, url in urls.items()}
    assert got == {key: 200 if visible else 404 for key, visible in expected.items()}


@pytest.mark.parametrize("state", STATES)
def test_editors_see_every_file_and_only_what_visitors_cannot_see_is_private(client, editor, state):
    fields, ja, en, photos = STATES[state]
    urls = urls_of(*release_with_files(**fields))
    expected = {"ja": ja, "en": en, "photo": photos, "rendition": photos}
    client.force_login(editor)
    for key, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, key
        if expected[key]:
            assert response["Cache-Control"].startswith("public"), key
        else:
            assert "private" in response["Cache-Control"], key
            assert "no-store" in response["Cache-Control"], key


def test_the_release_pdf_of_a_draft_is_not_found_at_its_guessable_address(client):
    release, _photo = release_with_files(status=Status.DRAFT, slug="secret-deal")
    assert release.attachment_ja.name == "news/attachments/secret-deal/release.pdf"
    assert client.get("/media/news/attachments/secret-deal/release.pdf").status_code == 404


def test_a_pdf_opens_in_the_browser_under_its_own_name(client):
    release, _photo = release_with_files()
    response = client.get(release.attachment_en.url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="release-en.pdf"'
    assert b"".join(response.streaming_content) == pdf_bytes(padding=10)


def test_an_embargo_lifts_for_the_files_too_without_a_save(client):
    release, photo = release_with_files(publish_at_ja=NOW + DAY, publish_at_en=None)
    assert client.get(release.attachment_ja.url).status_code == 404
    assert client.get(photo.image.url).status_code == 404
    with time_machine.travel(NOW + 2 * DAY, tick=False):
        assert client.get(release.attachment_ja.url).status_code == 200
        assert client.get(photo.image.url).status_code == 200
        assert client.get(release.attachment_en.url).status_code == 404


def test_caches_may_keep_a_public_file_no_longer_than_until_its_take_down(client):
    release, photo = release_with_files(unpublish_at=NOW + datetime.timedelta(hours=2))
    for url in (release.attachment_ja.url, photo.image.url):
        assert client.get(url)["Cache-Control"] == "public, max-age=7200"


def test_the_release_page_links_only_the_pdfs_of_languages_live_now(client):
    release, _photo = release_with_files(publish_at_en=NOW + DAY)
    html = client.get(release.url_in("ja")).content.decode()
    assert release.attachment_ja.url in html
    assert release.attachment_en.url not in html


def test_a_preview_links_every_pdf_and_the_editor_can_open_them(client, editor):
    release, _photo = release_with_files(status=Status.REVIEW)
    client.force_login(editor)
    html = client.get(release.url_in("en")).content.decode()
    for file in (release.attachment_ja, release.attachment_en):
        assert file.url in html
        assert client.get(file.url).status_code == 200


def test_the_size_shown_beside_a_pdf_is_remembered_between_page_views(client):
    release, _photo = release_with_files()
    storage = release.attachment_ja.storage
    client.get(release.url_in("ja"))
    storage.delete(release.attachment_en.name)  # a storage round trip would now fail
    html = client.get(release.url_in("ja")).content.decode()
    assert release.attachment_en.url in html


def test_a_file_request_for_a_release_costs_one_query(client, django_assert_max_num_queries):
    release, photo = release_with_files()
    urls = urls_of(release, photo)
    for url in urls.values():
        client.get(url)
    for url in urls.values():
        with django_assert_max_num_queries(1):
            assert client.get(url).status_code == 200


def test_a_file_shared_by_a_copied_release_is_public_while_either_is_live(client):
    live, _photo = release_with_files()
    ReleaseFactory(status=Status.DRAFT, attachment_ja=live.attachment_ja.name)
    assert client.get(live.attachment_ja.url).status_code == 200
