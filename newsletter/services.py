"""Signing up, confirming and unsubscribing. Rows change in one transaction each; mails go
out after it, so a mail never names a row that was rolled back."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from linkj.ratelimit import allow

from . import mail
from .models import Subscriber, SubscriberStatus


def sign_up(*, email: str, language: str) -> Subscriber:
    """Record the address as waiting for confirmation and mail it the link.

    An address already subscribed is left as it is and mailed nothing: the page says the
    same whatever the address's state, so it tells no one who is on the list. At most
    NEWSLETTER_MAILS_PER_ADDRESS confirmation mails go to one address a day, so the form
    cannot be used to flood someone's mailbox."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(
            email__iexact=email
        ).first() or Subscriber(email=email)
        if subscriber.pk and subscriber.status == SubscriberStatus.CONFIRMED:
            return subscriber
        subscriber.language = language
        subscriber.status = SubscriberStatus.PENDING
        subscriber.save()
    limit = settings.NEWSLETTER_MAILS_PER_ADDRESS
    if allow("newsletter-mail", email.lower(), limit=limit, window=24 * 60 * 60):
        mail.send_confirmation(subscriber)
    return subscriber


def confirm(*, subscriber: Subscriber) -> Subscriber:
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == SubscriberStatus.CONFIRMED:
            return subscriber
        subscriber.status = SubscriberStatus.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save()
    mail.send_welcome(subscriber)
    return subscriber


@transaction.atomic
def unsubscribe(*, subscriber: Subscriber) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save()
    return subscriber
