"""Revisions of partners, agreements and events (django-reversion through linkj/revisions.py):
what a revision holds, how it reads in the Japanese admin, and restoring, which asks for a
confirmation and never puts the restored content in front of visitors by itself."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from reversion.models import Version

from events.models import Event, Publication, Speaker
from linkj import revisions
from partners.models import Agreement, Partner, Signatory
from tests import images
from tests.events.factories import EventFactory, SpeakerFactory
from tests.factories import AgreementFactory, PartnerFactory, ScopeItemFactory
from tests.partners.test_admin import partner_form
from tests.test_admin_japanese import english_words

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def client_for(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="ja")
    client.force_login(user)
    return client


def diff_rows(html: str) -> list[tuple[str, str, str]]:
    """(label, old, new) of every row of the compare or confirmation table."""
    rows = re.findall(
        r'<tr><th scope="row">(.*?)</th><td><del>(.*?)</del></td><td><ins>(.*?)</ins></td></tr>',
        html,
        re.S,
    )
    return [tuple(re.sub(r"<[^>]+>", "\n", cell).strip() for cell in row) for row in rows]


def versions(obj) -> list[Version]:
    return list(revisions.versions_of(obj))


# --- What a revision holds ------------------------------------------------------------------


def test_saving_a_partner_outside_the_admin_writes_no_revision():
    partner = PartnerFactory()
    partner.name_en = "Changed in a shell"
    partner.save()
    assert versions(partner) == []


def test_a_partner_revision_holds_its_logo_former_names_agreements_signatories_and_scopes():
    scope = ScopeItemFactory()
    partner = PartnerFactory()
    partner.logo.save("logo.png", ContentFile(images.image_bytes()))
    partner.former_names.create(name_ja="旧名", name_en="Old name")
    agreement = AgreementFactory(partner=partner, scope_items=[scope])
    Signatory.objects.create(agreement=agreement, name_ja="山田太郎", side="linkj")

    revision = revisions.save_revision(obj=partner, comment="")

    held = {(v.content_type.model, v.object_id) for v in revision.version_set.all()}
    assert held == {
        ("partner", str(partner.pk)),
        ("formername", str(partner.former_names.get().pk)),
        ("agreement", str(agreement.pk)),
        ("signatory", str(agreement.signatories.get().pk)),
    }
    data = versions(partner)[0].field_dict
    assert data["logo"] == partner.logo.name
    assert versions(agreement)[0].field_dict["scope_items"] == [scope.pk]


def test_restoring_a_partner_brings_back_a_deleted_agreement_with_its_signatories_and_scopes(
    publisher,
):
    scope = ScopeItemFactory()
    partner = PartnerFactory(name_en="First name")
    agreement = AgreementFactory(partner=partner, scope_items=[scope], term_years=5)
    Signatory.objects.create(agreement=agreement, name_ja="山田太郎", side="linkj")
    revisions.save_revision(obj=partner)
    agreement_pk = agreement.pk
    agreement.delete()
    partner.name_en = "Second name"
    partner.save()
    later = AgreementFactory(partner=partner)
    revisions.save_revision(obj=partner)

    revisions_of_partner = versions(partner)
    from partners import revisions as partner_revisions

    partner_revisions.restore(version=revisions_of_partner[0], user=publisher)

    partner.refresh_from_db()
    assert partner.name_en == "First name"
    restored = Agreement.objects.get(partner=partner)
    assert restored.pk == agreement_pk
    assert not Agreement.objects.filter(pk=later.pk).exists()
    assert list(restored.scope_items.all()) == [scope]
    assert restored.signatories.get().name_ja == "山田太郎"
    assert partner.is_disclosed is False  # waits for a publisher
    assert len(versions(partner)) == 3
    assert revisions.comment_text(versions(partner)[-1].revision.comment) == ("第1版から復元")


def test_restoring_an_event_brings_back_its_speaker_and_photo_and_saves_it_as_a_draft(publisher):
    event = EventFactory(title_en="Original title", publication=Publication.PUBLISHED)
    speaker = SpeakerFactory(event=event)
    speaker.photo.save("speaker.png", ContentFile(images.image_bytes()))
    photo_name = speaker.photo.name
    revisions.save_revision(obj=event, user=publisher)
    speaker.delete()
    event.title_en = "Changed title"
    event.save()
    revisions.save_revision(obj=event, user=publisher)

    from events import revisions as event_revisions

    event_revisions.restore(version=versions(event)[0], user=publisher)

    event.refresh_from_db()
    assert event.title_en == "Original title"
    assert event.publication == Publication.DRAFT
    assert Speaker.objects.get(event=event).photo.name == photo_name
    assert event.updated_by == publisher


# --- The admin: every save a revision, compare, confirm, restore ----------------------------


def test_partner_saves_in_the_admin_are_revisions_that_compare_in_japanese_and_restore_unpublished(
    publisher,
):
    client = client_for(publisher)
    response = client.post("/admin/partners/partner/add/", partner_form())
    assert response.status_code == 302
    partner = Partner.objects.get(slug="mpr")
    agreement = partner.agreements.get()
    change = partner_form(
        name_en="Medicen Paris Region renamed",
        **{
            "agreements-INITIAL_FORMS": "1",
            "agreements-0-id": str(agreement.pk),
            "agreements-0-partner": str(partner.pk),
            "agreements-0-term_years": "10",
        },
    )
    response = client.post(f"/admin/partners/partner/{partner.pk}/change/", change)
    assert response.status_code == 302
    first, second = versions(partner)
    assert second.revision.user == publisher

    url = f"/admin/partners/partner/{partner.pk}/revisions/"
    compare = client.get(url, {"a": first.pk, "b": second.pk}).content.decode()
    rows = diff_rows(compare)
    labels = [label for label, _old, _new in rows]
    assert "正式名称［英語］" in labels
    assert "提携" in labels  # the agreements, as one entry
    for label, old, new in rows:
        assert not english_words(label), label
        assert not ISO_DATE.search(old + new), (old, new)
    assert "name_en" not in compare

    confirm = client.get(f"{url}{first.pk}/restore/")
    assert confirm.status_code == 200
    assert "公開担当者" in confirm.content.decode()
    assert Partner.objects.get(pk=partner.pk).name_en == "Medicen Paris Region renamed"

    response = client.post(f"{url}{first.pk}/restore/", follow=True)
    partner.refresh_from_db()
    agreement.refresh_from_db()
    assert partner.name_en == "Medicen Paris Region"
    assert agreement.term_years == 5
    assert partner.is_disclosed is False
    messages = [str(m) for m in response.context["messages"]]
    assert any("第1版" in m and "公開担当者" in m for m in messages), messages


def test_restoring_needs_a_confirmation_posted(publisher):
    event = EventFactory(title_en="Before")
    revisions.save_revision(obj=event, user=publisher)
    event.title_en = "After"
    event.save()
    revisions.save_revision(obj=event, user=publisher)
    first = versions(event)[0]
    client = client_for(publisher)
    url = f"/admin/events/event/{event.pk}/revisions/{first.pk}/restore/"
    page = client.get(url).content.decode()
    assert 'id="confirm-restore"' in page
    assert Event.objects.get(pk=event.pk).title_en == "After"
    client.post(url)
    assert Event.objects.get(pk=event.pk).title_en == "Before"


def test_the_first_admin_change_keeps_the_state_it_started_from(publisher):
    event = EventFactory(title_en="Seeded title")
    from tests.events.test_admin import form_data

    data = form_data(event.venue, slug=event.slug, title_en="Edited title")
    response = client_for(publisher).post(f"/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    baseline, edited = versions(event)
    assert baseline.field_dict["title_en"] == "Seeded title"
    assert edited.field_dict["title_en"] == "Edited title"


def test_an_editor_cannot_restore_a_published_event(editor, publisher):
    event = EventFactory(publication=Publication.PUBLISHED)
    revisions.save_revision(obj=event, user=publisher)
    version = versions(event)[0]
    client = client_for(editor)
    assert client.get(f"/admin/events/event/{event.pk}/revisions/").status_code == 200
    response = client.post(f"/admin/events/event/{event.pk}/revisions/{version.pk}/restore/")
    assert response.status_code == 403


def test_restoring_an_agreement_hides_its_partner_until_a_publisher_shows_it(publisher):
    agreement = AgreementFactory(term_years=3)
    revisions.save_revision(obj=agreement, user=publisher)
    agreement.term_years = 9
    agreement.save()
    revisions.save_revision(obj=agreement, user=publisher)
    first = versions(agreement)[0]
    client_for(publisher).post(
        f"/admin/partners/agreement/{agreement.pk}/revisions/{first.pk}/restore/"
    )
    agreement.refresh_from_db()
    assert agreement.term_years == 3
    assert Partner.objects.get(pk=agreement.partner_id).is_disclosed is False


def test_the_confirmation_compares_with_what_is_stored_now_even_after_a_change_elsewhere(
    publisher,
):
    event = EventFactory(title_en="Kept title")
    revisions.save_revision(obj=event, user=publisher)
    event.title_en = "Changed in a shell"
    event.save()  # no revision: only the admin writes them
    first = versions(event)[0]
    page = client_for(publisher).get(
        f"/admin/events/event/{event.pk}/revisions/{first.pk}/restore/"
    )
    assert ("タイトル［英語］", "Changed in a shell", "Kept title") in diff_rows(
        page.content.decode()
    )
    assert len(versions(event)) == 1  # reading the present kept nothing


def test_a_version_whose_address_is_now_taken_is_refused_with_a_message(publisher):
    event = EventFactory(slug="spring-seminar")
    revisions.save_revision(obj=event, user=publisher)
    event.slug = "spring-seminar-2027"
    event.save()
    revisions.save_revision(obj=event, user=publisher)
    EventFactory(slug="spring-seminar")  # another event took the old address
    first = versions(event)[0]
    response = client_for(publisher).post(
        f"/admin/events/event/{event.pk}/revisions/{first.pk}/restore/", follow=True
    )
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("第1版は復元できませんでした" in m for m in messages), messages
    event.refresh_from_db()
    assert event.slug == "spring-seminar-2027"
    assert event.publication == Publication.PUBLISHED  # nothing changed


def test_a_link_to_a_venue_deleted_since_is_kept_as_it_is_now(publisher):
    from tests.events.factories import VenueFactory

    old_venue, new_venue = VenueFactory(), VenueFactory()
    event = EventFactory(venue=old_venue, title_en="Old")
    revisions.save_revision(obj=event, user=publisher)
    event.venue, event.title_en = new_venue, "New"
    event.save()
    old_venue.delete()
    from events import revisions as event_revisions

    event_revisions.restore(version=versions(event)[0], user=publisher)
    event.refresh_from_db()
    assert (event.title_en, event.venue) == ("Old", new_venue)
