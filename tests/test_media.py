"""Uploaded files through linkj.media: served with DEBUG off, only when their owner is
public (or to staff who may preview it), with cache headers, conditional and range requests."""

import importlib
import io
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import clear_url_caches
from PIL import Image

from linkj import media
from linkj.cache import local_pages
from linkj.images import rendition
from tests import images
from tests.factories import PartnerFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def production_urls(settings):
    """The URL conf as production builds it: DEBUG off when linkj.urls is imported."""
    import linkj.urls

    settings.DEBUG = False
    importlib.reload(linkj.urls)
    clear_url_caches()
    yield
    importlib.reload(linkj.urls)
    clear_url_caches()


def partner_with_logo(**kwargs):
    partner = PartnerFactory(**kwargs)
    partner.logo.save("logo.png", ContentFile(images.image_bytes(size=(300, 150))))
    return partner


def stored(name: str) -> bytes:
    with default_storage.open(name) as file:
        return file.read()


def url_of(name: str) -> str:
    return default_storage.url(name)


def staff_with(*codenames: str):
    user = UserFactory(is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def test_a_public_logo_is_served_with_debug_off(client, production_urls):
    partner = partner_with_logo()
    response = client.get(partner.logo.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored(partner.logo.name)
    assert response["Content-Type"] == "image/png"
    assert response["Content-Length"] == str(partner.logo.size)
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    # Nobody's session was read, so a shared cache may keep one copy for everyone.
    assert "Cookie" not in response.get("Vary", "")


def test_logo_urls_point_at_the_media_view():
    partner = partner_with_logo()
    assert partner.logo.url == f"/media/{partner.logo.name}"
    assert partner.logo.name.startswith("partners/logos/")


def test_an_undisclosed_partners_logo_answers_exactly_like_an_unknown_name(client):
    hidden = partner_with_logo(is_disclosed=False)
    unknown_url = "/media/partners/logos/nobody.png"
    response = client.get(hidden.logo.url)
    unknown = client.get(unknown_url)
    assert response.status_code == unknown.status_code == 404
    # The page names the address asked for (its links); apart from that, not one byte differs.
    assert response.content.replace(hidden.logo.url.encode(), b"URL") == unknown.content.replace(
        unknown_url.encode(), b"URL"
    )
    for header in ("Cache-Control", "Vary", "Content-Type"):
        assert response.get(header) == unknown.get(header), header
    assert "no-store" in response["Cache-Control"]


def test_staff_who_may_view_partners_see_an_undisclosed_logo_privately(client):
    hidden = partner_with_logo(is_disclosed=False)
    client.force_login(staff_with("view_partner"))
    response = client.get(hidden.logo.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_staff_without_the_view_permission_do_not_see_an_undisclosed_logo(client):
    hidden = partner_with_logo(is_disclosed=False)
    client.force_login(staff_with("view_release"))
    assert client.get(hidden.logo.url).status_code == 404


def test_renditions_are_named_after_their_source_and_follow_its_visibility(client):
    partner = partner_with_logo()
    small = rendition(partner.logo, 120)
    assert small.url == f"/media/renditions/{partner.logo.name}/120.webp"
    response = client.get(small.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    with Image.open(io.BytesIO(stored(small.url.removeprefix("/media/")))) as image:
        assert image.size == (120, 60)

    partner.is_disclosed = False
    partner.save()
    assert client.get(small.url).status_code == 404


def test_a_rendition_nobody_made_is_not_found(client):
    partner = partner_with_logo()
    rendition(partner.logo, 120)
    assert client.get(f"/media/renditions/{partner.logo.name}/121.webp").status_code == 404


def test_an_old_style_rendition_name_is_not_served_and_pages_make_the_new_one(client):
    partner = partner_with_logo()
    legacy = default_storage.save("renditions/0123456789abcdef/120.webp", ContentFile(b"x"))
    assert client.get(url_of(legacy)).status_code == 404
    html = client.get(partner.get_absolute_url()).content.decode()
    assert f"/media/renditions/{partner.logo.name}/" in html


def test_a_page_view_asks_the_storage_only_while_the_cache_is_cold(client):
    partner = partner_with_logo()
    storage = partner.logo.storage
    page = partner.get_absolute_url()
    client.get(page)  # the first view makes the renditions
    with (
        mock.patch.object(storage, "exists", wraps=storage.exists) as exists,
        mock.patch.object(storage, "save", wraps=storage.save) as save,
    ):
        assert client.get(page).status_code == 200
        assert client.get(page).status_code == 200
        assert exists.call_count == 0

        cache.clear()
        local_pages.forget()
        assert client.get(page).status_code == 200
        assert exists.call_count == 2  # the 240 and 480 px renditions: found, not made again
        assert save.call_count == 0


def test_a_cold_cache_and_a_missing_file_regenerate_the_rendition():
    partner = partner_with_logo()
    name = rendition(partner.logo, 120).url.removeprefix("/media/")
    default_storage.delete(name)
    cache.clear()
    rendition(partner.logo, 120)
    assert default_storage.exists(name)


def test_two_workers_making_the_same_rendition_keep_one_file():
    partner = partner_with_logo()
    name = rendition(partner.logo, 120).url.removeprefix("/media/")
    cache.clear()
    # The other worker saved it between this one's exists() and save().
    storage = partner.logo.storage
    real_exists, asked = storage.exists, []

    def exists_but_not_yet_seen(name):
        asked.append(name)
        return len(asked) > 1 and real_exists(name)

    with mock.patch.object(storage, "exists", side_effect=exists_but_not_yet_seen):
        assert rendition(partner.logo, 120).url == f"/media/{name}"
    folder = name.rsplit("/", 1)[0]
    assert default_storage.listdir(folder)[1] == ["120.webp"]


def test_the_rendition_cache_survives_across_workers_by_living_in_the_django_cache():
    partner = partner_with_logo()
    name = rendition(partner.logo, 120).url.removeprefix("/media/")
    assert cache.get(media.cache_key("rendition", name, partner.logo.storage)) is True


def test_an_unchanged_file_answers_304_to_a_conditional_request(client):
    partner = partner_with_logo()
    first = client.get(partner.logo.url)
    again = client.get(partner.logo.url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["Cache-Control"] == "public, max-age=86400"
    since = client.get(partner.logo.url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_range_requests_get_the_bytes_asked_for(client):
    partner = partner_with_logo()
    data = stored(partner.logo.name)
    head = client.get(partner.logo.url, headers={"Range": "bytes=0-9"})
    assert head.status_code == 206
    assert head["Content-Range"] == f"bytes 0-9/{len(data)}"
    assert b"".join(head.streaming_content) == data[:10]
    tail = client.get(partner.logo.url, headers={"Range": "bytes=-5"})
    assert b"".join(tail.streaming_content) == data[-5:]
    beyond = client.get(partner.logo.url, headers={"Range": f"bytes={len(data)}-"})
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{len(data)}"
    stale = client.get(partner.logo.url, headers={"Range": "bytes=0-9", "If-Range": '"old"'})
    assert stale.status_code == 200
    assert b"".join(stale.streaming_content) == data


def test_head_gives_the_headers_without_the_file(client):
    partner = partner_with_logo()
    response = client.head(partner.logo.url)
    assert response.status_code == 200
    assert response["Content-Length"] == str(partner.logo.size)
    assert response.content == b""


def test_only_reading_is_allowed(client):
    partner = partner_with_logo()
    assert client.post(partner.logo.url).status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "/media/partners/logos/../../linkj/settings/base.py",
        "/media/partners/logos/%2e%2e/%2e%2e/manage.py",
        "/media//etc/passwd",
        "/media/.env",
    ],
)
def test_names_that_leave_the_media_folder_are_not_found(client, path):
    partner_with_logo()
    assert client.get(path).status_code == 404


def test_a_name_with_a_nul_byte_is_a_bad_request(client):
    partner_with_logo()
    assert client.get("/media/partners/logos/x%00.png").status_code == 400


def test_a_file_request_costs_one_query(client, django_assert_max_num_queries):
    partner = partner_with_logo()
    small = rendition(partner.logo, 120)
    client.get(partner.logo.url)  # the first request remembers size and date
    with django_assert_max_num_queries(1):
        assert client.get(partner.logo.url).status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(small.url).status_code == 200


def test_a_file_gone_from_the_storage_is_not_found_rather_than_a_broken_answer(client):
    partner = partner_with_logo()
    assert client.get(partner.logo.url).status_code == 200  # its size is now remembered
    default_storage.delete(partner.logo.name)
    assert client.get(partner.logo.url).status_code == 404


def test_legacy_renditions_are_pruned_and_current_ones_kept():
    partner = partner_with_logo()
    current = rendition(partner.logo, 120).url.removeprefix("/media/")
    legacy = default_storage.save("renditions/0123456789abcdef/120.webp", ContentFile(b"x"))
    out = io.StringIO()
    call_command("prune_legacy_renditions", "--dry-run", stdout=out)
    assert f"Would delete {legacy}" in out.getvalue()
    assert default_storage.exists(legacy)
    call_command("prune_legacy_renditions", stdout=io.StringIO())
    assert not default_storage.exists(legacy)
    assert default_storage.exists(current)
