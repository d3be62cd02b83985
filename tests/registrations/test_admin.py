import csv
import datetime
import io

import pytest
import time_machine
from django.core import mail

from events.models import Event
from registrations import services
from registrations.models import Registration, RegistrationStatus
from tests.events.factories import EventFactory, VenueFactory
from tests.events.test_admin import ADD_URL, form_data
from tests.registrations.factories import QuestionFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 1, 3, 0, tzinfo=datetime.UTC)
CHANGELIST = "/admin/registrations/registration/"


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def seminar(django_capture_on_commit_callbacks):
    settings = RegistrationSettingsFactory(
        event__title_ja="創薬セミナー", event__title_en="Drug discovery seminar", in_person_seats=1
    )
    question = QuestionFactory(settings=settings, label_ja="役職", label_en="Job title")
    with django_capture_on_commit_callbacks(execute=True):
        for name, email, language in [
            ("佐藤 一郎", "ichiro@example.jp", "ja"),
            ("Ann Smith", "ann@example.org", "en"),
        ]:
            services.register(
                event=settings.event,
                name=name,
                email=email,
                organisation="製薬,株式会社",
                attendance="in_person",
                answers={question.pk: "部長"},
                language=language,
            )
    mail.outbox.clear()
    return settings


def test_the_admin_refuses_registration_open_without_a_way_to_register(admin_client):
    venue = VenueFactory()
    response = admin_client.post(ADD_URL, form_data(venue, status="open"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["status"]
    assert "参加受付中" in errors[0]
    response = admin_client.post(
        ADD_URL, form_data(venue, status="open", registration_url="https://example.org/apply")
    )
    assert response.status_code == 302


def test_an_event_with_registration_on_may_say_registration_open(admin_client, seminar):
    event = seminar.event
    data = form_data(event.venue, slug=event.slug, status="open")
    response = admin_client.post(f"/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Event.objects.get(pk=event.pk).status == "open"


def test_turning_registration_off_for_an_open_event_is_refused(admin_client, seminar):
    Event.objects.filter(pk=seminar.event_id).update(status="open")
    response = admin_client.post(
        f"/admin/registrations/registrationsettings/{seminar.pk}/change/",
        {
            "event": seminar.event_id,
            "enabled": "",
            "in_person_seats": "1",
            "waiting_list": "on",
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "enabled" in response.context["adminform"].form.errors


def test_adding_seats_moves_people_up_and_mails_them(
    admin_client, seminar, django_capture_on_commit_callbacks
):
    question = seminar.questions.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/registrations/registrationsettings/{seminar.pk}/change/",
            {
                "event": seminar.event_id,
                "enabled": "on",
                "in_person_seats": "2",
                "waiting_list": "on",
                "questions-TOTAL_FORMS": "1",
                "questions-INITIAL_FORMS": "1",
                "questions-0-id": question.pk,
                "questions-0-settings": seminar.pk,
                "questions-0-label_ja": "役職",
                "questions-0-position": "0",
            },
        )
    assert response.status_code == 302
    assert not Registration.objects.filter(status=RegistrationStatus.WAITING).exists()
    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert message.subject == "[LINK-J] A place is now yours: Drug discovery seminar"


def test_registrations_export_as_csv_that_excel_in_japan_opens(admin_client, seminar):
    response = admin_client.post(
        CHANGELIST,
        {
            "action": "export_csv",
            "_selected_action": list(Registration.objects.values_list("pk", flat=True)),
        },
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:3] == ["イベント", "氏名", "メールアドレス"]
    assert rows[0][-1] == "役職"
    assert rows[1][1] == "佐藤 一郎"
    assert rows[1][3] == "製薬,株式会社"
    assert rows[1][-1] == "部長"
    assert [row[5] for row in rows[1:]] == ["参加確定", "キャンセル待ち"]


def test_editors_mark_attendance(admin_client, seminar):
    ichiro = Registration.objects.get(email="ichiro@example.jp")
    admin_client.post(CHANGELIST, {"action": "mark_attended", "_selected_action": [ichiro.pk]})
    assert Registration.objects.get(pk=ichiro.pk).attended
    admin_client.post(CHANGELIST, {"action": "mark_absent", "_selected_action": [ichiro.pk]})
    assert not Registration.objects.get(pk=ichiro.pk).attended


def test_editors_email_registrants_each_in_their_language(admin_client, seminar):
    selected = list(Registration.objects.values_list("pk", flat=True))
    form = admin_client.post(
        CHANGELIST, {"action": "email_registrants", "_selected_action": selected}
    )
    assert form.status_code == 200
    assert "2 人の登録者" in form.content.decode()
    response = admin_client.post(
        CHANGELIST,
        {
            "action": "email_registrants",
            "_selected_action": selected,
            "send": "1",
            "subject_ja": "会場変更のお知らせ",
            "body_ja": "会場が3階に変わりました。",
            "subject_en": "New room",
            "body_en": "The seminar moves to the third floor.",
        },
    )
    assert response.status_code == 302
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address["ichiro@example.jp"].subject == "[LINK-J] 会場変更のお知らせ"
    assert "会場が3階に変わりました。" in by_address["ichiro@example.jp"].body
    assert by_address["ann@example.org"].subject == "[LINK-J] New room"
    assert "/en/registrations/r/" in by_address["ann@example.org"].body


def test_staff_cancel_a_registration_and_the_next_person_moves_up(
    admin_client, seminar, django_capture_on_commit_callbacks
):
    ichiro = Registration.objects.get(email="ichiro@example.jp")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(CHANGELIST, {"action": "cancel", "_selected_action": [ichiro.pk]})
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"ichiro@example.jp": "cancelled", "ann@example.org": "confirmed"}


@pytest.mark.parametrize(
    "url",
    [
        "/admin/registrations/registration/",
        "/admin/registrations/registrationsettings/",
        "/admin/registrations/registrationsettings/add/",
        "/admin/members/organisation/",
        "/admin/members/organisation/add/",
        "/admin/members/person/",
        "/admin/bookings/lounge/",
        "/admin/bookings/lounge/add/",
        "/admin/bookings/booking/",
        "/admin/bookings/booking/add/",
        "/admin/events/event/",
    ],
)
def test_admin_pages_of_members_registrations_and_bookings_open(admin_client, seminar, url):
    assert admin_client.get(url).status_code == 200


def test_the_registration_and_settings_change_pages_open(admin_client, seminar):
    registration = Registration.objects.first()
    assert admin_client.get(f"{CHANGELIST}{registration.pk}/change/").status_code == 200
    url = f"/admin/registrations/registrationsettings/{seminar.pk}/change/"
    assert admin_client.get(url).status_code == 200
    page = admin_client.get(f"/admin/events/event/{seminar.event_id}/change/").content.decode()
    assert "参加登録の設定と質問" in page


def test_an_event_without_settings_offers_to_set_registration_up(admin_client):
    event = EventFactory()
    page = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert f"/admin/registrations/registrationsettings/add/?event={event.pk}" in page
