"""Search documents follow every save path: model saves, the admin, related former names,
deletes, bulk inserts of the scale generator, and rows that predate the search app."""

import io

import pytest
from django.core.management import call_command

from partners.models import FormerName, Partner
from search.models import Document, Kind
from tests.events.factories import EventFactory
from tests.factories import PartnerFactory
from tests.news.factories import ReleaseFactory
from tests.partners.test_admin import partner_form

pytestmark = pytest.mark.django_db


def text_of(kind, obj):
    return Document.objects.get(kind=kind, object_id=obj.pk).text


def test_saving_a_partner_writes_its_document_in_normal_form():
    partner = PartnerFactory(
        name_ja="横浜市", name_en="City of Yokohama", name_reading="ヨコハマシ"
    )
    text = text_of(Kind.PARTNER, partner)
    assert " 横浜市 city of yokohama " in text
    assert "よこはまし" in text
    partner.name_en = "Yokohama City"
    partner.save()
    assert "yokohama city" in text_of(Kind.PARTNER, partner)


def test_a_former_name_added_or_removed_updates_the_partners_document():
    partner = PartnerFactory()
    former = FormerName.objects.create(partner=partner, name_ja="先端医療振興財団")
    assert "先端医療振興財団" in text_of(Kind.PARTNER, partner)
    former.delete()
    assert "先端医療振興財団" not in text_of(Kind.PARTNER, partner)


def test_releases_and_events_are_indexed_with_both_languages_and_plain_body_text():
    release = ReleaseFactory(
        title_ja="大阪で提携", title_en="Osaka", body_ja="<p>本文&amp;詳細</p>"
    )
    event = EventFactory(title_ja="神戸セミナー", summary_en="In Kobe")
    assert "大阪で提携" in text_of(Kind.RELEASE, release)
    assert "本文&詳細" in text_of(Kind.RELEASE, release)
    assert "<p>" not in text_of(Kind.RELEASE, release)
    assert "in kobe" in text_of(Kind.EVENT, event)


def test_deleting_an_object_deletes_its_document():
    partner = PartnerFactory()
    release = ReleaseFactory()
    partner.delete()
    release.delete()
    assert not Document.objects.exists()


def test_a_partner_saved_in_the_admin_is_indexed_with_its_reading(admin_client):
    response = admin_client.post(
        "/admin/partners/partner/add/", partner_form(name_ja="大阪府", name_reading="おおさかふ")
    )
    assert response.status_code == 302
    partner = Partner.objects.get()
    assert "おおさかふ" in text_of(Kind.PARTNER, partner)


def test_the_scale_generator_indexes_what_it_inserts_in_bulk():
    call_command(
        "generate_scale_data",
        "--partners",
        "12",
        "--releases",
        "30",
        "--events",
        "10",
        stdout=io.StringIO(),
    )
    assert Document.objects.filter(kind=Kind.PARTNER).count() == Partner.objects.count() == 12
    assert Document.objects.filter(kind=Kind.RELEASE).count() == 30
    assert Document.objects.filter(kind=Kind.EVENT).count() == 10
    assert not Partner.objects.filter(name_reading="").exists()


def test_the_command_writes_missing_documents_and_rebuilds():
    partner = PartnerFactory(name_ja="川崎市")
    ReleaseFactory()
    Document.objects.all().delete()
    out = io.StringIO()
    call_command("search_index", "--dry-run", stdout=out)
    assert "partner: 1 without a document" in out.getvalue()
    assert not Document.objects.exists()
    call_command("search_index", stdout=io.StringIO())
    assert "川崎市" in text_of(Kind.PARTNER, partner)
    assert Document.objects.count() == 2
    Document.objects.filter(kind=Kind.PARTNER).update(text="stale")
    call_command("search_index", "--rebuild", stdout=io.StringIO())
    assert "川崎市" in text_of(Kind.PARTNER, partner)


def test_the_demo_content_is_searchable(demo_partners):
    assert Document.objects.filter(kind=Kind.PARTNER).count() == Partner.objects.count()
