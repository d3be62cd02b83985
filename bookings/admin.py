from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from events.times import event_times

from .models import Booking, Lounge, OpeningHours


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Lounge)
class LoungeAdmin(admin.ModelAdmin):
    list_display = [
        "venue",
        "accepts_bookings",
        "slot_minutes",
        "bookings_per_member",
        "special_members_only",
        "schedule_link",
    ]
    list_select_related = ["venue"]
    autocomplete_fields = ["venue"]
    inlines = [OpeningHoursInline]

    @admin.display(description=_("schedule"))
    def schedule_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("bookings:schedule", kwargs={"slug": obj.venue.slug}),
            _("Day and week view"),
        )


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["lounge", "local_time", "organisation", "user", "status", "created_at"]
    list_filter = ["lounge", "status", "organisation__kind"]
    list_select_related = ["lounge__venue", "organisation", "user"]
    search_fields = ["organisation__name_ja", "organisation__name_en", "user__email", "note"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["user"]
    date_hierarchy = "starts_at"

    @admin.display(description=_("time (lounge’s clock / Japan)"), ordering="starts_at")
    def local_time(self, obj):
        times = event_times(obj)
        japan = f" / {times.japan.text}" if times.japan else ""
        return f"{times.venue.text}{japan}"
