import re

import pytest
from django.core import mail

from members.models import Person
from tests.members.factories import MemberUserFactory, PersonFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase-42"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_sign_up_in_japanese_confirm_the_address_then_sign_in(client):
    response = client.post(
        "/ja/accounts/signup/",
        {
            "name": "山田 花子",
            "email": "hanako@example.jp",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(user__email="hanako@example.jp")
    assert person.name == "山田 花子" and person.organisation is None
    [message] = mail.outbox
    assert message.subject.startswith("[LINK-J] ")
    assert "メールアドレス" in message.subject
    link = link_in(message)
    assert link.startswith("/ja/accounts/confirm-email/")
    client.logout()

    assert client.post(link).status_code == 302
    response = client.post(
        "/ja/accounts/login/", {"login": "hanako@example.jp", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ja/members/me/"
    page = client.get("/ja/members/me/").content.decode()
    assert "山田 花子" in page
    assert "まだ結び付けられていません" in page


def test_an_unconfirmed_address_cannot_sign_in(client):
    client.post(
        "/en/accounts/signup/",
        {"name": "Ann", "email": "ann@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "ann@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"


def test_password_reset_mail_speaks_english_and_links_to_the_site_url(client, settings):
    settings.SITE_URL = "https://www.link-j.example"
    MemberUserFactory(email="ann@example.org")
    response = client.post(
        "/en/accounts/password/reset/", {"email": "ann@example.org"}, HTTP_HOST="127.0.0.1"
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert "Password Reset" in message.subject
    assert "https://www.link-j.example/en/accounts/password/reset/key/" in message.body
    assert "127.0.0.1" not in message.body


def test_account_pages_use_the_sites_layout_in_the_visitors_language(client):
    text = client.get("/ja/accounts/login/").content.decode()
    assert '<html lang="ja">' in text
    assert 'class="site-header"' in text
    assert "パスワード" in text
    assert '<label for="id_login">' in text
    assert " style=" not in text


def test_my_page_needs_an_account(client):
    response = client.get("/en/members/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_staff_link_a_person_to_their_organisation_in_the_admin(admin_client):
    person = PersonFactory(organisation=None)
    other = PersonFactory()
    response = admin_client.post(
        f"/admin/members/person/{person.pk}/change/",
        {"name": person.name, "organisation": other.organisation.pk},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.organisation == other.organisation


@pytest.mark.parametrize("path", ["/ja/accounts/email/", "/en/accounts/password/change/"])
def test_account_settings_pages_open_for_a_signed_in_member(client, path):
    client.force_login(MemberUserFactory())
    response = client.get(path)
    assert response.status_code == 200
    assert 'class="site-header"' in response.content.decode()
    assert " style=" not in response.content.decode()
