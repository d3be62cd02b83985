import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from contact.models import Enquiry, Kind
from linkj import antispam

pytestmark = pytest.mark.django_db
SHOWN = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)
URL = "/{}/contact/"


def shown_form(client, language="ja") -> dict:
    """The form as a browser holds it: its hidden time stamp included."""
    with time_machine.travel(SHOWN, tick=False):
        response = client.get(URL.format(language))
    assert response.status_code == 200
    return {"shown_at": response.context["form"]["shown_at"].value()}


def filled(client, language="ja", **overrides) -> dict:
    return {
        **shown_form(client, language),
        "kind": "press",
        "name": "山田 花子",
        "organisation": "日本橋新聞",
        "email": "hanako@example.org",
        "phone": "",
        "message": "取材のお願いです。",
        "agree": "on",
        "website": "",
        **overrides,
    }


def send(client, data, language="ja", after=datetime.timedelta(minutes=2), **extra):
    with time_machine.travel(SHOWN + after, tick=False):
        return client.post(URL.format(language), data, **extra)


def test_an_enquiry_is_stored_mailed_to_the_office_and_confirmed_to_the_sender(client, settings):
    settings.CONTACT_EMAIL = "office@link-j.example"
    response = send(client, filled(client))
    assert response.status_code == 302
    assert response["Location"] == reverse("contact:thanks")
    enquiry = Enquiry.objects.get()
    assert (enquiry.kind, enquiry.name, enquiry.language) == (Kind.PRESS, "山田 花子", "ja")
    office, copy = mail.outbox
    assert office.to == ["office@link-j.example"] and office.reply_to == ["hanako@example.org"]
    assert "取材のお願いです。" in office.body and "山田 花子" in office.subject
    assert copy.to == ["hanako@example.org"]
    assert "お問い合わせを受け付けました" in copy.subject
    assert "取材のお願いです。" in copy.body


def test_the_sender_copy_is_in_the_language_of_the_page_and_the_office_copy_in_japanese(client):
    send(client, filled(client, "en", name="Jane Doe", message="Hello"), "en")
    office, copy = mail.outbox
    assert "We have received your message" in copy.subject
    assert "Dear Jane Doe" in copy.body and "Press and media" in copy.body
    assert "お問い合わせフォーム" in office.body and "取材・報道" in office.body
    assert Enquiry.objects.get().language == "en"


def test_the_success_page_follows_post_redirect_get(client):
    response = send(client, filled(client), follow=True)
    assert response.redirect_chain == [(reverse("contact:thanks"), 302)]
    assert "お問い合わせありがとうございます" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "お名前を入力してください。"),
        ("email", "hanako-at-example", "name@example.com のような形式"),
        ("message", "", "お問い合わせ内容を入力してください。"),
        ("message", "あ" * 5001, "5000 文字以内"),
        ("phone", "call me", "数字で入力してください"),
        ("agree", "", "プライバシーポリシーへの同意"),
    ],
)
def test_bad_input_gets_a_clear_japanese_message_tied_to_its_field_and_keeps_the_text(
    client, field, value, message
):
    data = filled(client, **{field: value, "organisation": "入力した所属"})
    response = send(client, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    # The message sits in the field's error list, which the field points to.
    assert f'id="id_{field}_error"' in html
    if field != "agree":
        assert f'aria-describedby="id_{field}' in html
    assert 'aria-invalid="true"' in html
    assert 'value="入力した所属"' in html
    assert not Enquiry.objects.exists() and not mail.outbox


def test_english_page_explains_errors_in_english(client):
    response = send(client, filled(client, "en", email="nope"), "en")
    html = response.content.decode()
    assert "Please enter an e-mail address such as name@example.com." in html
    assert "The form was not sent." in html


def test_full_width_digits_are_a_valid_telephone_number(client):
    send(client, filled(client, phone="０３－１２３４－５６７８"))
    assert Enquiry.objects.get().phone == "03-1234-5678"


def test_a_filled_honeypot_is_dropped_quietly(client):
    response = send(client, filled(client, website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == reverse("contact:thanks")
    assert not Enquiry.objects.exists() and not mail.outbox


def test_a_form_sent_back_within_seconds_is_refused_and_keeps_the_text(client):
    response = send(client, filled(client), after=datetime.timedelta(seconds=1))
    html = response.content.decode()
    assert response.status_code == 200
    assert "人が入力するよりも速く送信されました" in html
    assert "取材のお願いです。" in html
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize(
    "stamp",
    [None, "", "1700000000:forged", "garbage"],
    ids=["stale", "missing", "forged", "garbage"],
)
def test_an_old_missing_or_forged_time_stamp_is_refused_with_a_fresh_one(client, stamp):
    data = filled(client)
    after = datetime.timedelta(minutes=2)
    if stamp is None:
        after = datetime.timedelta(seconds=antispam.MAX_SECONDS + 1)
    else:
        data["shown_at"] = stamp
    response = send(client, data, after=after)
    assert response.status_code == 200
    assert "もう一度送信してください" in response.content.decode()
    assert response.context["form"]["shown_at"].value() != data["shown_at"]
    assert "取材のお願いです。" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_sends_are_limited_per_client_address(client, settings):
    settings.CONTACT_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert send(client, filled(client), REMOTE_ADDR="198.51.100.7").status_code == 302
    response = send(client, filled(client), REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 200
    assert "短時間に多くの" in response.content.decode()
    assert "取材のお願いです。" in response.content.decode()
    # Another address is not affected.
    assert send(client, filled(client), REMOTE_ADDR="198.51.100.8").status_code == 302
    assert Enquiry.objects.count() == 3


def test_rate_limit_uses_the_forwarded_client_behind_counted_proxies(client, settings):
    settings.CONTACT_RATE_LIMIT = (1, 3600)
    settings.LINKJ_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = send(client, filled(client), HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy)
    second = send(client, filled(client), HTTP_X_FORWARDED_FOR="203.0.113.2", **proxy)
    assert first.status_code == second.status_code == 302


def test_a_link_can_preselect_the_subject(client):
    response = client.get("/en/contact/?kind=lounge")
    assert response.context["form"]["kind"].value() == "lounge"
    assert client.get("/en/contact/?kind=zzz").context["form"]["kind"].value() == "general"


def test_a_failing_mail_server_still_keeps_the_enquiry(client, settings):
    settings.EMAIL_BACKEND = "tests.contact.test_enquiry.BrokenBackend"
    assert send(client, filled(client)).status_code == 302
    assert Enquiry.objects.count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("connection refused")


def test_the_form_page_is_never_kept_by_the_page_cache(client):
    client.get("/ja/contact/")
    response = client.get("/ja/contact/")
    assert response.get("X-Page-Cache") != "hit"
    assert "private" in response["Cache-Control"]


def test_enquiries_do_not_empty_the_page_cache(client):
    client.get("/ja/")
    assert client.get("/ja/").get("X-Page-Cache") == "hit"
    send(client, filled(client))
    assert client.get("/ja/").get("X-Page-Cache") == "hit"


@pytest.mark.parametrize("count", [1, 10])
def test_the_contact_page_costs_a_few_queries(client, django_assert_max_num_queries, count):
    from tests.pages.factories import PageFactory

    for _ in range(count):
        PageFactory()
    for url in ("/en/contact/", "/ja/contact/thanks/"):
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200


def test_office_sees_enquiries_in_the_admin_with_filters(admin_client, client):
    send(client, filled(client))
    html = admin_client.get("/admin/contact/enquiry/").content.decode()
    assert "山田 花子" in html
    assert "?kind__exact=press" in html and "?handled__exact=0" in html


def test_the_form_page_with_errors_is_well_formed_html(client):
    import html5lib

    response = send(client, filled(client, name="", email="x"))
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"))
    document = parser.parse(response.content.decode())
    ids = [element.get("id") for element in document.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
