from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
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
    EnglishMissingFilter,
    LeanChangeListMixin,
    PublicPageAdminMixin,
    ReadOnlyRichTextMixin,
    TabbedTranslationAdmin,
    TranslationStackedInline,
    saved_by,
    thumbnail,
)
from linkj.publishing import Status

from . import history, notifications, services
from .models import (
    DraftState,
    Quote,
    Release,
    ReleaseDraft,
    ReleasePhoto,
    Revision,
    language_codes,
)

STATE_LABELS = {
    "live": _("live"),
    "scheduled": _("scheduled"),
    "expired": _("expired"),
    "off": _("not published"),
}


def _locked_for(request, release) -> bool:
    """A withdrawn release is public record: only publishers may change it. A live one
    editors change through its pending draft (ReleaseAdmin.changeform_view)."""
    return (
        release is not None
        and release.status == Status.WITHDRAWN
        and not request.user.has_perm(services.PUBLISH_PERMISSION)
    )


def _draft_of(release) -> ReleaseDraft | None:
    try:
        return release.draft
    except ReleaseDraft.DoesNotExist:
        return None


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
    fields = ["image", "library_image", "preview", "alt", "caption", "credit", "position"]
    readonly_fields = ["preview"]
    # A plain ID box with a lookup link: picking from the library works without JavaScript.
    raw_id_fields = ["library_image"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.picture, alt="") if obj.pk else "—"


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
            "documents",
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
                    params=saved_by(current),
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
class ReleaseAdmin(
    ReadOnlyRichTextMixin,
    PublicPageAdminMixin,
    AuditedAdminMixin,
    LeanChangeListMixin,
    TabbedTranslationAdmin,
):
    form = ReleaseAdminForm
    completeness_fields = ("title", "lead", "body")
    changelist_defer = ("body", "body_ja", "body_en")
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
        "is_live",
    ]
    list_filter = ["status", "category", "date", EnglishMissingFilter]
    search_fields = ["title_ja", "title_en", "subtitle_ja", "subtitle_en", "slug"]
    date_hierarchy = "date"
    autocomplete_fields = ["partners", "agreements"]
    # Numbers and a lookup link: picking from the media library works without JavaScript.
    raw_id_fields = ["documents"]
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [ReleasePhotoInline, QuoteInline]
    actions = ["publish_selected", "withdraw_selected"]
    fieldsets = [
        (_("Text"), {"fields": ["title", "subtitle", "lead", "body"]}),
        (_("Release"), {"fields": ["slug", "date", "category", "attachment", "documents"]}),
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
    def is_live(self, obj):
        return bool(obj.live_languages())

    def preview_url(self, obj, language: str) -> str:
        # With a pending draft, the preview shows the draft, as it will look once approved.
        suffix = "draft=1" if _draft_of(obj) is not None else self.preview_parameter
        return f"{obj.url_in(language)}?{suffix}"

    @admin.display(description=_("preview"))
    def preview_links(self, obj):
        if not obj or not obj.pk:
            return _("Save the release first to preview it.")
        links = [
            (obj.url_in(code), code, _("Preview in %(language)s") % {"language": name})
            for code, name in _languages()
        ]
        return format_html_join(" · ", '<a href="{}" hreflang="{}">{}</a>', links)

    # Editing a live release: editors' saves become its pending draft.
    #
    # The admin saves the form as usual (row, photos, quotes, partners) inside a transaction,
    # the result is kept as a snapshot, and the transaction is rolled back: the live rows never
    # change, and the draft holds exactly what the form would have saved, files included. The
    # form shows a release's draft the same way: applied, rendered, rolled back.

    def saves_as_draft(self, request, release) -> bool:
        return (
            release is not None
            and release.status == Status.PUBLISHED
            and not self.has_publish_permission(request)
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        release = self.get_object(request, unquote(object_id)) if object_id else None
        if request.method == "GET" and _locked_for(request, release):
            messages.info(
                request,
                _(
                    "This release has been withdrawn, so it is shown read-only: only a publisher "
                    "may change or republish it. Ask a publisher, or add a new release instead."
                ),
            )
        draft = _draft_of(release) if release else None
        drafting = self.saves_as_draft(request, release)
        if not (draft or drafting):
            return super().changeform_view(request, object_id, form_url, extra_context)
        extra_context = {**(extra_context or {}), **self._draft_context(request, release, draft)}
        request.linkj_drafting = drafting
        with transaction.atomic():
            if draft is not None:
                services.show_draft(release)
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()
            saved_live = response.status_code == 302 and not drafting
            if not saved_live:
                transaction.set_rollback(True)
        snapshot = getattr(request, "linkj_draft_snapshot", None)
        if drafting and snapshot is not None:
            release = Release.objects.get(pk=release.pk)
            services.save_draft(release=release, data=snapshot, user=request.user)
            self.log_change(request, release, gettext("Saved as a pending draft."))
        return response

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(request, "linkj_drafting", False):
            request.linkj_draft_snapshot = services.snapshot(form.instance)
            return
        # A publisher's save of a release shown with its draft includes the draft.
        ReleaseDraft.objects.filter(release=form.instance).delete()
        services.record_revision(release=form.instance, user=request.user)

    def response_change(self, request, obj):
        if getattr(request, "linkj_drafting", False) and "_continue" not in request.POST:
            self.message_user(
                request,
                _(
                    "Your changes are saved as a draft. Visitors keep seeing the live version "
                    "until a publisher approves the draft."
                ),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:news_release_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def _draft_context(self, request, release, draft) -> dict:
        latest = release.revisions.order_by("-version").values_list("pk", flat=True).first()
        compare = reverse("admin:news_release_revisions", args=[release.pk])
        return {
            "compare_url": f"{compare}?a={latest or ''}&b=draft",
            "pending_draft": draft,
            "draft_states": DraftState,
            "may_publish": self.has_publish_permission(request),
            "saves_as_draft": self.saves_as_draft(request, release),
            "draft_links": [
                (release.url_in(code) + "?draft=1", name) for code, name in _languages()
            ],
        }

    # Bulk actions

    @admin.action(
        description=_("Publish the selected releases now (languages with a title)"),
        permissions=["publish"],
    )
    def publish_selected(self, request, queryset):
        count = 0
        for release in queryset:
            services.publish(release=release, user=request.user)
            self.log_change(request, release, gettext("Published."))
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
            self.log_change(request, release, gettext("Withdrawn (taken offline)."))
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
            path(
                "<int:object_id>/draft/<str:action>/",
                self.admin_site.admin_view(self.draft_action_view),
                name="{}_{}_draft".format(*info),
            ),
            *super().get_urls(),
        ]

    def revisions_view(self, request, object_id):
        release = get_object_or_404(Release, pk=object_id)
        if not self.has_view_or_change_permission(request, release):
            raise PermissionDenied
        revisions = list(release.revisions.select_related("author"))
        for revision in revisions:
            revision.comment_text = history.comment_text(revision.comment)
        by_id = {str(r.pk): r for r in revisions}
        draft = _draft_of(release)
        if draft is not None:
            # The pending draft compares like a revision, newer than all of them.
            draft.pk_key, draft.version, draft.created_at = "draft", None, draft.updated_at
            draft.comment_text = draft.get_state_display()
            by_id["draft"] = draft
        older, newer = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
        changes = None
        if older and newer:
            if older.created_at > newer.created_at:
                older, newer = newer, older
            changes = history.differences(older.data, newer.data)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": release,
            "title": gettext("Revisions of “%(release)s”") % {"release": release},
            "revisions": revisions,
            "pending_draft": draft,
            "older": older,
            "newer": newer,
            "changes": changes,
            "can_restore": self.has_change_permission(request, release),
        }
        return TemplateResponse(request, "admin/news/release/revisions.html", context)

    def restore_view(self, request, object_id, revision_id):
        """GET: what restoring would change, and a button to confirm. POST: restore, into
        the pending draft when the release is live (services.restore_revision)."""
        release = get_object_or_404(Release, pk=object_id)
        revision = get_object_or_404(Revision, pk=revision_id, release=release)
        if not self.has_change_permission(request, release):
            raise PermissionDenied
        if request.method == "POST":
            with transaction.atomic():
                services.restore_revision(
                    revision=revision,
                    user=request.user,
                    can_publish=self.has_publish_permission(request),
                )
            if release.status == Status.PUBLISHED:
                text = _(
                    "Version %(version)d is now the pending draft. Visitors keep seeing the "
                    "live version until a publisher approves it."
                )
            else:
                text = _("Version %(version)d has been restored, and saved as a new revision.")
            self.message_user(request, text % {"version": revision.version}, messages.SUCCESS)
            self.log_change(
                request,
                release,
                gettext("Restored version %(version)d.") % {"version": revision.version},
            )
            return HttpResponseRedirect(reverse("admin:news_release_change", args=[release.pk]))
        draft = _draft_of(release)
        current = draft.data if draft else services.snapshot(release)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": release,
            "revision": revision,
            "into_draft": release.status == Status.PUBLISHED,
            "title": gettext("Restore version %(version)d?") % {"version": revision.version},
            "changes": history.differences(current, revision.data),
        }
        return TemplateResponse(request, "admin/news/release/restore_confirm.html", context)

    def draft_action_view(self, request, object_id, action):
        release = get_object_or_404(Release, pk=object_id)
        draft = get_object_or_404(ReleaseDraft, release=release)
        may_publish = self.has_publish_permission(request)
        if request.method != "POST" or not self.has_change_permission(request, release):
            raise PermissionDenied
        if action in ("approve", "send-back") and not may_publish:
            raise PermissionDenied
        author = draft.author
        if action == "submit":
            services.submit_for_review(draft=draft, user=request.user)
            sent = notifications.draft_sent_to_review(draft)
            text = _("The draft is waiting for a publisher; %(count)d publisher(s) notified.")
            self.message_user(request, text % {"count": sent}, messages.SUCCESS)
            log = gettext("Sent the pending draft to review.")
        elif action == "approve":
            services.approve_draft(draft=draft, user=request.user)
            notifications.draft_reviewed(None, release=release, author=author, approved=True)
            self.message_user(request, _("The draft is approved: visitors see it now."))
            log = gettext("Approved the pending draft and published it.")
        elif action == "send-back":
            comment = request.POST.get("comment", "").strip()
            if not comment:
                self.message_user(
                    request, _("Say what should change before sending back."), messages.ERROR
                )
                return HttpResponseRedirect(reverse("admin:news_release_change", args=[release.pk]))
            services.send_back(draft=draft, user=request.user, comment=comment)
            notifications.draft_reviewed(
                draft, release=release, author=author, approved=False, comment=comment
            )
            self.message_user(request, _("The draft was sent back to its author."))
            log = gettext("Sent the pending draft back: %(comment)s") % {"comment": comment}
        elif action == "discard":
            draft.delete()
            self.message_user(request, _("The draft was discarded; the live version is kept."))
            log = gettext("Discarded the pending draft.")
        else:
            raise PermissionDenied
        self.log_change(request, release, log)
        return HttpResponseRedirect(reverse("admin:news_release_change", args=[release.pk]))


def _languages():
    from django.conf import settings

    return settings.LANGUAGES
