"""How partners, releases and events point at each other, and who may edit what."""

import datetime

import pytest
from django.contrib.auth.models import Group

from tests.events.factories import EventFactory
from tests.factories import AgreementFactory, PartnerFactory, UserFactory
from tests.news.factories import DraftReleaseFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


def announced(partner, **kwargs):
    agreement = AgreementFactory(partner=partner, signed_on=datetime.date(2020, 9, 7))
    release = ReleaseFactory(partners=[partner], **kwargs)
    release.agreements.add(agreement)
    return release


def test_partner_page_lists_only_live_releases_about_it(client):
    partner = PartnerFactory()
    live = announced(partner, title_en="Osaka signs")
    draft = DraftReleaseFactory(title_en="Not yet")
    draft.partners.add(partner)
    text = client.get(f"/en/partners/{partner.slug}/").content.decode()
    assert "News about this partner" in text
    assert f'href="{live.get_absolute_url()}"' in text
    assert "Not yet" not in text


def test_english_partner_page_hides_a_release_not_yet_live_in_english(client):
    partner = PartnerFactory()
    announced(partner, title_en="English later", publish_at_en=None)
    assert "English later" not in client.get(f"/en/partners/{partner.slug}/").content.decode()
    assert "リリース" in client.get(f"/ja/partners/{partner.slug}/").content.decode()


def test_history_table_links_each_partnership_to_its_announcement(client):
    partner = PartnerFactory()
    release = announced(partner)
    text = client.get("/en/partners/history/").content.decode()
    assert (
        f'<a class="history-table__release" href="{release.get_absolute_url()}">Announcement</a>'
        in text
    )


def test_history_and_partner_pages_stay_flat_as_releases_grow(client, count_queries):
    partner = PartnerFactory()
    announced(partner)
    urls = ["/en/partners/history/", f"/en/partners/{partner.slug}/"]
    before = [count_queries(client.get, url) for url in urls]
    for _ in range(10):
        announced(PartnerFactory())
        ReleaseFactory(partners=[partner])
    assert [count_queries(client.get, url) for url in urls] == before


def test_event_page_lists_its_live_related_releases(client):
    release = ReleaseFactory(title_en="The lounge opens")
    hidden = DraftReleaseFactory(title_en="Draft news")
    event = EventFactory()
    event.related_releases.set([release, hidden])
    text = client.get(event.get_absolute_url().replace("/ja/", "/en/")).content.decode()
    assert "Related news" in text and "The lounge opens" in text
    assert "Draft news" not in text
    assert list(release.events.all()) == [event]


@pytest.mark.parametrize(
    ("group", "may_delete_events", "may_publish_releases"),
    [("Editors", False, False), ("Publishers", True, True)],
)
def test_roles_cover_events_too(group, may_delete_events, may_publish_releases):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    assert user.has_perm("events.change_event")
    assert user.has_perm("events.add_venue")
    assert user.has_perm("events.delete_event") is may_delete_events
    assert user.has_perm("news.publish_release") is may_publish_releases
    assert user.has_perm("partners.change_partner")


def test_editor_can_open_the_event_admin(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert client.get("/admin/events/event/add/").status_code == 200
    assert client.get("/admin/events/event/").status_code == 200


def test_roles_are_restored_to_their_definition_after_migrate():
    """A permission removed by hand (or a group deleted) comes back on the next migrate."""
    from django.core.management import call_command

    from linkj.roles import PUBLISHERS, permissions_of

    Group.objects.get(name="Editors").delete()
    publishers = Group.objects.get(name=PUBLISHERS)
    publishers.permissions.remove(publishers.permissions.get(codename="publish_release"))
    call_command("migrate", verbosity=0)
    assert Group.objects.filter(name="Editors").exists()
    granted = {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=PUBLISHERS).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert granted == permissions_of(PUBLISHERS)
