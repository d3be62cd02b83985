"""Admin pieces that partners, news and events share."""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AdminFileWidget, ForeignKeyRawIdWidget
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation import admin as translation_admin
from modeltranslation.fields import TranslationField

from linkj.images import rendition


def completeness(fields: tuple[str, ...]) -> dict[str, ExpressionWrapper]:
    """`complete_<code>` for every language: each of `fields` has text in that language,
    worked out by the database so that a changelist need not load long texts."""
    annotations = {}
    for code, _name in settings.LANGUAGES:
        condition = Q()
        for field in fields:
            column = f"{field}_{code}"
            condition &= Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})
        annotations[f"complete_{code}"] = ExpressionWrapper(condition, output_field=BooleanField())
    return annotations


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


def with_time_zone(label, zone):
    """A label that says which clock a time is typed in: 「公開日時（日本時間）」."""
    return format_lazy(
        pgettext_lazy("label with its time zone", "{label} ({zone})"), label=label, zone=zone
    )


class ThumbnailRawIdWidget(ForeignKeyRawIdWidget):
    """A raw-ID picker (a number box and a lookup link: it works without JavaScript) that also
    shows a thumbnail of the chosen image, for models naming their image field in
    `admin_thumbnail_field` (the media library's images)."""

    template_name = "linkj/widgets/thumbnail_raw_id.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["thumbnail"] = ""
        if value and context.get("link_label"):
            model = self.rel.model
            obj = model._default_manager.using(self.db).filter(pk=value).first()
            if obj is not None:
                context["thumbnail"] = thumbnail(getattr(obj, model.admin_thumbnail_field))
        return context


class LanguageLabelsMixin:
    """Labels that read naturally in Japanese: one language per translated field, the time
    zone of every date-and-time input (the admin works in Tokyo time), 削除 on file inputs."""

    formfield_overrides = {
        models.FileField: {"widget": RemovableFileWidget},
        models.ImageField: {"widget": RemovableFileWidget},
    }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(db_field, TranslationField):
            field.label = translated_field_label(db_field)
        if field is not None and isinstance(db_field, models.DateTimeField):
            field.label = with_time_zone(field.label, _("Japan time"))
        if (
            field is not None
            and type(field.widget) is ForeignKeyRawIdWidget
            and getattr(db_field.related_model, "admin_thumbnail_field", None)
        ):
            field.widget = ThumbnailRawIdWidget(
                db_field.remote_field, self.admin_site, using=kwargs.get("using")
            )
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
    """One badge per language: filled when every listed field has text in that language
    (read from a `completeness()` annotation when the object has one)."""
    badges = []
    for code, _name in settings.LANGUAGES:
        complete = getattr(obj, f"complete_{code}", None)
        if complete is None:
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


class EnglishMissingFilter(admin.SimpleListFilter):
    """「英語未入力」: rows whose English text is missing in any of the admin's
    `completeness_fields` (the same fields as the languages column), or complete."""

    title = _("English text")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("English missing")), ("complete", _("English complete"))]

    def queryset(self, request, queryset):
        complete = Q()
        for field in getattr(self, "fields", ()):
            complete &= Q(**{f"{field}_en__isnull": False}) & ~Q(**{f"{field}_en": ""})
        if self.value() == "missing":
            return queryset.exclude(complete)
        if self.value() == "complete":
            return queryset.filter(complete)
        return queryset

    def __init__(self, request, params, model, model_admin):
        self.fields = model_admin.completeness_fields
        super().__init__(request, params, model, model_admin)


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


def planned_rows(queryset) -> int:
    """How many rows PostgreSQL's planner expects the queryset to return (no rows are read)."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatingPaginator(Paginator):
    """Counts exactly when the planner expects few rows; past `exact_up_to`, on PostgreSQL,
    takes the planner's estimate instead of reading tens of thousands of rows to count them
    (`is_estimate` then tells the template to say "about")."""

    exact_up_to = 10_000
    is_estimate = False

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if getattr(queryset, "db", None) and connections[queryset.db].vendor == "postgresql":
            estimate = planned_rows(queryset)
            if estimate > self.exact_up_to:
                self.is_estimate = True
                return estimate
        return super().count


class LeanChangeList(ChangeList):
    def get_results(self, request):
        # Only the rows shown: actions get the plain queryset and whole objects to save.
        admin = self.model_admin
        self.queryset = self.queryset.annotate(**completeness(admin.completeness_fields)).defer(
            *admin.changelist_defer
        )
        super().get_results(request)


class LeanChangeListMixin:
    """A changelist that stays quick at 100,000 rows: no second count of the whole table,
    large counts estimated on PostgreSQL, the per-language completeness column computed in
    the same query, and long texts (the `changelist_defer` columns) not loaded for the page
    shown."""

    show_full_result_count = False
    paginator = EstimatingPaginator
    # Rendering the rows is most of a changelist's time once the queries are indexed:
    # 50 rows a page take half as long as Django's default 100.
    list_per_page = 50
    change_list_template = "admin/lean_change_list.html"  # date drill-down, "about" counts
    completeness_fields: tuple[str, ...] = ()
    changelist_defer: tuple[str, ...] = ()

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return language_completeness(obj, self.completeness_fields)


READONLY_ROW = re.compile(
    r'(?P<row><div class="form-row[^"]*\bfield-(?P<name>\w+)"(?:(?!<div class="form-row).)*?'
    r'<div class=")readonly"',
    re.S,
)


class ReadOnlyRichTextMixin:
    """On a page shown read-only (view permission only), rich text reads as the formatted text
    visitors see, sanitised by the same allow-list, rather than as raw `<p>` tags."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            from django.utils.safestring import mark_safe

            from linkj.richtext import RichTextField, sanitize_html

            for field in obj._meta.concrete_fields:
                if isinstance(field, RichTextField):
                    html = sanitize_html(getattr(obj, field.attname))
                    # The stored text may keep line breaks between tags: no <br> for them.
                    setattr(obj, field.attname, mark_safe(html.replace("\n", " ")) or None)
            response = super().render_change_form(request, context, add, change, form_url, obj)
            response.add_post_render_callback(self._mark_languages)
            return response
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _mark_languages(self, response):
        """Mark each language's read-only text the way modeltranslation marks its inputs, so
        that its script builds the same language tabs on a read-only page as on a form."""
        names = {
            field.name: field
            for field in self.model._meta.concrete_fields
            if isinstance(field, TranslationField)
        }

        def mark(match):
            field = names.get(match["name"])
            if field is None:
                return match[0]
            base = field.translated_field.name
            return (
                f'{match["row"]}readonly mt mt-field-{base}-{field.language}" '
                f'id="id_{field.name}" lang="{field.language}"'
            )

        html = READONLY_ROW.sub(mark, response.content.decode())
        response.content = html.encode()
        return response


class PublishPermissionMixin:
    """Editors write; only holders of `publish_permission` decide what visitors see.

    The fields in `publishing_fields` are read-only for everyone else, and an object that is
    published (`needs_publisher(obj)`) is shown to them read-only with a note saying why, so that no
    change reaches visitors without a publisher.
    """

    publish_permission: str = ""
    publishing_fields: tuple[str, ...] = ()

    def needs_publisher(self, obj) -> bool:
        raise NotImplementedError

    def may_publish(self, request) -> bool:
        return request.user.has_perm(self.publish_permission)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.may_publish(request):
            readonly += [name for name in self.publishing_fields if name not in readonly]
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.needs_publisher(obj) and not self.may_publish(request):
            return False
        return super().has_change_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, admin.utils.unquote(object_id))
        if obj is not None and self.needs_publisher(obj) and not self.may_publish(request):
            from django.contrib import messages

            messages.info(
                request,
                _(
                    "This is what visitors see now, so only a publisher may change it. Ask a "
                    "publisher to make the change or to take it offline first."
                ),
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(LogEntry)
class AuditLogAdmin(admin.ModelAdmin):
    """The back office's audit log: who added, changed, published, withdrew, restored,
    approved or deleted what, and when (the admin's own LogEntry rows; the editorial actions
    write theirs with a sentence saying what happened). Read-only, filterable."""

    list_display = ["action_time", "user", "content_type", "object_link", "action", "message"]
    list_filter = ["action_flag", "content_type", "user", "action_time"]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("object"), ordering="object_repr")
    def object_link(self, entry):
        if entry.action_flag == DELETION or not entry.get_admin_url():
            return entry.object_repr
        return format_html('<a href="{}">{}</a>', entry.get_admin_url(), entry.object_repr)

    @admin.display(description=_("action"), ordering="action_flag")
    def action(self, entry):
        return {ADDITION: _("Added"), CHANGE: _("Changed"), DELETION: _("Deleted")}.get(
            entry.action_flag, entry.action_flag
        )

    @admin.display(description=_("what happened"))
    def message(self, entry):
        return entry.get_change_message()


# --- Links between the admin and the public pages, and the side-by-side preview ---------------


class PublicPageAdminMixin:
    """ "View live" on the change form when the page is live, and a preview of the saved page
    in Japanese and English side by side (frames of the public page, staff only)."""

    change_form_template = "admin/linkj/change_form.html"
    preview_parameter = "preview=1"

    def live_languages_of(self, obj) -> list[str]:
        return [code for code, _name in settings.LANGUAGES if obj.is_live(code)]

    def public_url(self, obj, language: str) -> str:
        from django.utils import translation

        with translation.override(language):
            return obj.get_absolute_url()

    def preview_url(self, obj, language: str) -> str:
        return f"{self.public_url(obj, language)}?{self.preview_parameter}"

    def public_links_context(self, request, obj) -> dict:
        if obj is None or not obj.pk:
            return {}
        languages = dict(settings.LANGUAGES)
        info = self.opts.app_label, self.opts.model_name
        from django.urls import reverse

        return {
            "view_live_links": [
                (self.public_url(obj, code), languages[code])
                for code in self.live_languages_of(obj)
            ],
            "preview_frames": [
                (self.preview_url(obj, code), code, languages[code]) for code in languages
            ],
            "side_by_side_url": reverse("admin:{}_{}_preview".format(*info), args=[obj.pk]),
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, admin.utils.unquote(object_id))
        extra_context = {**(extra_context or {}), **self.public_links_context(request, obj)}
        response = super().change_view(request, object_id, form_url, extra_context)
        # The preview frames at the foot of the form.
        response._csp_replace = {"frame-src": ["'self'"]}
        return response

    def get_urls(self):
        from django.urls import path

        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<int:object_id>/preview/",
                self.admin_site.admin_view(self.side_by_side_view),
                name="{}_{}_preview".format(*info),
            ),
            *super().get_urls(),
        ]

    def side_by_side_view(self, request, object_id):
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import get_object_or_404
        from django.template.response import TemplateResponse
        from django.utils.cache import add_never_cache_headers
        from django.utils.translation import gettext

        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": gettext("Preview of “%(object)s”") % {"object": obj},
            **self.public_links_context(request, obj),
        }
        response = TemplateResponse(request, "admin/linkj/preview.html", context)
        response._csp_replace = {"frame-src": ["'self'"]}
        response["X-Robots-Tag"] = "noindex, nofollow"
        add_never_cache_headers(response)
        return response


# --- Revisions (linkj/revisions.py): list, compare, restore with a confirmation ---------------


class RevisionAdminMixin:
    """Every save through the admin is kept as a revision (with what follows the object);
    editors list, compare and restore them. `restore_revision(version=, user=)` is the app's
    service, which leaves the restored object unpublished."""

    restore_revision = None  # the app's service

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        from linkj import revisions

        if object_id:
            extra_context = {
                **(extra_context or {}),
                "revisions_url": self._revisions_url(object_id),
            }
        if request.method == "POST" and object_id:
            obj = self.get_object(request, admin.utils.unquote(object_id))
            if obj is not None and self.has_change_permission(request, obj):
                revisions.ensure_baseline(obj=obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _revisions_url(self, object_id) -> str:
        from django.urls import reverse

        info = self.opts.app_label, self.opts.model_name
        return reverse("admin:{}_{}_revisions".format(*info), args=[object_id])

    def save_related(self, request, form, formsets, change):
        from linkj import revisions

        super().save_related(request, form, formsets, change)
        message = self.construct_change_message(request, form, formsets, add=not change)
        revisions.save_revision(
            obj=form.instance, user=request.user, comment=json.dumps(message) if message else ""
        )

    def get_urls(self):
        from django.urls import path

        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<int:object_id>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name="{}_{}_revisions".format(*info),
            ),
            path(
                "<int:object_id>/revisions/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def revisions_view(self, request, object_id):
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import get_object_or_404
        from django.template.response import TemplateResponse
        from django.utils.translation import gettext

        from linkj import revisions

        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        rows = [
            _RevisionRow(number, version)
            for number, version in enumerate(revisions.versions_of(obj), start=1)
        ][::-1]
        by_id = {str(row.pk): row for row in rows}
        older, newer = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
        changes = None
        if older and newer:
            if older.number > newer.number:
                older, newer = newer, older
            changes = revisions.differences(
                revisions.readable(older.version), revisions.readable(newer.version)
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": gettext("Revisions of “%(object)s”") % {"object": obj},
            "revisions": rows,
            "older": older,
            "newer": newer,
            "changes": changes,
            "can_restore": self.has_change_permission(request, obj),
        }
        return TemplateResponse(request, "admin/linkj/revisions.html", context)

    def restore_view(self, request, object_id, version_id):
        """GET: what restoring changes, and a button to confirm. POST: restore (unpublished)."""
        from django.contrib import messages
        from django.core.exceptions import PermissionDenied
        from django.http import HttpResponseRedirect
        from django.shortcuts import get_object_or_404
        from django.template.response import TemplateResponse
        from django.urls import reverse
        from django.utils.translation import gettext

        from linkj import revisions

        obj = get_object_or_404(self.model, pk=object_id)
        version = get_object_or_404(revisions.versions_of(obj), pk=version_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        number = revisions.number_of(version)
        info = self.opts.app_label, self.opts.model_name
        if request.method == "POST":
            from django.db import IntegrityError
            from django.db.models import ProtectedError

            try:
                type(self).restore_revision(version=version, user=request.user)
            except (IntegrityError, ProtectedError):
                self.message_user(
                    request,
                    _(
                        "Version %(version)d could not be restored: another record now uses "
                        "one of its unique values, such as its address (slug). Change that "
                        "record or this one first."
                    )
                    % {"version": number},
                    messages.ERROR,
                )
                return HttpResponseRedirect(self._revisions_url(obj.pk))
            self.message_user(
                request,
                _(
                    "Version %(version)d has been restored and saved unpublished: visitors do "
                    "not see it until a publisher publishes it."
                )
                % {"version": number},
                messages.WARNING,
            )
            self.log_change(
                request, obj, gettext("Restored version %(version)d.") % {"version": number}
            )
            return HttpResponseRedirect(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
        changes = revisions.differences(revisions.readable_now(obj), revisions.readable(version))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "number": number,
            "title": gettext("Restore version %(version)d?") % {"version": number},
            "changes": changes,
        }
        return TemplateResponse(request, "admin/linkj/restore_confirm.html", context)


class _RevisionRow:
    """One kept version as the revisions page shows it."""

    def __init__(self, number: int, version):
        from linkj import revisions

        self.pk = version.pk
        self.number = number
        self.version = version
        self.created_at = version.revision.date_created
        self.author = version.revision.user
        self.comment = revisions.comment_text(version.revision.comment)


def saved_by(current: dict) -> dict[str, str]:
    """Who saved a row and when (Tokyo time), for the message of an edit conflict: `current`
    holds the row's `updated_by__username` and `updated_at`."""
    return {
        "user": current["updated_by__username"] or "?",
        "time": formats.date_format(timezone.localtime(current["updated_at"]), "DATETIME_FORMAT"),
    }
