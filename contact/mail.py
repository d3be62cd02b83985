"""The two mails an enquiry sends: to the office, and a copy to the sender in their language."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .models import Enquiry

logger = logging.getLogger(__name__)


def _message(kind: str, context: dict, *, language: str, to: str, reply_to: str):
    with translation.override(language):
        return EmailMessage(
            subject=render_to_string(f"contact/email/{kind}_subject.txt", context).strip(),
            body=render_to_string(f"contact/email/{kind}_body.txt", context).strip(),
            to=[to],
            reply_to=[reply_to],
        )


def send_enquiry_mails(enquiry: Enquiry) -> bool:
    """Send both mails; False if either failed (the enquiry is stored all the same)."""
    context = {"enquiry": enquiry, "site_name": settings.SITE_NAME}
    office, sender = settings.CONTACT_EMAIL, enquiry.email
    # The office reads Japanese; the sender gets the language of the page they wrote from.
    messages = [
        _message("office", context, language=settings.LANGUAGE_CODE, to=office, reply_to=sender),
        _message("confirmation", context, language=enquiry.language, to=sender, reply_to=office),
    ]
    sent = True
    for message in messages:
        try:
            message.send()
        except Exception:  # SMTP errors are many kinds; the enquiry is kept either way.
            logger.exception("Could not send a mail about enquiry %s", enquiry.pk)
            sent = False
    return sent
