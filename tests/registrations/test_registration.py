import datetime
import re

import pytest
import time_machine
from django.core import mail
from icalendar import Calendar

from registrations.models import Registration, RegistrationStatus
from tests.events.factories import EventFactory, NewYorkLoungeFactory
from tests.members.factories import MemberUserFactory, PersonFactory
from tests.registrations.factories import QuestionFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 1, 3, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def lounge_seminar():
    """A hybrid seminar at the NYC lounge on 18 March 2027, 19:00 New York time."""
    lounge = NewYorkLoungeFactory()
    event = EventFactory(
        venue=lounge,
        slug="lounge-seminar",
        title_ja="ラウンジセミナー",
        title_en="Lounge seminar",
        format="hybrid",
        status="open",
        starts_at=datetime.datetime(2027, 3, 18, 23, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2027, 3, 19, 0, 30, tzinfo=datetime.UTC),
    )
    return RegistrationSettingsFactory(
        event=event,
        in_person_seats=2,
        online_seats=50,
        viewing_url="https://stream.example.org/secret-room",
        viewing_note_ja="パスコード 1234",
        viewing_note_en="Passcode 1234",
    )


def form(**overrides):
    data = {
        "name": "山田 花子",
        "email": "hanako@example.jp",
        "organisation": "山田製薬",
        "attendance": "in_person",
    }
    data.update(overrides)
    return data


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """A client whose requests run what they left for after commit (the mails), as they do
    outside a test transaction."""
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


def register(client, language="ja", **overrides):
    return client.post(f"/{language}/registrations/lounge-seminar/", form(**overrides))


def cancel_link(message) -> str:
    return re.search(r"http://testserver(/\w\w/registrations/r/[^/\s]+/)", message.body).group(1)


def test_a_visitor_registers_without_an_account_and_gets_a_japanese_mail_with_the_ics(
    client, lounge_seminar
):
    response = register(client)
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == registration.get_absolute_url()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.language == "ja"
    [message] = mail.outbox
    assert message.to == ["hanako@example.jp"]
    assert message.subject == "[LINK-J] 参加登録が完了しました：ラウンジセミナー"
    assert "山田 花子 様" in message.body
    assert "ニューヨーク時間" in message.body and "日本時間" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "lounge-seminar.ics" and mimetype == "text/calendar"
    [item] = Calendar.from_ical(content).walk("VEVENT")
    assert item.decoded("DTSTART") == lounge_seminar.event.starts_at
    assert cancel_link(message) == registration.get_absolute_url()


def test_the_confirmation_mail_speaks_the_language_of_the_page(client, lounge_seminar):
    register(client, language="en")
    [message] = mail.outbox
    assert message.subject == "[LINK-J] Registration confirmed: Lounge seminar"
    assert "Dear 山田 花子," in message.body
    assert "/en/registrations/r/" in message.body


def test_the_viewing_link_goes_only_to_confirmed_online_registrants(client, lounge_seminar):
    register(client, email="online@example.jp", attendance="online")
    register(client, email="room@example.jp", attendance="in_person")
    online, room = mail.outbox
    assert "https://stream.example.org/secret-room" in online.body
    assert "パスコード 1234" in online.body
    assert "secret-room" not in room.body
    public = client.get("/ja/events/lounge-seminar/").content.decode()
    assert "secret-room" not in public
    response = client.get(cancel_link(online))
    assert "https://stream.example.org/secret-room" in response.content.decode()
    # Its address is a key: no other site may see it as a referrer.
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Robots-Tag"] == "noindex"
    assert "secret-room" not in client.get(cancel_link(room)).content.decode()


def test_when_the_room_is_full_the_next_registrant_waits_and_gets_no_viewing_link_or_ics(
    client, lounge_seminar
):
    register(client, email="a@example.jp")
    register(client, email="b@example.jp")
    register(client, email="c@example.jp")
    waiting = Registration.objects.get(email="c@example.jp")
    assert waiting.status == RegistrationStatus.WAITING
    assert mail.outbox[-1].subject == "[LINK-J] キャンセル待ちに登録しました：ラウンジセミナー"
    assert mail.outbox[-1].attachments == []
    # Online places are counted apart from the room's seats.
    register(client, email="d@example.jp", attendance="online")
    assert Registration.objects.get(email="d@example.jp").status == RegistrationStatus.CONFIRMED


def test_a_cancellation_moves_the_first_person_waiting_up_and_mails_them(client, lounge_seminar):
    for address in ["a@example.jp", "b@example.jp", "c@example.jp", "d@example.jp"]:
        register(client, email=address)
    first = Registration.objects.get(email="a@example.jp")
    mail.outbox.clear()
    response = client.post(first.get_absolute_url())
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "a@example.jp": "cancelled",
        "b@example.jp": "confirmed",
        "c@example.jp": "confirmed",
        "d@example.jp": "waiting",
    }
    cancelled, moved_up = sorted(mail.outbox, key=lambda m: m.to[0])
    assert cancelled.to == ["a@example.jp"]
    assert "キャンセルしました" in cancelled.subject
    assert moved_up.to == ["c@example.jp"]
    assert moved_up.subject == "[LINK-J] 参加が確定しました：ラウンジセミナー"
    assert moved_up.attachments[0][0] == "lounge-seminar.ics"


def test_cancelling_after_the_deadline_is_refused_with_a_reason(client, lounge_seminar):
    lounge_seminar.cancellation_deadline = NOW + datetime.timedelta(days=1)
    lounge_seminar.save()
    register(client)
    registration = Registration.objects.get()
    with time_machine.travel(NOW + datetime.timedelta(days=2), tick=False):
        response = client.post(registration.get_absolute_url())
    assert response.status_code == 400
    assert "キャンセルの期限を過ぎています" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_a_second_registration_with_the_same_address_is_refused_politely(client, lounge_seminar):
    register(client, email="Hanako@Example.jp")
    response = register(client, email="hanako@example.jp", name="別の名前")
    assert response.status_code == 400
    text = response.content.decode()
    assert "このメールアドレスはすでにこのイベントに登録されています" in text
    assert 'value="別の名前"' in text  # what was typed stays
    assert 'aria-describedby="id_email_helptext id_email_error"' in text
    assert Registration.objects.count() == 1


def test_bad_input_gets_errors_in_the_visitors_language_tied_to_the_fields(client, lounge_seminar):
    response = register(client, language="en", name="", email="not an address")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Enter a valid email address." in text
    assert "This field is required." in text
    assert 'value="not an address"' in text
    assert 'aria-invalid="true"' in text
    assert 'id="id_name_error"' in text
    # The first field in error takes the focus, without any script.
    assert re.search(r'<input[^>]*name="name"[^>]*autofocus', text)
    response = register(client, language="ja", email="")
    assert "このフィールドは必須です。" in response.content.decode()


def test_questions_editors_add_are_asked_and_required_ones_enforced(client, lounge_seminar):
    question = QuestionFactory(
        settings=lounge_seminar, label_ja="役職", label_en="Job title", required=True
    )
    response = register(client)
    assert response.status_code == 400
    assert "役職" in response.content.decode()
    register(client, **{f"question_{question.pk}": "研究開発部長"})
    assert Registration.objects.get().answers.get().text == "研究開発部長"


def test_registrations_from_one_address_are_rate_limited(client, lounge_seminar, settings):
    settings.REGISTRATIONS_PER_ADDRESS_PER_HOUR = 2
    register(client, email="a@example.jp")
    register(client, email="b@example.jp")
    response = register(client, email="c@example.jp", name="三人目")
    assert response.status_code == 429
    text = response.content.decode()
    assert "登録の試みが多すぎます" in text
    assert 'value="三人目"' in text
    assert Registration.objects.count() == 2
    # The limit is per client address: someone else is not held back.
    client.post(
        "/ja/registrations/lounge-seminar/", form(email="c@example.jp"), REMOTE_ADDR="192.0.2.7"
    )
    assert Registration.objects.count() == 3


def test_registration_outside_its_window_is_refused(client, lounge_seminar):
    lounge_seminar.opens_at = NOW + datetime.timedelta(days=3)
    lounge_seminar.save()
    page = client.get("/ja/events/lounge-seminar/").content.decode()
    assert "から受け付けます" in page
    assert 'name="email"' not in page
    register(client)
    assert not Registration.objects.exists()
    with time_machine.travel(lounge_seminar.event.starts_at, tick=False):
        assert (
            "参加登録は締め切りました"
            in client.get("/ja/registrations/lounge-seminar/").content.decode()
        )


def test_members_only_events_need_an_account_linked_to_a_member(client, lounge_seminar):
    lounge_seminar.members_only = True
    lounge_seminar.save()
    page = client.get("/ja/events/lounge-seminar/").content.decode()
    assert "ログインして参加登録" in page
    register(client)
    assert not Registration.objects.exists()

    unlinked = PersonFactory(organisation=None).user
    client.force_login(unlinked)
    assert (
        "まだ会員組織と結び付けられていません"
        in client.get("/ja/events/lounge-seminar/").content.decode()
    )

    member = PersonFactory(name="会員 一郎").user
    client.force_login(member)
    page = client.get("/ja/events/lounge-seminar/").content.decode()
    assert 'value="会員 一郎"' in page
    register(client, email=member.email)
    registration = Registration.objects.get()
    assert registration.user == member
    assert "ラウンジセミナー" in client.get("/ja/members/me/").content.decode()


def test_the_event_page_shows_the_form_and_places_left(client, lounge_seminar):
    register(client, email="a@example.jp")
    page = client.get("/en/events/lounge-seminar/").content.decode()
    assert "1 place left" in page
    assert 'action="/en/registrations/lounge-seminar/"' in page


def test_a_signed_in_registrant_sees_the_registration_on_their_page(client, lounge_seminar):
    user = MemberUserFactory(email="hanako@example.jp")
    register(client)  # registered before signing in, with the same address
    client.force_login(user)
    page = client.get("/ja/members/me/").content.decode()
    assert "ラウンジセミナー" in page
    assert Registration.objects.get().get_absolute_url() in page


def test_a_forged_registration_link_is_not_found(client, lounge_seminar):
    register(client)
    registration = Registration.objects.get()
    forged = registration.get_absolute_url().replace("/r/", "/r/x")
    assert client.get(forged).status_code == 404
    assert client.post(forged).status_code == 404


def test_an_event_known_only_to_the_month_is_confirmed_without_a_calendar_file(client):
    from events.timezones import whole_months

    starts, ends = whole_months(datetime.date(2027, 5, 1), datetime.date(2027, 5, 1), "Asia/Tokyo")
    RegistrationSettingsFactory(
        event=EventFactory(
            slug="lounge-seminar", time_precision="month", starts_at=starts, ends_at=ends
        )
    )
    register(client)
    [message] = mail.outbox
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    assert message.attachments == []
    assert "2027年5月" in message.body


def test_a_failing_mail_server_does_not_turn_a_saved_registration_into_an_error(
    client, lounge_seminar, monkeypatch
):
    import smtplib

    from registrations import emails

    def refuse(pk):
        raise smtplib.SMTPServerDisconnected("connection lost")

    monkeypatch.setattr(emails, "send_registered", refuse)
    response = register(client)
    assert response.status_code == 302
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
