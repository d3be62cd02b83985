"""Admin pieces that partners, news and events share."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

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
