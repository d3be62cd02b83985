from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import get_select2_language
from django.db.models import OuterRef, Subquery
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from linkj.admin import (
    AuditedAdminMixin,
    EnglishMissingFilter,
    LeanChangeListMixin,
    OrderedTermAdmin,
    PublicPageAdminMixin,
    PublishPermissionMixin,
    RevisionAdminMixin,
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
    thumbnail,
)
from linkj.kana import gojuon_key

from . import revisions
from .filters import sort_name_expression
from .models import HOME_COUNTRY, Agreement, FormerName, Partner, ScopeItem, Signatory


def searchable_select_media() -> forms.Media:
    """The admin's own Select2, in the same files and order as its autocomplete widgets use
    (minified unless DEBUG), so that jQuery is loaded once."""
    extra = "" if settings.DEBUG else ".min"
    language = get_select2_language()
    return forms.Media(
        js=[
            f"admin/js/vendor/jquery/jquery{extra}.js",
            f"admin/js/vendor/select2/select2.full{extra}.js",
            *([f"admin/js/vendor/select2/i18n/{language}.js"] if language else []),
            "admin/js/jquery.init.js",
            "js/admin-searchable-select.js",
        ],
        css={
            "screen": [f"admin/css/vendor/select2/select2{extra}.css", "admin/css/autocomplete.css"]
        },
    )


def country_choices() -> list[tuple[str, str]]:
    """Japan first (most partners are Japanese), then the rest in the reading order of the
    admin's language: 五十音 in Japanese, alphabetical in English."""
    names = [(country.code, str(country.name)) for country in countries]
    if translation.get_language() == "ja":
        names.sort(key=lambda item: gojuon_key(item[1]))
    else:
        names.sort(key=lambda item: item[1].casefold())
    home = [item for item in names if item[0] == HOME_COUNTRY]
    return [("", "---------"), *home, *(item for item in names if item[0] != HOME_COUNTRY)]


class FormerNameInline(TranslationTabularInline):
    model = FormerName
    extra = 0


class AgreementInline(TranslationStackedInline):
    model = Agreement
    extra = 0
    autocomplete_fields = ["scope_items"]
    show_change_link = True
    fields = ["signed_on", "date_precision", "agreement_type", "term_years", "scope_items", "notes"]


class PartnerAdmin(
    RevisionAdminMixin,
    PublicPageAdminMixin,
    PublishPermissionMixin,
    AuditedAdminMixin,
    LeanChangeListMixin,
    TabbedTranslationAdmin,
):
    publish_permission = "partners.publish_partner"
    restore_revision = revisions.restore
    publishing_fields = ("is_disclosed",)
    completeness_fields = ("name", "description")
    changelist_defer = ("description", "description_ja", "description_en")
    list_display = [
        "logo_thumbnail",
        "name",
        "short_name",
        "kind",
        "country_name",
        "first_signed",
        "is_disclosed",
        "languages",
    ]
    list_display_links = ["name"]
    list_filter = [
        "kind",
        "country",
        "is_disclosed",
        "agreements__scope_items",
        EnglishMissingFilter,
    ]
    search_fields = [
        "name_ja",
        "name_en",
        "name_reading",
        "short_name_ja",
        "short_name_en",
        "former_names__name_ja",
        "former_names__name_en",
        "slug",
    ]
    prepopulated_fields = {"slug": ("short_name_en",)}
    readonly_fields = ["updated_at", "updated_by"]
    # A plain ID box with a lookup link: picking from the library works without JavaScript.
    raw_id_fields = ["logo_image"]
    inlines = [FormerNameInline, AgreementInline]
    fieldsets = [
        (_("Names"), {"fields": ["name", "name_reading", "short_name", "slug"]}),
        (
            _("Organisation"),
            {"fields": ["kind", "country", "city", "website", "logo", "logo_image"]},
        ),
        (_("Description"), {"fields": ["description"]}),
        (_("Publication"), {"fields": ["is_disclosed", "updated_at", "updated_by"]}),
    ]

    @property
    def media(self):
        return super().media + searchable_select_media()

    def needs_publisher(self, obj) -> bool:
        # A disclosed partner's page is public, but partner records are corrected often and
        # carry no schedule: editors may keep correcting them; only disclosure is guarded.
        return False

    def save_model(self, request, obj, form, change):
        if not change and not self.may_publish(request):
            # An editor's new partner stays undisclosed until a publisher shows it.
            obj.is_disclosed = False
        super().save_model(request, obj, form, change)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "country":
            field.choices = country_choices()
            # A menu of 250 entries is searched by typing (static/js/admin-searchable-select.js).
            field.widget.attrs["data-searchable-select"] = "true"
        return field

    def get_ordering(self, request):
        # Japanese: 五十音 order by the reading; English: A–Z by the English name (the
        # Japanese one when there is none yet). A column the editor clicks still wins.
        return [sort_name_expression().asc(), "pk"]

    def get_queryset(self, request):
        # A subquery per row shown rather than a GROUP BY over every agreement.
        first = Agreement.objects.filter(partner=OuterRef("pk")).order_by("signed_on", "pk")
        return (
            super()
            .get_queryset(request)
            .select_related("logo_image")
            .annotate(first_signed=Subquery(first.values("signed_on")[:1]))
        )

    def live_languages_of(self, obj) -> list[str]:
        return [code for code, _name in settings.LANGUAGES] if obj.is_disclosed else []

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, obj):
        return thumbnail(obj.logo_file, alt="")

    # Not the field itself: the admin would flatten the choices of every country on each row.
    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj):
        return obj.country.name

    @admin.display(description=_("first signed"), ordering="first_signed")
    def first_signed(self, obj):
        return obj.first_signed


class SignatoryInline(TranslationTabularInline):
    model = Signatory
    extra = 0


class AgreementAdmin(RevisionAdminMixin, LeanChangeListMixin, TabbedTranslationAdmin):
    change_form_template = "admin/linkj/change_form.html"
    restore_revision = revisions.restore
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
