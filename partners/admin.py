from django.contrib import admin
from django.db.models import Min
from django.utils.translation import gettext_lazy as _

from linkj.admin import (
    AuditedAdminMixin,
    OrderedTermAdmin,
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
    language_completeness,
    thumbnail,
)

from .models import Agreement, FormerName, Partner, ScopeItem, Signatory


class FormerNameInline(TranslationTabularInline):
    model = FormerName
    extra = 0


class AgreementInline(TranslationStackedInline):
    model = Agreement
    extra = 0
    autocomplete_fields = ["scope_items"]
    show_change_link = True
    fields = ["signed_on", "date_precision", "agreement_type", "term_years", "scope_items", "notes"]


class PartnerAdmin(AuditedAdminMixin, TabbedTranslationAdmin):
    list_display = [
        "logo_thumbnail",
        "name",
        "short_name",
        "kind",
        "country",
        "first_signed",
        "is_disclosed",
        "languages",
    ]
    list_display_links = ["name"]
    list_filter = ["kind", "country", "is_disclosed", "agreements__scope_items"]
    search_fields = [
        "name_ja",
        "name_en",
        "short_name_ja",
        "short_name_en",
        "former_names__name_ja",
        "former_names__name_en",
        "slug",
    ]
    prepopulated_fields = {"slug": ("short_name_en",)}
    readonly_fields = ["updated_at", "updated_by"]
    inlines = [FormerNameInline, AgreementInline]
    fieldsets = [
        (_("Names"), {"fields": ["name", "short_name", "slug"]}),
        (_("Organisation"), {"fields": ["kind", "country", "city", "website", "logo"]}),
        (_("Description"), {"fields": ["description"]}),
        (_("Publication"), {"fields": ["is_disclosed", "updated_at", "updated_by"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(first_signed=Min("agreements__signed_on"))

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, obj):
        return thumbnail(obj.logo, alt="")

    @admin.display(description=_("first signed"), ordering="first_signed")
    def first_signed(self, obj):
        return obj.first_signed

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return language_completeness(obj, ("name", "description"))


class SignatoryInline(TranslationTabularInline):
    model = Signatory
    extra = 0


class AgreementAdmin(TabbedTranslationAdmin):
    list_display = ["partner", "signed_on", "date_precision", "agreement_type", "term_years"]
    list_filter = ["agreement_type", "partner__kind", "partner__country"]
    search_fields = [
        "partner__name_ja",
        "partner__name_en",
        "partner__short_name_ja",
        "partner__short_name_en",
    ]
    autocomplete_fields = ["partner", "scope_items"]
    date_hierarchy = "signed_on"
    list_select_related = ["partner"]
    inlines = [SignatoryInline]


class ScopeItemAdmin(OrderedTermAdmin):
    pass


admin.site.register(Partner, PartnerAdmin)
admin.site.register(Agreement, AgreementAdmin)
admin.site.register(ScopeItem, ScopeItemAdmin)
