import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from registrations.models import Registration, RegistrationStatus
from tests.bookings.factories import LoungeFactory
from tests.events.factories import EventFactory, NewYorkLoungeFactory
from tests.members.factories import PersonFactory
from tests.registrations.factories import QuestionFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_registers_in_japanese_gets_the_mail_and_cancels_with_its_link(page, live_server):
    starts = (timezone.now() + datetime.timedelta(days=30)).replace(microsecond=0)
    settings = RegistrationSettingsFactory(
        event=EventFactory(
            venue=NewYorkLoungeFactory(),
            slug="lounge-seminar",
            title_ja="ラウンジセミナー",
            format="hybrid",
            status="open",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
        ),
        viewing_url="https://stream.example.org/secret",
    )
    QuestionFactory(settings=settings, label_ja="役職", label_en="Job title")
    mail.outbox.clear()

    page.goto("/ja/events/lounge-seminar/")
    form = page.get_by_role("region", name="参加登録")
    form.get_by_label("お名前").fill("山田 花子")
    form.get_by_label("メールアドレス").fill("hanako@example.jp")
    form.get_by_label("ご所属").fill("山田製薬")
    form.get_by_label("オンラインで参加").check()
    form.get_by_label("役職").fill("研究開発部長")
    form.get_by_role("button", name="参加を申し込む").click()

    page.wait_for_url("**/ja/registrations/r/**")
    assert "確認のメールをお送りしました" in page.get_by_role("status").inner_text()
    assert page.locator(".registration-status").inner_text() == "参加確定"
    assert page.get_by_role("link", name="https://stream.example.org/secret").is_visible()

    [message] = mail.outbox
    assert message.to == ["hanako@example.jp"]
    assert message.subject == "[LINK-J] 参加登録が完了しました：ラウンジセミナー"
    assert message.attachments[0][0] == "lounge-seminar.ics"
    assert "https://stream.example.org/secret" in message.body
    link = re.search(r"http://testserver(/ja/registrations/r/\S+/)", message.body).group(1)

    page.goto(link)
    page.get_by_role("button", name="参加登録をキャンセルする").click()
    page.wait_for_load_state()
    assert "参加登録をキャンセルしました。" in page.get_by_role("status").inner_text()
    assert page.locator(".registration-status").inner_text() == "キャンセル済み"
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    assert mail.outbox[-1].subject == "[LINK-J] 参加登録をキャンセルしました：ラウンジセミナー"
    assert page.console_errors == []


def test_a_member_books_the_lounge_in_english_and_cancels_from_their_page(
    english_page, live_server, login
):
    page = english_page
    lounge = LoungeFactory()
    member = PersonFactory(name="Ann Member").user
    login(page, member)
    day = lounge.today() + datetime.timedelta(days=2)
    while day.weekday() > 4:
        day += datetime.timedelta(days=1)

    page.goto("/en/events/venues/nyc-lounge/")
    page.get_by_role("link", name="Book the lounge").click()
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_role("button", name="Show this day").click()
    page.wait_for_url(f"**date={day.isoformat()}")
    slot = page.locator(".slot").first
    assert "10:00" in slot.inner_text() and "New York time" in slot.inner_text()
    assert "Japan time" in slot.inner_text()
    slot.get_by_role("button", name="Book").click()

    page.wait_for_load_state()
    assert "Booked:" in page.get_by_role("status").inner_text()
    assert page.locator(".slot").first.get_by_text("Your booking").is_visible()

    page.get_by_role("link", name="My page").click()
    bookings = page.get_by_role("region", name="Lounge bookings")
    assert "Yokohama-LINK-J Life Science Lounge @NYC" in bookings.inner_text()
    bookings.get_by_role("button", name="Cancel this booking").click()
    page.wait_for_load_state()
    assert "Your booking has been cancelled." in page.get_by_role("status").inner_text()
    assert member.lounge_bookings.get().status == "cancelled"
    assert page.console_errors == []
