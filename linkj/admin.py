"""Admin pieces that partners, news and events share."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation import admin as translation_admin
from modeltranslation.fields import TranslationField

from linkj.images import rendition


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def translated_field_label(db_field: TranslationField):
    """「タイトル［日本語］」 rather than modeltranslation's "Title [ja]": the language's name
    in the editor's language, in brackets that read naturally in Japanese."""
    return format_lazy(
        pgettext_lazy("field label in one language", "{label} [{language}]"),
        label=capfirst(db_field.translated_field.verbose_name),
        language=dict(settings.LANGUAGES)[db_field.language],
    )


class RemovableFileWidget(AdminFileWidget):
    """The admin's file input, its checkbox labelled 削除 ("remove") rather than クリア, and
    the label marked so that admin-language-tabs.js can put it back: modeltranslation's tabs
    overwrite every label of a field's row with the field's own label."""

    template_name = "linkj/widgets/removable_file_input.html"
    clear_checkbox_label = pgettext_lazy("file", "Remove")


class LanguageLabelsMixin:
    formfield_overrides = {
        models.FileField: {"widget": RemovableFileWidget},
        models.ImageField: {"widget": RemovableFileWidget},
    }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(db_field, TranslationField):
            field.label = translated_field_label(db_field)
        return field


# The project's translation admins: modeltranslation's, with natural per-language labels.
class TabbedTranslationAdmin(LanguageLabelsMixin, translation_admin.TabbedTranslationAdmin):
    class Media:
        js = ["js/admin-language-tabs.js"]


class TranslationStackedInline(LanguageLabelsMixin, translation_admin.TranslationStackedInline):
    pass


class TranslationTabularInline(LanguageLabelsMixin, translation_admin.TranslationTabularInline):
    pass


def language_completeness(obj, fields: tuple[str, ...]) -> str:
    """One badge per language: filled when every listed field has text in that language."""
    badges = []
    for code, _name in settings.LANGUAGES:
        complete = all(getattr(obj, f"{field}_{code}", None) for field in fields)
        badges.append(
            (
                "lang-badge lang-badge--" + ("complete" if complete else "missing"),
                _("%(language)s complete") % {"language": code.upper()}
                if complete
                else _("%(language)s missing") % {"language": code.upper()},
                code.upper() + (" ✓" if complete else " ✗"),
            )
        )
    return format_html_join(" ", '<span class="{}" title="{}">{}</span>', badges)


def thumbnail(field_file, alt: str = "") -> str:
    if not field_file:
        return "—"
    thumb = rendition(field_file, 80)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" class="admin-thumb">',
        thumb.url,
        thumb.width,
        thumb.height,
        alt,
    )


class OrderedTermAdmin(TabbedTranslationAdmin):
    """Admin for the short lists editors maintain: both languages, drag-free ordering."""

    list_display = ["name", "slug", "position", "languages"]
    list_editable = ["position"]
    search_fields = ["name_ja", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return language_completeness(obj, ("name",))


class AuditedAdminMixin:
    """Records who last changed an object (`updated_by`)."""

    def save_model(self, request, obj, form, change):
        if hasattr(obj, "updated_by_id"):
            obj.updated_by = request.user
        super().save_model(request, obj, form, change)
