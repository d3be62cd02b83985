from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from linkj.admin import PublishPermissionMixin, TabbedTranslationAdmin, thumbnail

from .models import Document, Image


class UsageFilter(admin.SimpleListFilter):
    title = pgettext_lazy("media library", "usage")
    parameter_name = "usage"

    def lookups(self, request, model_admin):
        return [
            ("unused", pgettext_lazy("media library", "Unused")),
            ("used", pgettext_lazy("media library", "In use")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "unused":
            return queryset.unused()
        if self.value() == "used":
            return queryset.used()
        return queryset


def admin_link(obj) -> str:
    """A link to the row's change page, or to the page of what it belongs to (a photo's
    release) when the row has no admin of its own."""
    for candidate in (obj, getattr(obj, "release", None)):
        if candidate is None:
            continue
        try:
            url = reverse(
                f"admin:{candidate._meta.app_label}_{candidate._meta.model_name}_change",
                args=[candidate.pk],
            )
        except NoReverseMatch:
            continue
        return format_html('<a href="{}">{}</a>', url, candidate)
    return str(obj)


class LibraryItemAdmin(PublishPermissionMixin, TabbedTranslationAdmin):
    list_filter = [UsageFilter, "is_public", "uploaded_at"]
    readonly_fields = ["size_display", "uploaded_at", "uploaded_by", "usage"]
    list_per_page = 50

    def needs_publisher(self, obj) -> bool:
        # Library items are corrected freely; only "always public" is a publisher's call.
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("size"), ordering="size")
    def size_display(self, obj):
        return filesizeformat(obj.size) if obj.size else "—"

    @admin.display(description=pgettext_lazy("media library", "used by"))
    def usage(self, obj):
        if obj.pk is None:
            return "—"
        uses = obj.uses()
        if not uses:
            return _("Nothing uses this file yet.")
        return format_html_join(
            "",
            "<p><strong>{}</strong></p><ul>{}</ul>",
            (
                (
                    rel.related_model._meta.verbose_name_plural,
                    format_html_join("", "<li>{}</li>", ((admin_link(row),) for row in rows)),
                )
                for rel, rows in uses
            ),
        )

    def get_search_results(self, request, queryset, search_term):
        # Both languages' columns at once (a Japanese word typed in the English admin).
        return queryset.search(search_term), False


@admin.register(Image)
class ImageAdmin(LibraryItemAdmin):
    publish_permission = "library.publish_image"
    publishing_fields = ("is_public",)
    # The ID too: without JavaScript, the picker's box takes the number read here.
    list_display = ["thumb", "title", "alt", "dimensions", "size_display", "uploaded_at", "id"]
    list_display_links = ["thumb", "title"]
    search_fields = ["title"]  # get_search_results searches alt texts and credits too
    readonly_fields = ["preview", "dimensions", *LibraryItemAdmin.readonly_fields]
    fieldsets = [
        (pgettext_lazy("media library", "File"), {"fields": ["title", "file", "preview"]}),
        (
            pgettext_lazy("media library", "Alternative text and credit"),
            {"fields": ["alt", "credit"]},
        ),
        (_("Publication"), {"fields": ["is_public"]}),
        (
            pgettext_lazy("media library", "Details"),
            {"fields": ["dimensions", "size_display", "uploaded_at", "uploaded_by"]},
        ),
        (pgettext_lazy("media library", "Where it is used"), {"fields": ["usage"]}),
    ]

    @admin.display(description=pgettext_lazy("media library", "thumbnail"))
    def thumb(self, obj):
        return thumbnail(obj.file, alt="")

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.file, alt="") if obj.pk else "—"

    @admin.display(description=_("dimensions"))
    def dimensions(self, obj):
        if not (obj.width and obj.height):
            return "—"
        return _("%(width)s × %(height)s pixels") % {"width": obj.width, "height": obj.height}


@admin.register(Document)
class DocumentAdmin(LibraryItemAdmin):
    publish_permission = "library.publish_document"
    publishing_fields = ("is_public",)
    list_display = ["title", "file_link", "size_display", "uploaded_at", "id"]
    search_fields = ["title"]
    fieldsets = [
        (pgettext_lazy("media library", "File"), {"fields": ["title", "file"]}),
        (pgettext_lazy("media library", "Credit"), {"fields": ["credit"]}),
        (_("Publication"), {"fields": ["is_public"]}),
        (
            pgettext_lazy("media library", "Details"),
            {"fields": ["size_display", "uploaded_at", "uploaded_by"]},
        ),
        (pgettext_lazy("media library", "Where it is used"), {"fields": ["usage"]}),
    ]

    @admin.display(description=pgettext_lazy("media library", "file"))
    def file_link(self, obj):
        if not obj.file:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.file.url, obj.file.name.rsplit("/", 1)[-1])
