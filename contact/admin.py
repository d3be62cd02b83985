from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Enquiry


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "name", "organisation", "email", "language", "handled"]
    list_filter = ["handled", "kind", "language", "created_at"]
    list_editable = ["handled"]
    search_fields = ["name", "organisation", "email", "message"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "kind",
        "name",
        "organisation",
        "email",
        "phone",
        "message",
        "language",
        "created_at",
    ]
    fieldsets = [
        (
            _("Enquiry"),
            {"fields": ["kind", "name", "organisation", "email", "phone", "message"]},
        ),
        (_("Received"), {"fields": ["language", "created_at"]}),
        (_("For the office"), {"fields": ["handled", "note"]}),
    ]

    def has_add_permission(self, request):
        # Enquiries come from visitors only.
        return False
