import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Subscriber

# Spreadsheets run a cell that starts with one of these as a formula; an address may
# legally start with "=" or "+", so such cells are written with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        value = timezone.localtime(value).isoformat(timespec="seconds")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status", "language", "created_at"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    readonly_fields = ["email", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    fields = ["email", "language", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    actions = ["export_csv"]

    def has_add_permission(self, request):
        # Addresses join through the double opt-in only, never typed in by someone else.
        return False

    @admin.action(description=_("Export the selected subscribers as CSV (UTF-8, for Excel)"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="newsletter-{stamp}.csv"'
        # The byte order mark makes Excel read the file as UTF-8 (Japanese stays legible).
        response.write("\ufeff")
        writer = csv.writer(response)
        columns = ["email", "language", "status", "created_at", "confirmed_at", "unsubscribed_at"]
        writer.writerow([str(Subscriber._meta.get_field(name).verbose_name) for name in columns])
        for row in queryset.order_by("created_at", "pk").values_list(*columns):
            writer.writerow([_cell(value) for value in row])
        return response
