from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from linkj.admin import (
    AuditedAdminMixin,
    EnglishMissingFilter,
    LeanChangeListMixin,
    OrderedTermAdmin,
    PublicPageAdminMixin,
    PublishPermissionMixin,
    ReadOnlyRichTextMixin,
    RevisionAdminMixin,
    TabbedTranslationAdmin,
    TranslationTabularInline,
    language_completeness,
)
from linkj.publishing import Status

from . import revisions
from .forms import EventAdminForm
from .models import Category, Event, Speaker, Venue
from .times import event_times


class SpeakerInline(TranslationTabularInline):
    model = Speaker
    extra = 0


class LiveFilter(admin.SimpleListFilter):
    title = _("visible to visitors")
    parameter_name = "live"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        live = Event.objects.live().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=live)
        if self.value() == "no":
            return queryset.exclude(pk__in=live)
        return queryset


def duplicate_event(event: Event, *, user=None) -> Event:
    """A draft copy of an event, with its speakers and partners, at a free slug."""
    with transaction.atomic():
        speakers = list(event.speakers.all())
        partners = list(event.partners.all())
        base = f"{event.slug}-copy"[:90]
        slug, n = base, 2
        while Event.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        event.pk = None
        event._state.adding = True
        event.slug = slug
        event.publication = Status.DRAFT
        event.publish_at = timezone.now()
        event.updated_by = user
        event.save()
        event.partners.set(partners)
        for speaker in speakers:
            speaker.pk = None
            speaker.event = event
        Speaker.objects.bulk_create(speakers)
    return event


@admin.register(Event)
class EventAdmin(
    ReadOnlyRichTextMixin,
    RevisionAdminMixin,
    PublicPageAdminMixin,
    PublishPermissionMixin,
    AuditedAdminMixin,
    LeanChangeListMixin,
    TabbedTranslationAdmin,
):
    form = EventAdminForm
    publish_permission = "events.publish_event"
    restore_revision = revisions.restore
    publishing_fields = ("publication", "publish_at")
    completeness_fields = ("title", "summary")
    changelist_defer = (
        "body",
        "body_ja",
        "body_en",
        "online_info",
        "online_info_ja",
        "online_info_en",
    )
    list_display = [
        "title",
        "venue",
        "local_start",
        "status",
        "publication",
        "is_live",
        "languages",
    ]
    list_filter = [
        "venue",
        "status",
        ("starts_at", admin.DateFieldListFilter),
        LiveFilter,
        "publication",
        "format",
        "category",
        EnglishMissingFilter,
    ]
    list_select_related = ["venue"]
    date_hierarchy = "starts_at"
    search_fields = ["title_ja", "title_en", "summary_ja", "summary_en", "slug"]
    autocomplete_fields = ["partners", "related_releases"]
    # A plain ID box with a lookup link: picking from the library works without JavaScript.
    raw_id_fields = ["image"]
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ["preview_link", "updated_at", "updated_by"]
    inlines = [SpeakerInline]
    actions = ["duplicate_as_draft"]
    save_on_top = True
    fieldsets = [
        (
            _("Title and text"),
            {
                "fields": [
                    "title",
                    ("title_is_tentative", "title_is_descriptive"),
                    "slug",
                    "summary",
                    "body",
                    "image",
                ]
            },
        ),
        (
            _("When and where"),
            {
                "fields": [
                    "venue",
                    "time_precision",
                    ("start_date", "start_time"),
                    ("end_date", "end_time"),
                ],
                "description": _(
                    "Enter dates and times as the clock reads at the venue; Japan time is "
                    "worked out for visitors."
                ),
            },
        ),
        (
            _("Event details"),
            {
                "fields": [
                    "status",
                    "format",
                    "online_info",
                    "language",
                    "category",
                    "registration_url",
                    "archive_video_url",
                ]
            },
        ),
        (_("Organisers"), {"fields": ["organiser_role", "organiser_note", "partners"]}),
        (_("Related releases"), {"fields": ["related_releases"]}),
        (
            _("Publication"),
            {"fields": ["publication", "publish_at", "preview_link", "updated_at", "updated_by"]},
        ),
    ]

    def needs_publisher(self, obj) -> bool:
        # Published, even if scheduled: the next change would reach visitors unreviewed.
        return obj.publication == Status.PUBLISHED

    def live_languages_of(self, obj) -> list[str]:
        return [code for code, _name in settings.LANGUAGES] if obj.is_live() else []

    @admin.display(description=_("starts (venue time)"), ordering="starts_at")
    def local_start(self, obj):
        return event_times(obj).venue.text

    @admin.display(description=_("live"), boolean=True)
    def is_live(self, obj):
        return obj.is_live()

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if not obj.pk:
            return _("Save the event first.")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            obj.get_absolute_url(),
            _("Open the event page as visitors will see it"),
        )

    @admin.action(description=_("Duplicate as a draft"), permissions=["add"])
    def duplicate_as_draft(self, request, queryset):
        copies = [duplicate_event(event, user=request.user) for event in queryset]
        self.message_user(
            request,
            ngettext(
                "%(count)d draft copy created.", "%(count)d draft copies created.", len(copies)
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )


@admin.register(Venue)
class VenueAdmin(TabbedTranslationAdmin):
    list_display = ["name", "kind", "city", "time_zone", "position", "languages"]
    list_editable = ["position"]
    list_filter = ["kind"]
    search_fields = ["name_ja", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "time_zone" in form.changed_data:
            obj.events.refresh_local_dates()

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return language_completeness(obj, ("name", "address"))


@admin.register(Category)
class CategoryAdmin(OrderedTermAdmin):
    pass
