"""The contact form and the newsletter sign-up, driven as a visitor would, without JavaScript."""

import re

import pytest
from django.core import mail

from contact.models import Enquiry
from linkj import antispam
from newsletter.models import Subscriber, SubscriberStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def no_script_page(browser, live_server, monkeypatch):
    # A person is slower than this test: the time check would call it a robot.
    monkeypatch.setattr(antispam, "MIN_SECONDS", 0)
    context = browser.new_context(
        locale="ja-JP", base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()


def test_contact_form_shows_errors_by_the_fields_keeps_the_text_and_then_sends(no_script_page):
    page = no_script_page
    page.goto("/ja/contact/")
    page.get_by_label("取材・報道関係").check()
    page.get_by_label("お名前").fill("山田 花子")
    page.get_by_label("メールアドレス").fill("hanako-at-example")
    page.get_by_label("お問い合わせ内容").fill("取材のお願いです。")
    page.get_by_role("button", name="送信").click()

    summary = page.locator("#form-errors")
    assert "フォームは送信されていません" in summary.inner_text()
    email = page.get_by_label("メールアドレス")
    assert email.get_attribute("aria-invalid") == "true"
    described = page.locator("#" + email.get_attribute("aria-describedby").split()[-1])
    assert "name@example.com" in described.inner_text()
    assert page.get_by_label("お問い合わせ内容").input_value() == "取材のお願いです。"
    assert page.get_by_label("取材・報道関係").is_checked()

    email.fill("hanako@example.org")
    page.get_by_label(re.compile("個人情報の取り扱いに同意")).check()
    page.get_by_role("button", name="送信").click()
    assert page.get_by_role("heading", level=1).inner_text() == "お問い合わせありがとうございます"
    assert Enquiry.objects.get().kind == "press"
    assert len(mail.outbox) == 2


def test_newsletter_sign_up_and_confirmation_work_without_javascript(no_script_page):
    page = no_script_page
    page.goto("/ja/newsletter/")
    page.get_by_label("メールアドレス").fill("hanako@example.org")
    page.get_by_label("英語").check()
    page.get_by_role("button", name="登録する").click()
    assert page.get_by_role("heading", level=1).inner_text() == "メールをご確認ください"

    link = re.search(r"http://testserver(/\S+/confirm/\S+/)", mail.outbox[0].body).group(1)
    page.goto(link)
    page.get_by_role("button", name="Yes, send me the newsletter").click()
    assert page.get_by_role("heading", level=1).inner_text() == "You are signed up"
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED
