"""E-mail about pending drafts: to the publishers when one is sent to review, to its author
when it is approved or sent back. Mail goes through Django's backend: the console in
development, locmem in tests, SMTP (EMAIL_* variables) in production. Messages are in
Japanese, the editors' working language."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from linkj.links import absolute_url

from .models import ReleaseDraft
from .services import PUBLISH_PERMISSION

EDITORS_LANGUAGE = "ja"


def _publishers():
    app_label, codename = PUBLISH_PERMISSION.split(".")
    holds = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app_label)
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(holds | Q(is_superuser=True))
        .exclude(email="")
        .distinct()
    )


def _change_link(draft: ReleaseDraft) -> str:
    return absolute_url(reverse("admin:news_release_change", args=[draft.release_id]))


def _send(messages: list[tuple[str, str, list[str]]]) -> int:
    return send_mass_mail(
        [(subject, body, settings.DEFAULT_FROM_EMAIL, to) for subject, body, to in messages],
        fail_silently=False,
    )


def draft_sent_to_review(draft: ReleaseDraft) -> int:
    """One message to each publisher with an address; returns how many were sent."""
    with translation.override(EDITORS_LANGUAGE):
        author = draft.author.get_username() if draft.author else "?"
        subject = _("[LINK-J] A change to “%(release)s” waits for your approval") % {
            "release": draft.release
        }
        body = _(
            "%(author)s changed the live release “%(release)s” and asks a publisher to "
            "approve the change. Visitors still see the live version.\n\n"
            "Compare, approve or send back with a comment:\n%(link)s\n"
        ) % {"author": author, "release": draft.release, "link": _change_link(draft)}
        return _send([(subject, body, [user.email]) for user in _publishers()])


def draft_reviewed(
    draft: ReleaseDraft | None, *, release, author, approved: bool, comment: str = ""
) -> int:
    """Tell the draft's author what the publisher decided."""
    if author is None or not author.email:
        return 0
    with translation.override(EDITORS_LANGUAGE):
        link = absolute_url(reverse("admin:news_release_change", args=[release.pk]))
        if approved:
            subject = _("[LINK-J] Your change to “%(release)s” is live") % {"release": release}
            body = _("A publisher approved your change; visitors see it now.\n%(link)s\n") % {
                "link": link
            }
        else:
            subject = _("[LINK-J] Your change to “%(release)s” was sent back") % {
                "release": release
            }
            body = _(
                "A publisher sent your change back with this comment:\n\n%(comment)s\n\n"
                "Your draft is kept; change it and send it to review again:\n%(link)s\n"
            ) % {"comment": comment, "link": link}
        return _send([(subject, body, [author.email])])
