from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from events.times import event_times
from linkj.forms import PublicFormMixin

from . import services
from .models import Booking, Lounge


class DayForm(PublicFormMixin, forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _lounge(slug: str) -> Lounge:
    return get_object_or_404(Lounge.objects.select_related("venue"), venue__slug=slug)


def _day(lounge: Lounge, data) -> tuple[DayForm, datetime.date]:
    form = DayForm(data or None)
    day = lounge.today()
    if form.is_bound and form.is_valid() and form.cleaned_data["date"]:
        day = form.cleaned_data["date"]
    return form, day


def _day_url(lounge: Lounge, day: datetime.date) -> str:
    return f"{lounge.get_absolute_url()}?{urlencode({'date': day.isoformat()})}"


class LoungeView(View):
    """One day of the lounge: each slot on the venue's clock and in Japan time, free or
    taken, with a button to book the free ones (members only)."""

    template_name = "bookings/lounge.html"

    def get(self, request, slug, status=200, error=None):
        lounge = _lounge(slug)
        form, day = _day(lounge, request.GET)
        slots = lounge.slots(day)
        taken = {}
        if slots:
            day_bookings = (
                Booking.objects.booked()
                .filter(lounge=lounge)
                .overlapping(slots[0].starts_at, slots[-1].ends_at)
            )
            taken = {booking.starts_at: booking for booking in day_bookings}
        now = timezone.now()
        rows = []
        for slot in slots:
            booking = taken.get(slot.starts_at)
            if slot.starts_at <= now:
                state = "past"
            elif booking is None:
                state = "free"
            elif booking.user_id == request.user.pk:
                state = "mine"
            else:
                state = "taken"
            rows.append({"slot": slot, "times": event_times(slot), "state": state})
        refusal = None
        if request.user.is_authenticated:
            try:
                services.may_book(lounge, request.user)
            except services.BookingRefused as refused:
                refusal = refused.message
        context = {
            "lounge": lounge,
            "venue": lounge.venue,
            "day": day,
            "day_form": form,
            "rows": rows,
            "previous_day": day - datetime.timedelta(days=1),
            "next_day": day + datetime.timedelta(days=1),
            "refusal": refusal,
            "error": error,
        }
        return render(request, self.template_name, context, status=status)

    def post(self, request, slug):
        lounge = _lounge(slug)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        starts_at = parse_datetime(request.POST.get("starts_at", ""))
        if starts_at is None or starts_at.tzinfo is None:
            return self.get(request, slug, status=400, error=_("Choose a slot to book."))
        try:
            booking = services.book(
                lounge=lounge,
                user=request.user,
                starts_at=starts_at,
                note=request.POST.get("note", "")[:200],
            )
        except services.BookingRefused as refused:
            return self.get(request, slug, status=409, error=refused.message)
        times = event_times(booking)
        messages.success(
            request,
            _("Booked: %(when)s (%(zone)s).")
            % {"when": times.venue.text, "zone": times.venue.label},
        )
        local_day = booking.starts_at.astimezone(lounge.venue.tzinfo).date()
        return redirect(_day_url(lounge, local_day))


@login_required
@require_POST
def cancel_booking(request, pk):
    booking = get_object_or_404(
        Booking.objects.select_related("lounge__venue"), pk=pk, user=request.user
    )
    try:
        services.cancel(booking)
    except services.BookingRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Your booking has been cancelled."))
    return redirect("members:my_page")


class ScheduleView(PermissionRequiredMixin, TemplateView):
    """Staff: the lounge's day or week, with who booked each slot."""

    permission_required = "bookings.view_booking"
    template_name = "bookings/schedule.html"

    def get_login_url(self):
        return reverse("admin:login")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lounge = _lounge(self.kwargs["slug"])
        form, day = _day(lounge, self.request.GET)
        span = "day" if self.request.GET.get("span") == "day" else "week"
        first = day if span == "day" else day - datetime.timedelta(days=day.weekday())
        length = 1 if span == "day" else 7
        days = [first + datetime.timedelta(days=n) for n in range(length)]
        tz = lounge.venue.tzinfo
        start = datetime.datetime.combine(first, datetime.time(0, 0), tzinfo=tz)
        end = datetime.datetime.combine(
            days[-1] + datetime.timedelta(days=1), datetime.time(0, 0), tzinfo=tz
        )
        bookings = (
            Booking.objects.booked()
            .filter(lounge=lounge)
            .overlapping(start, end)
            .select_related("user__person", "organisation")
            .order_by("starts_at")
        )
        by_day: dict[datetime.date, list] = {d: [] for d in days}
        for booking in bookings:
            booking.lounge = lounge
            local = booking.starts_at.astimezone(tz).date()
            by_day.setdefault(local, []).append({"booking": booking, "times": event_times(booking)})
        hours = list(lounge.opening_hours.all())
        context.update(
            lounge=lounge,
            venue=lounge.venue,
            span=span,
            day=day,
            day_form=form,
            days=[
                {
                    "date": d,
                    "bookings": by_day.get(d, []),
                    "slot_count": len(lounge.slots(d, hours)),
                }
                for d in days
            ],
            previous=first - datetime.timedelta(days=length),
            next=first + datetime.timedelta(days=length),
        )
        return context
