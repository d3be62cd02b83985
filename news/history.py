"""How the revision history reads: field labels, values and comments in the reader's
language (「タイトル［日本語］」, dates as dates, choices by name, partners by name), never the
stored keys, ISO timestamps or machine comments."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from linkj.admin import language_name
from partners.models import Agreement, Partner

from .models import Quote, Release, ReleasePhoto
from .services import APPROVED, PUBLISHED, RESTORED, WITHDRAWN

LANGUAGE_SUFFIX = re.compile(r"^(?P<base>.+)_(?P<language>[a-z]{2})$")


def comment_text(comment: str) -> str:
    """A revision's comment, stored as a key (or in English by older versions)."""
    if not comment:
        return ""
    if comment in (PUBLISHED, "Published"):
        return _("Published")
    if comment in (WITHDRAWN, "Withdrawn"):
        return _("Withdrawn")
    if comment == APPROVED:
        return _("Draft approved and published")
    restored = re.fullmatch(rf"(?:{RESTORED}:|Restored version )(\d+)", comment)
    if restored:
        return _("Restored from version %(version)s") % {"version": restored[1]}
    return comment


def field_label(key: str) -> str:
    labels = {
        "partners": Release._meta.get_field("partners").verbose_name,
        "agreements": Release._meta.get_field("agreements").verbose_name,
        "quotes": Quote._meta.verbose_name_plural,
        "photos": ReleasePhoto._meta.verbose_name_plural,
    }
    if key in labels:
        return capfirst(labels[key])
    match = LANGUAGE_SUFFIX.match(key)
    if match and match["language"] in dict(settings.LANGUAGES):
        try:
            base = Release._meta.get_field(match["base"])
        except FieldDoesNotExist:
            base = None
        if base is not None and not key.startswith("publish_at"):
            return pgettext("field label in one language", "{label} [{language}]").format(
                label=capfirst(base.verbose_name), language=language_name(match["language"])
            )
    try:
        return capfirst(Release._meta.get_field(key.removesuffix("_id")).verbose_name)
    except FieldDoesNotExist:
        return key


def value_text(key: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if key == "partners":
        names = dict(Partner.objects.filter(pk__in=value).values_list("pk", "name"))
        return "、".join(names.get(pk, f"#{pk}") for pk in value)
    if key == "documents":
        library = Release._meta.get_field("documents").related_model
        names = {document.pk: str(document) for document in library.objects.filter(pk__in=value)}
        return "、".join(names.get(pk, f"#{pk}") for pk in value)
    if key == "agreements":
        found = {
            a.pk: str(a) for a in Agreement.objects.filter(pk__in=value).select_related("partner")
        }
        return "、".join(found.get(pk, f"#{pk}") for pk in value)
    if key == "quotes":
        code = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        return "\n".join(
            f"{q.get(f'speaker_{code}', '')}：{q.get(f'text_{code}', '')}" for q in value
        )
    if key == "photos":
        code = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        return "\n".join(
            # A photo chosen from the media library has no upload of its own: its number.
            f"{p['image'].rsplit('/', 1)[-1] or '#' + str(p.get('library_image_id'))}"
            f"（{p.get(f'alt_{code}') or '—'}）"
            for p in value
        )
    try:
        field = Release._meta.get_field(key.removesuffix("_id"))
    except FieldDoesNotExist:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field.get_internal_type() == "DateTimeField":
        moment = parse_datetime(value) if isinstance(value, str) else value
        if isinstance(moment, datetime.datetime):
            return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    if field.get_internal_type() == "DateField":
        day = parse_date(value) if isinstance(value, str) else value
        if isinstance(day, datetime.date):
            return formats.date_format(day, "DATE_FORMAT")
    if field.get_internal_type() == "FileField":
        return str(value).rsplit("/", 1)[-1]
    return str(value)


def differences(older: dict, newer: dict) -> list[dict]:
    """Field by field, what changed between two snapshots, ready to show."""
    changes = []
    for key in dict.fromkeys([*older, *newer]):
        before, after = older.get(key), newer.get(key)
        if before != after and not (key == "photos" and None in (before, after)):
            changes.append(
                {
                    "field": key,
                    "label": field_label(key),
                    "old": value_text(key, before),
                    "new": value_text(key, after),
                }
            )
    return changes
