"""Registrations in the back office: per-event settings and questions, the registrations
themselves (attendance, CSV export, mail to registrants), and the event form's rule that
"Registration open" needs a way to register."""

from __future__ import annotations

import csv

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from events.admin import EventAdmin
from events.forms import EventAdminForm
from events.models import Event, EventStatus
from events.timezones import JAPAN

from . import emails, services
from .models import Answer, Question, Registration, RegistrationSettings, RegistrationStatus

OPEN_WITHOUT_REGISTRATION = _(
    "“Registration open” needs a way to register: turn on registration on this site (in "
    "the event’s registration settings) or give an external registration link."
)


class EventRegistrationAdminForm(EventAdminForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == EventStatus.REGISTRATION_OPEN and not cleaned.get(
            "registration_url"
        ):
            enabled = (
                self.instance.pk
                and RegistrationSettings.objects.filter(event=self.instance, enabled=True).exists()
            )
            if not enabled:
                self.add_error("status", OPEN_WITHOUT_REGISTRATION)
        return cleaned


class EventWithRegistrationAdmin(EventAdmin):
    form = EventRegistrationAdminForm
    list_display = [*EventAdmin.list_display, "registration_count"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                active_registrations=Count(
                    "registrations", filter=~Q(registrations__status=RegistrationStatus.CANCELLED)
                )
            )
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return [*fieldsets, (_("Registration on this site"), {"fields": ["registration_links"]})]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "registration_links"]

    @admin.display(description=_("registrations"), ordering="active_registrations")
    def registration_count(self, obj):
        return obj.active_registrations

    @admin.display(description=_("registration"))
    def registration_links(self, obj):
        if not obj.pk:
            return _("Save the event first.")
        settings = RegistrationSettings.objects.filter(event=obj).first()
        if settings is None:
            url = reverse("admin:registrations_registrationsettings_add") + f"?event={obj.pk}"
            return format_html('<a href="{}">{}</a>', url, _("Set up registration"))
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:registrations_registrationsettings_change", args=[obj.pk]),
            _("Registration settings and questions"),
            reverse("admin:registrations_registration_changelist") + f"?event__id__exact={obj.pk}",
            _("Registrations"),
        )


admin.site.unregister(Event)
admin.site.register(Event, EventWithRegistrationAdmin)


class QuestionInline(TranslationTabularInline):
    model = Question
    extra = 0


class RegistrationSettingsForm(forms.ModelForm):
    class Meta:
        model = RegistrationSettings
        fields = [
            "event",
            "enabled",
            "members_only",
            "opens_at",
            "closes_at",
            "cancellation_deadline",
            "in_person_seats",
            "online_seats",
            "waiting_list",
            "viewing_url",
            "viewing_note",
        ]

    def clean(self):
        cleaned = super().clean()
        event = cleaned.get("event")
        if (
            event is not None
            and not cleaned.get("enabled")
            and event.status == EventStatus.REGISTRATION_OPEN
            and not event.registration_url
        ):
            self.add_error("enabled", OPEN_WITHOUT_REGISTRATION)
        return cleaned


@admin.register(RegistrationSettings)
class RegistrationSettingsAdmin(TabbedTranslationAdmin):
    form = RegistrationSettingsForm
    list_display = [
        "event",
        "enabled",
        "members_only",
        "in_person_seats",
        "online_seats",
        "confirmed",
        "waiting",
    ]
    list_filter = ["enabled", "members_only"]
    list_select_related = ["event"]
    search_fields = ["event__title_ja", "event__title_en", "event__slug"]
    autocomplete_fields = ["event"]
    inlines = [QuestionInline]
    fieldsets = [
        (None, {"fields": ["event", "enabled", "members_only"]}),
        (_("When"), {"fields": ["opens_at", "closes_at", "cancellation_deadline"]}),
        (
            _("Seats"),
            {
                "fields": ["in_person_seats", "online_seats", "waiting_list"],
                "description": _(
                    "In-person and online places are counted separately. Adding seats moves "
                    "people up from the waiting list when you save."
                ),
            },
        ),
        (_("Online viewing (registrants only)"), {"fields": ["viewing_url", "viewing_note"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_count=Count(
                    "event__registrations",
                    filter=Q(event__registrations__status=RegistrationStatus.CONFIRMED),
                ),
                waiting_count=Count(
                    "event__registrations",
                    filter=Q(event__registrations__status=RegistrationStatus.WAITING),
                ),
            )
        )

    @admin.display(description=_("confirmed"), ordering="confirmed_count")
    def confirmed(self, obj):
        return obj.confirmed_count

    @admin.display(description=_("waiting"), ordering="waiting_count")
    def waiting(self, obj):
        return obj.waiting_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        promoted = services.refill(form.instance.event_id)
        if promoted:
            self.message_user(
                request,
                ngettext(
                    "%(count)d person moved up from the waiting list and was told by mail.",
                    "%(count)d people moved up from the waiting list and were told by mail.",
                    len(promoted),
                )
                % {"count": len(promoted)},
                messages.SUCCESS,
            )


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ["question", "text"]
    readonly_fields = ["question", "text"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class MessageForm(forms.Form):
    subject_ja = forms.CharField(label=_("Subject (Japanese)"), max_length=200)
    body_ja = forms.CharField(label=_("Message (Japanese)"), widget=forms.Textarea)
    subject_en = forms.CharField(
        label=_("Subject (English)"),
        max_length=200,
        required=False,
        help_text=_(
            "Registrants who registered in English get the English text; without it, the Japanese."
        ),
    )
    body_en = forms.CharField(label=_("Message (English)"), widget=forms.Textarea, required=False)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("subject_en")) != bool(cleaned.get("body_en")):
            raise forms.ValidationError(_("Give both the English subject and message, or neither."))
        return cleaned

    def texts(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        texts = {"ja": (data["subject_ja"], data["body_ja"])}
        if data.get("subject_en"):
            texts["en"] = (data["subject_en"], data["body_en"])
        return texts


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "email",
        "organisation",
        "event",
        "attendance",
        "status",
        "attended",
        "created_at",
    ]
    list_editable = ["attended"]
    list_filter = ["status", "attendance", "attended", ("event", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["event"]
    search_fields = ["name", "email", "organisation", "event__title_ja", "event__title_en"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "event",
        "status",
        "user",
        "language",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "manage_link",
    ]
    fields = [
        "event",
        "name",
        "email",
        "organisation",
        "attendance",
        "status",
        "attended",
        "user",
        "language",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "manage_link",
    ]
    inlines = [AnswerInline]
    actions = ["export_csv", "mark_attended", "mark_absent", "email_registrants", "cancel"]

    def has_add_permission(self, request):
        # Registrations come through the public form (seats, waiting list and mails).
        return False

    @admin.display(description=_("registrant’s page"))
    def manage_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Open"))

    @admin.action(description=_("Export the selected registrations as CSV (Excel)"))
    def export_csv(self, request, queryset):
        registrations = list(
            queryset.select_related("event")
            .prefetch_related("answers__question")
            .order_by("event__starts_at", "event", "created_at", "pk")
        )
        questions = []
        for registration in registrations:
            for answer in registration.answers.all():
                if answer.question not in questions:
                    questions.append(answer.question)
        questions.sort(key=lambda q: (q.settings_id, q.position, q.pk))
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="registrations.csv"'
        # Excel in Japan reads a CSV as Shift_JIS unless it starts with a byte-order mark.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(
            [
                _("event"),
                pgettext("person", "name"),
                _("email"),
                _("organisation"),
                _("attendance"),
                _("status"),
                _("attended"),
                _("registered at (Japan time)"),
                _("language"),
                *[question.label for question in questions],
            ]
        )
        for registration in registrations:
            answers = {answer.question_id: answer.text for answer in registration.answers.all()}
            writer.writerow(
                [
                    registration.event.title,
                    registration.name,
                    registration.email,
                    registration.organisation,
                    registration.get_attendance_display(),
                    registration.get_status_display(),
                    _("yes") if registration.attended else _("no"),
                    registration.created_at.astimezone(JAPAN).strftime("%Y-%m-%d %H:%M"),
                    registration.language,
                    *[answers.get(question.pk, "") for question in questions],
                ]
            )
        return response

    @admin.action(description=_("Mark as attended"), permissions=["change"])
    def mark_attended(self, request, queryset):
        count = queryset.update(attended=True)
        self.message_user(request, _("%(count)d marked as attended.") % {"count": count})

    @admin.action(description=_("Mark as not attended"), permissions=["change"])
    def mark_absent(self, request, queryset):
        count = queryset.update(attended=False)
        self.message_user(request, _("%(count)d marked as not attended.") % {"count": count})

    @admin.action(description=_("Cancel the selected registrations"), permissions=["change"])
    def cancel(self, request, queryset):
        promoted = 0
        active = queryset.exclude(status=RegistrationStatus.CANCELLED)
        count = 0
        for registration in active:
            promoted += len(services.cancel(registration, by_staff=True))
            count += 1
        self.message_user(
            request,
            _("%(count)d cancelled; %(promoted)d moved up from the waiting list.")
            % {"count": count, "promoted": promoted},
        )

    @admin.action(description=_("Email the selected registrants"), permissions=["change"])
    def email_registrants(self, request, queryset):
        recipients = queryset.exclude(status=RegistrationStatus.CANCELLED).select_related(
            "event__venue", "event__registration_settings"
        )
        form = MessageForm(request.POST if "send" in request.POST else None)
        if form.is_bound and form.is_valid():
            texts = form.texts()
            sent = 0
            for registration in recipients:
                emails.send_staff_message(registration, texts)
                sent += 1
            self.message_user(
                request,
                ngettext("%(count)d message sent.", "%(count)d messages sent.", sent)
                % {"count": sent},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Email registrants"),
            "opts": self.model._meta,
            "form": form,
            "recipients": recipients,
            "queryset": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "now": timezone.now(),
        }
        return TemplateResponse(
            request, "admin/registrations/registration/email_registrants.html", context
        )
