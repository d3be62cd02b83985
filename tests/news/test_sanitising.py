import html.parser
import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from linkj.middleware import CONTROL_CHARACTERS_IN_TEXT
from news import demo
from news.models import Release
from tests.news.factories import ReleaseFactory
from tests.news.helpers import release_form_data
from tests.news.xss_corpus import PAYLOADS

pytestmark = pytest.mark.django_db

FORBIDDEN_TAGS = {
    "script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "button",
    "base", "meta", "link", "img", "video", "audio", "source", "body", "frameset", "template",
    "noscript", "textarea", "select", "details", "marquee", "applet", "isindex", "keygen",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "cite", "data", "xlink:href"}
SAFE_SCHEMES = re.compile(r"^(https?:|mailto:|tel:|#|/|[^:]*$)", re.IGNORECASE)


class Inspector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}")
            if name in ("style", "srcdoc"):
                self.problems.append(f"attribute {name}")
            if name in URL_ATTRIBUTES and value is not None:
                compact = re.sub(r"[\x00-\x20]", "", value)
                if not SAFE_SCHEMES.match(compact):
                    self.problems.append(f"unsafe URL {value!r}")


def assert_safe(stored: str, payload: str = ""):
    inspector = Inspector()
    inspector.feed(stored)
    inspector.close()
    assert not inspector.problems, (payload, stored, inspector.problems)
    assert "javascript:" not in stored.lower().replace("&amp;", "&"), (payload, stored)


def stored_bodies(field: str = "body_ja") -> list[str]:
    # Read the columns back from the database, not from the Python objects.
    return list(Release.objects.order_by("pk").values_list(field, flat=True))


def test_corpus_has_at_least_one_hundred_payloads():
    assert len(PAYLOADS) >= 100


def test_checker_catches_unsanitised_html():
    inspector = Inspector()
    inspector.feed('<a href="java\tscript:alert(1)" onclick="x">x</a><script></script>')
    assert len(inspector.problems) == 3


def test_orm_create_sanitises_every_payload():
    for index, payload in enumerate(PAYLOADS):
        Release.objects.create(
            slug=f"x{index}", title_ja="t", date="2026-01-01", body_ja=payload, body_en=payload
        )
    for field in ("body_ja", "body_en"):
        for payload, stored in zip(PAYLOADS, stored_bodies(field), strict=True):
            assert_safe(stored, payload)


def test_orm_save_of_an_existing_object_sanitises_and_updates_the_instance():
    release = ReleaseFactory()
    for payload in PAYLOADS:
        release.body_en = payload
        release.save()
        assert_safe(release.body_en, payload)
        assert_safe(Release.objects.values_list("body_en", flat=True).get(pk=release.pk), payload)


def test_bulk_create_sanitises_every_payload():
    Release.objects.bulk_create(
        [
            Release(slug=f"b{index}", title_ja="t", date="2026-01-01", body_ja=payload)
            for index, payload in enumerate(PAYLOADS)
        ]
    )
    for payload, stored in zip(PAYLOADS, stored_bodies(), strict=True):
        assert_safe(stored, payload)


def test_queryset_update_sanitises_every_payload():
    release = ReleaseFactory()
    for payload in PAYLOADS:
        Release.objects.filter(pk=release.pk).update(body_ja=payload)
        assert_safe(Release.objects.values_list("body_ja", flat=True).get(pk=release.pk), payload)


def test_loaddata_fixture_sanitises_every_payload(tmp_path):
    fixture = tmp_path / "releases.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "news.release",
                    "pk": index + 1,
                    "fields": {
                        "slug": f"f{index}",
                        "title": "t",
                        "title_ja": "t",
                        "date": "2026-01-01",
                        "body": payload,
                        "body_ja": payload,
                        "body_en": payload,
                        "created_at": "2026-01-01T00:00:00Z",
                        "updated_at": "2026-01-01T00:00:00Z",
                    },
                }
                for index, payload in enumerate(PAYLOADS)
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert Release.objects.count() == len(PAYLOADS)
    for field in ("body", "body_ja", "body_en"):
        for payload, stored in zip(PAYLOADS, stored_bodies(field), strict=True):
            assert_safe(stored, payload)


def test_admin_form_sanitises_every_payload(client, editor):
    client.force_login(editor)
    add_url = reverse("admin:news_release_add")
    accepted = []
    for index, payload in enumerate(PAYLOADS):
        response = client.post(
            add_url, release_form_data(slug=f"a{index}", body_ja=payload, body_en=payload)
        )
        assert response.status_code == 302, payload
        # Control characters are dropped before any form sees them (linkj/middleware.py).
        accepted.append(CONTROL_CHARACTERS_IN_TEXT.sub("", payload))
    for field in ("body_ja", "body_en"):
        for payload, stored in zip(accepted, stored_bodies(field), strict=True):
            assert_safe(stored, payload)


def test_demo_loader_sanitises_every_payload(monkeypatch):
    template = demo.RELEASES[0]
    releases = [
        {**template, "slug": f"d{index}", "partners": [], "quotes": [], "body_ja": payload}
        for index, payload in enumerate(PAYLOADS)
    ]
    monkeypatch.setattr(demo, "RELEASES", releases)
    demo.load(stdout=io.StringIO())
    for payload, stored in zip(PAYLOADS, stored_bodies(), strict=True):
        assert_safe(stored, payload)


def test_kept_formatting_survives_sanitising():
    body = (
        "<h2>Heading</h2><p><strong>bold</strong> <em>em</em> "
        '<a href="https://example.org/">link</a></p><ul><li>one</li></ul><ol><li>two</li></ol>'
        "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>c</td></tr></tbody></table>"
    )
    release = ReleaseFactory(body_en=body)
    release.refresh_from_db()
    for fragment in ("<h2>", "<strong>", "<em>", 'href="https://example.org/"', "<ul>", "<ol>",
                     "<table>", "<th>", "<td>"):  # fmt: skip
        assert fragment in release.body_en


def test_public_page_never_outputs_a_payload_as_markup(client):
    release = ReleaseFactory(body_en="".join(PAYLOADS))
    html = client.get(f"/en/news/{release.slug}/").content.decode()
    body = html.split('class="rich-text"', 1)[1].split("</div>", 1)[0]
    assert_safe(body)
