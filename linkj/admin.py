"""Admin pieces that partners, news and events share."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AdminFileWidget, ForeignKeyRawIdWidget
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models import BooleanField, ExpressionWrapper, Q
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


class PublishPermissionMixin:
    """Editors write; only holders of `publish_permission` decide what visitors see.

    The fields in `publishing_fields` are read-only for everyone else, and an object that is
    live (`is_public(obj)`) is shown to them read-only with a note saying why, so that no
    change reaches visitors without a publisher.
    """

    publish_permission: str = ""
    publishing_fields: tuple[str, ...] = ()

    def is_public(self, obj) -> bool:
        raise NotImplementedError

    def may_publish(self, request) -> bool:
        return request.user.has_perm(self.publish_permission)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.may_publish(request):
            readonly += [name for name in self.publishing_fields if name not in readonly]
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.is_public(obj) and not self.may_publish(request):
            return False
        return super().has_change_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, admin.utils.unquote(object_id))
        if obj is not None and self.is_public(obj) and not self.may_publish(request):
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
