from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from linkj.admin import (
    AuditedAdminMixin,
    EnglishMissingFilter,
    PublicPageAdminMixin,
    RevisionAdminMixin,
    language_completeness,
    saved_by,
)
from linkj.publishing import Status, language_codes

from . import revisions
from .models import Page

STATE_LABELS = {
    "live": _("live"),
    "scheduled": _("scheduled"),
    "expired": _("expired"),
    "off": _("not published"),
}


def _locked_for(request, page) -> bool:
    """A live or withdrawn page is public record: only publishers may change it."""
    return (
        page is not None
        and page.status in (Status.PUBLISHED, Status.WITHDRAWN)
        and not revisions.can_publish(request.user)
    )


class PageAdminForm(forms.ModelForm):
    # When the editor opened the page: a save based on an older copy is refused.
    opened_version = forms.CharField(
        label=_("version the editing started from"), widget=forms.HiddenInput, required=False
    )

    current_user = None  # set by PageAdmin.get_form

    class Meta:
        model = Page
        fields = [
            "title",
            "nav_title",
            "summary",
            "body",
            "slug",
            "navigation",
            "position",
            "status",
            "publish_at_ja",
            "publish_at_en",
            "unpublish_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk:
            self.fields["opened_version"].initial = _stamp(self.instance.updated_at)
        status = self.fields.get("status")
        if status is not None and not self._can_publish():
            allowed = {Status.DRAFT, Status.REVIEW}
            status.choices = [(v, label) for v, label in status.choices if v in allowed]

    def _can_publish(self) -> bool:
        return bool(self.current_user and revisions.can_publish(self.current_user))

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Lock the row for the rest of the admin's transaction, then compare.
            current = (
                Page.objects.select_for_update(of=("self",))
                .filter(pk=self.instance.pk)
                .values("updated_at", "updated_by__username")
                .first()
            )
            if current and cleaned.get("opened_version") != _stamp(current["updated_at"]):
                raise ValidationError(
                    _(
                        "Someone else (%(user)s) saved this page at %(time)s, after you "
                        "opened it. Your changes were NOT saved, and nothing was overwritten. "
                        "Your text is still in this form: copy what you need, open the "
                        "page again in a new tab, and apply your changes there."
                    ),
                    code="conflict",
                    params=saved_by(current),
                )
        if not self._can_publish() and cleaned.get("status") not in (
            None,
            Status.DRAFT,
            Status.REVIEW,
        ):
            raise ValidationError({"status": _("Only publishers may publish or withdraw a page.")})
        return cleaned


def _stamp(moment) -> str:
    return moment.isoformat() if moment else ""


@admin.register(Page)
class PageAdmin(
    RevisionAdminMixin, PublicPageAdminMixin, AuditedAdminMixin, TabbedTranslationAdmin
):
    form = PageAdminForm
    # The site's revision service: history, readable comparison, restore with a
    # confirmation page, and a restored page saved as a draft for a publisher.
    restore_revision = revisions.restore
    list_display = [
        "title",
        "slug",
        "navigation",
        "position",
        "status",
        "language_states",
        "languages",
        "is_live",
    ]
    list_filter = ["status", "navigation", EnglishMissingFilter]
    completeness_fields = ("title", "body")
    search_fields = ["title_ja", "title_en", "summary_ja", "summary_en", "slug"]
    prepopulated_fields = {"slug": ("title_en",)}
    actions = ["publish_selected", "withdraw_selected"]
    fieldsets = [
        (_("Text"), {"fields": ["title", "nav_title", "summary", "body"]}),
        (_("Address and navigation"), {"fields": ["slug", "navigation", "position"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "publish_at_ja",
                    "publish_at_en",
                    "unpublish_at",
                    "language_states",
                    "preview_links",
                    "opened_version",
                ]
            },
        ),
        (_("History"), {"fields": ["updated_at", "updated_by"]}),
    ]

    class Media:
        css = {"all": ["news/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("updated_by")

    def has_change_permission(self, request, obj=None):
        # Editors still see a locked page, preview it and compare its revisions.
        return not _locked_for(request, obj) and super().has_change_permission(request, obj)

    def has_publish_permission(self, request) -> bool:
        return revisions.can_publish(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.current_user = request.user
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = ["language_states", "preview_links", "updated_at", "updated_by"]
        if not self.has_publish_permission(request):
            readonly += ["publish_at_ja", "publish_at_en", "unpublish_at"]
            if obj is not None and obj.status in (Status.PUBLISHED, Status.WITHDRAWN):
                readonly.append("status")
        return readonly

    # Columns

    @admin.display(description=_("per language"))
    def language_states(self, obj):
        now = timezone.now()
        items = []
        for code in language_codes():
            state = obj.language_state(code, now=now)
            label = f"{code.upper()}: {STATE_LABELS[state]}"
            when = obj.publish_at_for(code)
            if state == "scheduled" and when:
                label += " " + formats.date_format(
                    timezone.localtime(when), "SHORT_DATETIME_FORMAT"
                )
            items.append((f"lang-state lang-state--{state}", label))
        return format_html_join(" ", '<span class="{}">{}</span>', items)

    @admin.display(description=_("live now"), boolean=True)
    def is_live(self, obj):
        return bool(obj.live_languages())

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return language_completeness(obj, ("title", "body"))

    @admin.display(description=_("preview"))
    def preview_links(self, obj):
        if not obj or not obj.pk:
            return _("Save the page first to preview it.")
        from django.conf import settings

        links = [
            (obj.url_in(code), code, _("Preview in %(language)s") % {"language": name})
            for code, name in settings.LANGUAGES
        ]
        return format_html_join(" · ", '<a href="{}" hreflang="{}">{}</a>', links)

    # Bulk actions

    @admin.action(
        description=_("Publish the selected pages now (languages with a title)"),
        permissions=["publish"],
    )
    def publish_selected(self, request, queryset):
        for page in queryset:
            revisions.publish(page=page, user=request.user)
        self.message_user(
            request,
            _("%(count)d page(s) published.") % {"count": len(queryset)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Withdraw the selected pages"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        for page in queryset:
            revisions.withdraw(page=page, user=request.user)
        self.message_user(
            request,
            _("%(count)d page(s) withdrawn.") % {"count": len(queryset)},
            messages.SUCCESS,
        )
