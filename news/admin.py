from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from linkj.admin import (
    AuditedAdminMixin,
    TabbedTranslationAdmin,
    TranslationStackedInline,
    language_completeness,
    thumbnail,
)

from . import services
from .models import Quote, Release, ReleasePhoto, Revision, Status, language_codes

STATE_LABELS = {
    "live": _("live"),
    "scheduled": _("scheduled"),
    "expired": _("expired"),
    "off": _("not published"),
}


def _locked_for(request, release) -> bool:
    """A live or withdrawn release is public record: only publishers may change it."""
    return (
        release is not None
        and release.status in (Status.PUBLISHED, Status.WITHDRAWN)
        and not request.user.has_perm(services.PUBLISH_PERMISSION)
    )


class FollowsReleaseLockMixin:
    def has_add_permission(self, request, obj=None):
        return not _locked_for(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _locked_for(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _locked_for(request, obj) and super().has_delete_permission(request, obj)


class ReleasePhotoInline(FollowsReleaseLockMixin, TranslationStackedInline):
    model = ReleasePhoto
    extra = 0
    fields = ["image", "preview", "alt", "caption", "credit", "position"]
    readonly_fields = ["preview"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image, alt="") if obj.pk else "—"


class QuoteInline(FollowsReleaseLockMixin, TranslationStackedInline):
    model = Quote
    extra = 0
    fields = ["speaker", "speaker_title", "organisation", "text", "position"]


class StartingVersionField(forms.IntegerField):
    """The version the editor started from: a save based on an older version is refused. It
    is bookkeeping, never a change the editor made (so never in the history's field list)."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data) -> bool:
        return False


class ReleaseAdminForm(forms.ModelForm):
    expected_version = StartingVersionField(
        label=_("version the editing started from"), required=False
    )

    current_user = None  # set by ReleaseAdmin.get_form

    class Meta:
        model = Release
        fields = [
            "title",
            "subtitle",
            "lead",
            "body",
            "attachment",
            "slug",
            "date",
            "category",
            "partners",
            "agreements",
            "show_history_table",
            "status",
            "publish_at_ja",
            "publish_at_en",
            "unpublish_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["expected_version"].initial = self.instance.version
        status = self.fields.get("status")
        if status is not None and not self._can_publish():
            allowed = {Status.DRAFT, Status.REVIEW}
            status.choices = [(v, label) for v, label in status.choices if v in allowed]

    def _can_publish(self) -> bool:
        user = self.current_user
        return bool(user and user.has_perm(services.PUBLISH_PERMISSION))

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Lock the row for the rest of the admin's transaction, then compare versions.
            current = (
                Release.objects.select_for_update(of=("self",))
                .filter(pk=self.instance.pk)
                .values("version", "updated_by__username", "updated_at")
                .first()
            )
            expected = cleaned.get("expected_version")
            if current and expected != current["version"]:
                raise ValidationError(
                    _(
                        "Someone else (%(user)s) saved this release at %(time)s, after you "
                        "opened it. Your changes were NOT saved, and nothing was overwritten. "
                        "Your text is still in this form: copy what you need, open the "
                        "release again in a new tab, and apply your changes there."
                    ),
                    code="conflict",
                    params={
                        "user": current["updated_by__username"] or "?",
                        "time": formats.date_format(
                            timezone.localtime(current["updated_at"]), "DATETIME_FORMAT"
                        ),
                    },
                )
        if not self._can_publish() and cleaned.get("status") not in (
            None,
            Status.DRAFT,
            Status.REVIEW,
        ):
            raise ValidationError(
                {"status": _("Only publishers may publish or withdraw a release.")}
            )
        return cleaned


@admin.register(Release)
class ReleaseAdmin(AuditedAdminMixin, TabbedTranslationAdmin):
    form = ReleaseAdminForm
    change_form_template = "admin/news/release/change_form.html"
    list_display = [
        "title",
        "date",
        "category",
        "status",
        "language_states",
        "publish_at_ja",
        "publish_at_en",
        "languages",
        "is_live_now",
    ]
    list_filter = ["status", "category", "date"]
    search_fields = ["title_ja", "title_en", "subtitle_ja", "subtitle_en", "slug"]
    date_hierarchy = "date"
    autocomplete_fields = ["partners", "agreements"]
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [ReleasePhotoInline, QuoteInline]
    actions = ["publish_selected", "withdraw_selected"]
    fieldsets = [
        (_("Text"), {"fields": ["title", "subtitle", "lead", "body"]}),
        (_("Release"), {"fields": ["slug", "date", "category", "attachment"]}),
        (
            _("Partners"),
            {"fields": ["partners", "agreements", "show_history_table"]},
        ),
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
                    "expected_version",
                ]
            },
        ),
        (_("History"), {"fields": ["version", "updated_at", "updated_by"]}),
    ]

    class Media:
        css = {"all": ["news/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("updated_by")

    def has_change_permission(self, request, obj=None):
        # Editors still see a locked release (view permission), preview it and compare its
        # revisions, but cannot change or restore it.
        return not _locked_for(request, obj) and super().has_change_permission(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.current_user = request.user
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = ["language_states", "preview_links", "version", "updated_at", "updated_by"]
        if not self.has_publish_permission(request):
            readonly += ["publish_at_ja", "publish_at_en", "unpublish_at"]
            if obj is not None and obj.status in (Status.PUBLISHED, Status.WITHDRAWN):
                readonly.append("status")
        return readonly

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(services.PUBLISH_PERMISSION)

    # Columns

    @admin.display(description=_("per language"))
    def language_states(self, obj):
        now = timezone.now()
        items = []
        for code in language_codes():
            state = obj.language_state(code, now=now)
            when = obj.publish_at_for(code)
            label = f"{code.upper()}: {STATE_LABELS[state]}"
            if state == "scheduled" and when:
                label += " " + formats.date_format(
                    timezone.localtime(when), "SHORT_DATETIME_FORMAT"
                )
            items.append((f"lang-state lang-state--{state}", label))
        return format_html_join(" ", '<span class="{}">{}</span>', items)

    @admin.display(description=_("live now"), boolean=True)
    def is_live_now(self, obj):
        return bool(obj.live_languages())

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return language_completeness(obj, ("title", "lead", "body"))

    @admin.display(description=_("preview"))
    def preview_links(self, obj):
        if not obj or not obj.pk:
            return _("Save the release first to preview it.")
        links = [
            (obj.url_in(code), code, _("Preview in %(language)s") % {"language": name})
            for code, name in _languages()
        ]
        return format_html_join(" · ", '<a href="{}" hreflang="{}">{}</a>', links)

    # Saving: a revision for every save, written after the relations are saved.

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.record_revision(release=form.instance, user=request.user)

    # Bulk actions

    @admin.action(
        description=_("Publish the selected releases now (languages with a title)"),
        permissions=["publish"],
    )
    def publish_selected(self, request, queryset):
        count = 0
        for release in queryset:
            services.publish(release=release, user=request.user)
            count += 1
        self.message_user(
            request, _("%(count)d release(s) published.") % {"count": count}, messages.SUCCESS
        )

    @admin.action(
        description=_("Unpublish (withdraw) the selected releases"), permissions=["publish"]
    )
    def withdraw_selected(self, request, queryset):
        count = 0
        for release in queryset:
            services.withdraw(release=release, user=request.user)
            count += 1
        self.message_user(
            request, _("%(count)d release(s) withdrawn.") % {"count": count}, messages.SUCCESS
        )

    # Revisions: list, compare, restore

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<int:object_id>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name="{}_{}_revisions".format(*info),
            ),
            path(
                "<int:object_id>/revisions/<int:revision_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def revisions_view(self, request, object_id):
        release = get_object_or_404(Release, pk=object_id)
        if not self.has_view_or_change_permission(request, release):
            raise PermissionDenied
        revisions = list(release.revisions.select_related("author"))
        by_id = {str(r.pk): r for r in revisions}
        older, newer = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
        changes = None
        if older and newer:
            if older.created_at > newer.created_at:
                older, newer = newer, older
            changes = services.differences(older.data, newer.data)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": release,
            "title": gettext("Revisions of “%(release)s”") % {"release": release},
            "revisions": revisions,
            "older": older,
            "newer": newer,
            "changes": changes,
            "can_restore": self.has_change_permission(request, release),
        }
        return TemplateResponse(request, "admin/news/release/revisions.html", context)

    def restore_view(self, request, object_id, revision_id):
        release = get_object_or_404(Release, pk=object_id)
        revision = get_object_or_404(Revision, pk=revision_id, release=release)
        if request.method != "POST" or not self.has_change_permission(request, release):
            raise PermissionDenied
        with transaction.atomic():
            services.restore_revision(
                revision=revision,
                user=request.user,
                can_publish=self.has_publish_permission(request),
            )
        self.message_user(
            request,
            _("Version %(version)d has been restored, and saved as a new revision.")
            % {"version": revision.version},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:news_release_change", args=[release.pk]))


def _languages():
    from django.conf import settings

    return settings.LANGUAGES
