import csv
import datetime
import io
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client

from newsletter.models import Subscriber, SubscriberStatus
from newsletter.tokens import confirm_token, unsubscribe_token

pytestmark = pytest.mark.django_db
SHOWN = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)
LATER = SHOWN + datetime.timedelta(minutes=1)


def sign_up(client, email="hanako@example.org", page="ja", language=None, **extra):
    with time_machine.travel(SHOWN, tick=False):
        form = client.get(f"/{page}/newsletter/").context["form"]
    data = {
        "email": email,
        "language": language or page,
        "shown_at": form["shown_at"].value(),
        "website": "",
    }
    with time_machine.travel(LATER, tick=False):
        return client.post(f"/{page}/newsletter/", data, **extra)


def link_in(message, name: str) -> str:
    url = re.search(rf"http://testserver(/\w\w/newsletter/{name}/[^/\s]+/)", message.body)
    assert url, message.body
    return url.group(1)


def test_double_opt_in_from_sign_up_to_confirmation_to_unsubscribe(client):
    response = sign_up(client)
    assert (
        response.status_code == 302 and response["Location"] == "/ja/newsletter/check-your-inbox/"
    )
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING and subscriber.language == "ja"

    (confirmation,) = mail.outbox
    assert confirmation.to == ["hanako@example.org"]
    assert "メールマガジン" in confirmation.subject
    confirm_url = link_in(confirmation, "confirm")
    # Opening the link (as a mail scanner would) changes nothing; the button confirms.
    with time_machine.travel(LATER, tick=False):
        assert "はい、メールマガジンを受け取ります" in client.get(confirm_url).content.decode()
        subscriber.refresh_from_db()
        assert subscriber.status == SubscriberStatus.PENDING
        assert client.post(confirm_url).status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED and subscriber.confirmed_at == LATER

    welcome = mail.outbox[1]
    unsubscribe_url = link_in(welcome, "unsubscribe")
    assert welcome.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe_url}>"
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert client.get(unsubscribe_url).status_code == 200
    assert client.post(unsubscribe_url).status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert "今後メールマガジンは届きません" in client.get(unsubscribe_url).content.decode()


def test_every_mail_carries_the_unsubscribe_link_and_header(client):
    sign_up(client)
    (confirmation,) = mail.outbox
    assert link_in(confirmation, "unsubscribe")
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_mail_programs_unsubscribe_with_one_click_without_a_csrf_token():
    subscriber = Subscriber.objects.create(email="a@example.org", status="confirmed")
    client = Client(enforce_csrf_checks=True)
    url = f"/en/newsletter/unsubscribe/{unsubscribe_token(subscriber)}/"
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_the_chosen_language_is_stored_and_used_for_the_mails(client):
    sign_up(client, page="ja", language="en")
    assert Subscriber.objects.get().language == "en"
    (confirmation,) = mail.outbox
    assert "Please confirm your newsletter sign-up" in confirmation.subject
    assert "/en/newsletter/confirm/" in confirmation.body


def test_a_confirmation_link_expires(client, settings):
    sign_up(client)
    confirm_url = link_in(mail.outbox[0], "confirm")
    expired = LATER + datetime.timedelta(seconds=settings.NEWSLETTER_CONFIRM_SECONDS + 1)
    with time_machine.travel(expired, tick=False):
        response = client.post(confirm_url)
    assert response.status_code == 404
    assert "このリンクは使えません" in response.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


@pytest.mark.parametrize("kind", ["forged", "wrong-purpose", "address-changed"])
def test_altered_links_do_nothing(client, kind):
    sign_up(client)
    subscriber = Subscriber.objects.get()
    confirm_url = link_in(mail.outbox[0], "confirm")
    if kind == "forged":
        confirm_url = confirm_url.replace(":", "x:", 1)
    elif kind == "wrong-purpose":
        confirm_url = f"/ja/newsletter/confirm/{unsubscribe_token(subscriber)}/"
    else:
        Subscriber.objects.filter(pk=subscriber.pk).update(email="other@example.org")
    with time_machine.travel(LATER, tick=False):
        assert client.post(confirm_url).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING


def test_signing_up_again_does_not_reveal_or_change_a_confirmed_subscription(client):
    Subscriber.objects.create(email="Hanako@Example.org", status="confirmed", language="en")
    response = sign_up(client, email="hanako@example.org")
    assert response["Location"] == "/ja/newsletter/check-your-inbox/"
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.language) == ("confirmed", "en")
    assert not mail.outbox


def test_an_unsubscribed_address_can_sign_up_again(client):
    Subscriber.objects.create(email="hanako@example.org", status="unsubscribed")
    sign_up(client)
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
    assert len(mail.outbox) == 1


def test_one_address_gets_at_most_three_confirmation_mails_a_day(client, settings):
    settings.NEWSLETTER_RATE_LIMIT = (100, 3600)
    for _ in range(5):
        sign_up(client)
    assert len(mail.outbox) == 3
    assert Subscriber.objects.count() == 1


def test_sign_ups_are_limited_per_client_address(client, settings):
    settings.NEWSLETTER_RATE_LIMIT = (2, 3600)
    for number in range(2):
        assert sign_up(client, email=f"p{number}@example.org").status_code == 302
    response = sign_up(client, email="typed@example.org")
    assert response.status_code == 200
    assert "短時間に多くの登録" in response.content.decode()
    assert 'value="typed@example.org"' in response.content.decode()
    assert Subscriber.objects.count() == 2


@pytest.mark.parametrize(
    ("email", "message"),
    [("", "メールアドレスを入力してください。"), ("not-an-address", "name@example.com")],
)
def test_bad_addresses_get_a_clear_message_tied_to_the_field(client, email, message):
    response = sign_up(client, email=email)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and 'id="id_email_error"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert f'value="{email}"' in html if email else True
    assert not Subscriber.objects.exists()


def test_the_honeypot_and_the_time_check_protect_the_sign_up(client):
    with time_machine.travel(SHOWN, tick=False):
        form = client.get("/en/newsletter/").context["form"]
        data = {"email": "bot@example.org", "language": "en", "shown_at": form["shown_at"].value()}
        too_fast = client.post("/en/newsletter/", data)
    assert "faster than a person" in too_fast.content.decode()
    with time_machine.travel(LATER, tick=False):
        trapped = client.post("/en/newsletter/", {**data, "website": "x"})
    assert trapped.status_code == 302
    assert not Subscriber.objects.exists() and not mail.outbox


def test_editors_export_subscribers_as_csv_with_a_byte_order_mark(admin_client):
    Subscriber.objects.create(email="hanako@example.org", language="ja", status="confirmed")
    Subscriber.objects.create(email="=cmd@example.org", language="en", status="pending")
    response = admin_client.post(
        "/admin/newsletter/subscriber/",
        {
            "action": "export_csv",
            "_selected_action": Subscriber.objects.values_list("pk", flat=True),
        },
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="newsletter-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["メールアドレス", "言語", "状態"]
    assert rows[1][:3] == ["hanako@example.org", "ja", "confirmed"]
    # A cell a spreadsheet would run as a formula is written as text.
    assert rows[2][0] == "'=cmd@example.org"


def test_addresses_differing_only_in_case_are_one_subscriber():
    from django.db import IntegrityError, transaction

    Subscriber.objects.create(email="hanako@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscriber.objects.create(email="HANAKO@example.org")


@pytest.mark.parametrize("count", [1, 10])
def test_newsletter_pages_cost_a_few_queries(client, django_assert_max_num_queries, count):
    for number in range(count):
        Subscriber.objects.create(email=f"s{number}@example.org", status="confirmed")
    subscriber = Subscriber.objects.first()
    for url in (
        "/ja/newsletter/",
        "/ja/newsletter/check-your-inbox/",
        f"/en/newsletter/unsubscribe/{unsubscribe_token(subscriber)}/",
        f"/ja/newsletter/confirm/{confirm_token(subscriber)}/",
    ):
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200
