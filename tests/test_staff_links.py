"""Links between the admin and the public pages: "View live" on a change form (only when the
page is live), "Edit this page" on a public page (only for staff who may change it, and never
inside a page the cache keeps for visitors), and the side-by-side preview in both languages."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Publication
from tests.events.factories import EventFactory
from tests.factories import PartnerFactory, UserFactory
from tests.news.factories import DraftReleaseFactory, ReleaseFactory
from tests.pages.factories import DraftPageFactory, PageFactory

pytestmark = pytest.mark.django_db

EDIT_LINK = 'class="edit-link"'


def client_for(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="ja")
    client.force_login(user)
    return client


def live_objects():
    return {
        "release": ReleaseFactory(),
        "partner": PartnerFactory(is_disclosed=True),
        "event": EventFactory(publication=Publication.PUBLISHED),
        "page": PageFactory(),
    }


def admin_change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def public_url(obj, language="ja") -> str:
    from django.utils import translation

    with translation.override(language):
        return obj.get_absolute_url()


@pytest.mark.parametrize("kind", ["release", "partner", "event", "page"])
def test_staff_who_may_change_it_get_edit_this_page_and_visitors_never_do(kind, editor, client):
    obj = live_objects()[kind]
    url = public_url(obj)

    first_visit = client.get(url)  # stored by the page cache for every later visitor
    assert first_visit.status_code == 200
    assert EDIT_LINK not in first_visit.content.decode()

    staff = client_for(editor).get(url)
    assert staff.status_code == 200
    html = staff.content.decode()
    assert f'href="{admin_change_url(obj)}" {EDIT_LINK}' in html
    assert "private" in staff["Cache-Control"]

    again = Client().get(url)
    assert again["X-Page-Cache"] == "hit"
    assert EDIT_LINK not in again.content.decode()


def test_a_page_a_staff_member_opened_first_is_not_kept_for_visitors(editor):
    event = EventFactory(publication=Publication.PUBLISHED)
    assert EDIT_LINK in client_for(editor).get(public_url(event)).content.decode()
    visitor = Client().get(public_url(event))
    assert visitor["X-Page-Cache"] == "miss"
    assert EDIT_LINK not in visitor.content.decode()


def test_staff_without_the_change_permission_get_no_edit_link():
    viewer = UserFactory(username="viewer", is_staff=True)
    event = EventFactory(publication=Publication.PUBLISHED)
    assert EDIT_LINK not in client_for(viewer).get(public_url(event)).content.decode()


@pytest.mark.parametrize("kind", ["release", "partner", "event", "page"])
def test_the_change_form_links_to_the_live_page_in_each_language(kind, publisher):
    obj = live_objects()[kind]
    html = client_for(publisher).get(admin_change_url(obj)).content.decode()
    for language in ("ja", "en"):
        assert f'<a href="{public_url(obj, language)}" class="view-live"' in html
    assert "公開中のページ（日本語）" in html


def not_live_objects():
    return {
        "release": DraftReleaseFactory(),
        "partner": PartnerFactory(is_disclosed=False),
        "event": EventFactory(publication=Publication.DRAFT),
        "page": DraftPageFactory(),
    }


@pytest.mark.parametrize("kind", ["release", "partner", "event", "page"])
def test_no_view_live_link_while_the_page_is_not_live(kind, publisher):
    obj = not_live_objects()[kind]
    response = client_for(publisher).get(admin_change_url(obj))
    assert response.status_code == 200
    assert 'class="view-live"' not in response.content.decode()


@pytest.mark.parametrize("kind", ["release", "partner", "event", "page"])
def test_side_by_side_preview_frames_the_saved_version_in_both_languages(kind, publisher):
    obj = not_live_objects()[kind]
    client = client_for(publisher)
    opts = obj._meta
    page = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_preview", args=[obj.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "frame-src 'self'" in page["Content-Security-Policy"]
    assert '<meta name="robots" content="noindex, nofollow">' in html
    for language in ("ja", "en"):
        src = f"{public_url(obj, language)}?preview=1"
        assert f'<iframe src="{src}"' in html
        framed = client.get(src)
        assert framed.status_code == 200, src
        assert framed["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in framed["Content-Security-Policy"]
        assert "noindex" in framed["X-Robots-Tag"]
        assert "no-store" in framed["Cache-Control"]
        assert EDIT_LINK not in framed.content.decode()  # the admin refuses to be framed
    # The change form carries the same frames, folded away until opened.
    form = client.get(admin_change_url(obj))
    assert 'id="preview-panel"' in form.content.decode()
    assert "frame-src 'self'" in form["Content-Security-Policy"]


def test_visitors_asking_for_a_preview_get_the_public_page_or_nothing(client):
    hidden = PartnerFactory(is_disclosed=False)
    assert client.get(f"{public_url(hidden)}?preview=1").status_code == 404
    shown = PartnerFactory(is_disclosed=True)
    response = client.get(f"{public_url(shown)}?preview=1")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_release_preview_shows_the_pending_draft_when_there_is_one(publisher):
    from news import services

    release = ReleaseFactory(title_en="Live title")
    services.save_draft(
        release=release, data={**services.snapshot(release), "title_en": "Draft title"}, user=None
    )
    html = client_for(publisher).get(f"/admin/news/release/{release.pk}/preview/").content
    assert f'src="{release.url_in("en")}?draft=1"' in html.decode()
