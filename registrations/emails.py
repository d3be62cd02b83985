"""Mails to registrants, each in the language of the page they registered on.

A confirmed registrant gets the event's .ics (when its day is known) and, when attending
online, the viewing link: the only places besides their own registration page where it
appears.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from events import ics
from events.times import event_times
from linkj.links import absolute_url

from .models import Registration, RegistrationStatus


def _load(pk: int) -> Registration:
    return Registration.objects.select_related(
        "event__venue", "event__category", "event__registration_settings"
    ).get(pk=pk)


def _compose(registration: Registration, subject: str, template: str, extra=None) -> EmailMessage:
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "settings": event.registration_settings,
        "times": event_times(event),
        "event_url": absolute_url(event.get_absolute_url()),
        "registration_url": absolute_url(registration.get_absolute_url()),
        "site_name": settings.SITE_NAME,
        **(extra or {}),
    }
    body = render_to_string(f"registrations/email/{template}.txt", context)
    message = EmailMessage(
        subject=f"[{settings.SITE_NAME}] {subject}",
        body=body,
        to=[registration.email],
    )
    if registration.status == RegistrationStatus.CONFIRMED and event.has_exact_day:
        calendar = ics.build_calendar([event], build_url=absolute_url, name=event.title)
        message.attach(f"{event.slug}.ics", calendar, "text/calendar")
    return message


def send_registered(pk: int) -> None:
    registration = _load(pk)
    with translation.override(registration.language):
        if registration.status == RegistrationStatus.CONFIRMED:
            subject = _("Registration confirmed: %(event)s")
        else:
            subject = _("You are on the waiting list: %(event)s")
        subject %= {"event": registration.event.title}
        _compose(registration, subject, "registered").send()


def send_moved_up(pk: int) -> None:
    registration = _load(pk)
    with translation.override(registration.language):
        subject = _("A place is now yours: %(event)s") % {"event": registration.event.title}
        _compose(registration, subject, "moved_up").send()


def send_cancelled(pk: int) -> None:
    registration = _load(pk)
    with translation.override(registration.language):
        subject = _("Registration cancelled: %(event)s") % {"event": registration.event.title}
        _compose(registration, subject, "cancelled").send()


def send_staff_message(registration: Registration, texts: dict[str, tuple[str, str]]) -> None:
    """`texts` maps a language to (subject, body); Japanese stands in for a missing one."""
    language = registration.language if texts.get(registration.language) else "ja"
    subject, body = texts[language]
    with translation.override(language):
        message = _compose(registration, subject, "staff_message", {"body": body})
        message.attachments = []
        message.send()
