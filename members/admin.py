from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from linkj.admin import language_completeness

from .models import Organisation, Person


class PersonInline(admin.TabularInline):
    model = Person
    fields = ["name", "user"]
    readonly_fields = ["name", "user"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = _("people linked to this organisation")

    def has_add_permission(self, request, obj=None):
        # People sign up themselves; staff link them from the person's page.
        return False


@admin.register(Organisation)
class OrganisationAdmin(TabbedTranslationAdmin):
    list_display = ["name", "reading", "kind", "listed", "languages"]
    list_filter = ["kind", "listed"]
    search_fields = ["name_ja", "name_en", "reading"]
    inlines = [PersonInline]

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return language_completeness(obj, ("name",))


class LinkedFilter(admin.SimpleListFilter):
    title = _("linked to an organisation")
    parameter_name = "linked"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(organisation__isnull=self.value() == "no")
        return queryset


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "organisation", "created_at"]
    list_filter = [LinkedFilter, "organisation__kind"]
    list_select_related = ["user", "organisation"]
    search_fields = ["name", "user__email", "organisation__name_ja", "organisation__name_en"]
    autocomplete_fields = ["organisation"]
    fields = ["name", "user", "email", "organisation", "created_at"]
    readonly_fields = ["user", "email", "created_at"]

    @admin.display(description=_("email"), ordering="user__email")
    def email(self, obj):
        return obj.user.email

    def has_add_permission(self, request):
        return False
