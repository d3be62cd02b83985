"""Signed links: confirming a sign-up (expires) and unsubscribing (never expires).

Each token names the subscriber and the address it was made for, so a link stops working if
the row is deleted or its address changed, and a confirmation link cannot unsubscribe (nor
the other way round): each purpose has its own salt.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing

from .models import Subscriber

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


def _make(subscriber: Subscriber, salt: str) -> str:
    return signing.dumps({"id": subscriber.pk, "email": subscriber.email.lower()}, salt=salt)


def _read(token: str, salt: str, max_age: int | None) -> Subscriber | None:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
        subscriber = Subscriber.objects.filter(pk=int(data["id"])).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if subscriber is None or subscriber.email.lower() != data.get("email"):
        return None
    return subscriber


def confirm_token(subscriber: Subscriber) -> str:
    return _make(subscriber, CONFIRM_SALT)


def unsubscribe_token(subscriber: Subscriber) -> str:
    return _make(subscriber, UNSUBSCRIBE_SALT)


def subscriber_to_confirm(token: str) -> Subscriber | None:
    return _read(token, CONFIRM_SALT, settings.NEWSLETTER_CONFIRM_SECONDS)


def subscriber_to_unsubscribe(token: str) -> Subscriber | None:
    return _read(token, UNSUBSCRIBE_SALT, None)
