"""Every mail to a subscriber carries its unsubscribe link, in the body and as the
List-Unsubscribe header with one-click POST (RFC 8058), in the subscriber's language.
Whatever else the office sends to the list should be built with `message_for()` too."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from linkj.links import absolute_url

from .models import Subscriber
from .tokens import confirm_token, unsubscribe_token

logger = logging.getLogger(__name__)


def _url(name: str, token: str) -> str:
    return absolute_url(reverse(name, kwargs={"token": token}))


def message_for(subscriber: Subscriber, kind: str, extra: dict | None = None) -> EmailMessage:
    with translation.override(subscriber.language):
        unsubscribe_url = _url("newsletter:unsubscribe", unsubscribe_token(subscriber))
        context = {
            "subscriber": subscriber,
            "site_name": settings.SITE_NAME,
            "unsubscribe_url": unsubscribe_url,
            **(extra or {}),
        }
        subject = render_to_string(f"newsletter/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"newsletter/email/{kind}_body.txt", context).strip()
        footer = render_to_string("newsletter/email/footer.txt", context).strip()
    return EmailMessage(
        subject=subject,
        body=f"{body}\n\n-- \n{footer}\n",
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _send(message: EmailMessage) -> bool:
    try:
        message.send()
    except Exception:  # SMTP errors are many kinds; the visitor's page must not fail.
        logger.exception("Could not send a newsletter mail")
        return False
    return True


def send_confirmation(subscriber: Subscriber) -> bool:
    with translation.override(subscriber.language):
        confirm_url = _url("newsletter:confirm", confirm_token(subscriber))
    days = settings.NEWSLETTER_CONFIRM_SECONDS // 86400
    return _send(message_for(subscriber, "confirm", {"confirm_url": confirm_url, "days": days}))


def send_welcome(subscriber: Subscriber) -> bool:
    return _send(message_for(subscriber, "welcome"))
