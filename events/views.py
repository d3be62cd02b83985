import calendar
import datetime

import holidays
from django.db.models import Max, Min
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from linkj import extensions
from linkj.cache import remember
from linkj.links import absolute_url
from linkj.preview import mark_preview, wants_preview
from linkj.publishing import can_preview
from linkj.views import FilteredListView, SharedDetailPageMixin

from . import ics
from .filters import EventFilter
from .models import Event, Venue
from .timezones import JAPAN

VENUE_PAGE_EVENTS = 10
FEED_PAST_DAYS = 365


class FilteredEventListView(FilteredListView):
    filterset_class = EventFilter
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20
    is_past = False

    def get_queryset(self):
        events = Event.objects.past() if self.is_past else Event.objects.upcoming()
        return events.for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_past"] = self.is_past
        context["today"] = timezone.now().astimezone(JAPAN).date()
        return context


class EventListView(FilteredEventListView):
    is_past = False


class PastEventListView(FilteredEventListView):
    is_past = True


def _get_event(request, slug):
    """A published event for everyone; a draft or scheduled one for editors only."""
    events = Event.objects.select_related("venue", "category", "image")
    published = events.live().filter(slug=slug).first()
    if published is not None:
        return published, False
    if can_preview(request.user, Event):
        return get_object_or_404(events, slug=slug), True
    raise Http404


class EventDetailView(SharedDetailPageMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"
    is_preview = False

    def shares_with(self, request) -> bool:
        """Nor where the page holds a registration panel, which shows each visitor their own
        state and form (known once per content change, not asked on every view)."""
        slug = self.kwargs["slug"]
        return super().shares_with(request) and not remember(
            f"event-page-is-personal:{slug}",
            lambda: any(is_personal(slug) for is_personal in extensions.personal_event_page),
        )

    def get_object(self, queryset=None):
        event, self.is_preview = _get_event(self.request, self.kwargs["slug"])
        return event

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        context["is_preview"] = self.is_preview
        context["speakers"] = list(event.speakers.all())
        context["partners"] = list(event.partners.live())
        context["releases"] = list(event.related_releases.live().newest_first())
        context["has_ended"] = event.has_ended()
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            response["X-Robots-Tag"] = "noindex"
        if wants_preview(self.request) and can_preview(self.request.user, Event):
            mark_preview(response)
        return response


class VenueListView(ListView):
    template_name = "events/venue_list.html"
    context_object_name = "venues"

    def get_queryset(self):
        return Venue.objects.all()


class VenueDetailView(DetailView):
    template_name = "events/venue_detail.html"
    context_object_name = "venue"
    slug_url_kwarg = "slug"

    def get_queryset(self):
        return Venue.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        at_venue = Event.objects.filter(venue=self.object).select_related("category")
        upcoming = list(at_venue.upcoming()[:VENUE_PAGE_EVENTS])
        past = list(at_venue.past()[:VENUE_PAGE_EVENTS])
        # The venue is already known: attach it instead of joining it again for every row.
        for event in [*upcoming, *past]:
            event.venue = self.object
        context["upcoming_events"] = upcoming
        context["past_events"] = past
        return context


def calendar_today(request):
    today = timezone.now().astimezone(JAPAN).date()
    return redirect("events:calendar_month", year=today.year, month=today.month)


# The month calendar covers the events with a year's margin on each side (and today): every
# month in that range is a page, every month outside it a 404, so crawlers and visitors never
# page through centuries of empty months.
CALENDAR_MARGIN_MONTHS = 12
# Python counts Monday as 0. Japanese calendars colour Saturday blue, Sunday and holidays red.
WEEKEND = {calendar.SATURDAY: "saturday", calendar.SUNDAY: "sunday"}


def _add_months(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def calendar_range(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last month the calendar shows (first days of months)."""
    bounds = Event.objects.live().aggregate(
        first=Min("local_start_date"), last=Max("local_end_date")
    )
    this_month = today.replace(day=1)
    first = min(filter(None, [bounds["first"], today])).replace(day=1)
    last = max(filter(None, [bounds["last"], today])).replace(day=1)
    return (
        min(_add_months(first, -CALENDAR_MARGIN_MONTHS), this_month),
        max(_add_months(last, CALENDAR_MARGIN_MONTHS), this_month),
    )


def japanese_holidays(year: int) -> dict[datetime.date, str]:
    """Japan's public holidays in `year`, named in the page's language (the holidays package
    computes them, equinoxes and substitute holidays included; no network)."""
    language = "ja" if (get_language() or "ja").startswith("ja") else "en_US"
    return dict(holidays.country_holidays("JP", years=year, language=language).items())


class CalendarMonthView(TemplateView):
    """A month as a table, server-rendered. Events sit on their date at the venue.

    Weekends and Japan's public holidays are marked. A month with no event is a page for
    visitors but not for search engines (noindex)."""

    template_name = "events/calendar_month.html"
    first_weekday = calendar.SUNDAY

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, month = self.kwargs["year"], self.kwargs["month"]
        if not (1 <= month <= 12 and 1 <= year <= 9999):
            raise Http404
        today = timezone.now().astimezone(JAPAN).date()
        first_month, last_month = calendar_range(today)
        this_month = datetime.date(year, month, 1)
        if not first_month <= this_month <= last_month:
            raise Http404("Outside the calendar's range.")
        weeks = calendar.Calendar(self.first_weekday).monthdatescalendar(year, month)
        first, last = weeks[0][0], weeks[-1][-1]
        events = (
            Event.objects.live()
            .for_listing()
            .overlapping_local_dates(first, last)
            .order_by("starts_at", "pk")
        )
        by_day: dict[datetime.date, list[Event]] = {}
        undated = []
        for event in events:
            if not event.has_exact_day:
                # Known only to the month: listed under the month, never on a guessed day.
                if event.local_start_date <= this_month <= event.local_end_date:
                    undated.append(event)
                continue
            day = max(event.local_start_date, first)
            while day <= min(event.local_end_date, last):
                by_day.setdefault(day, []).append(event)
                day += datetime.timedelta(days=1)
        holiday_names = japanese_holidays(year)
        context["month"] = this_month
        context["weekdays"] = weeks[0]
        context["weeks"] = [
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "is_today": day == today,
                    "weekend": WEEKEND.get(day.weekday(), ""),
                    "holiday": holiday_names.get(day, ""),
                    "events": by_day.get(day, []) if day.month == month else [],
                }
                for day in week
            ]
            for week in weeks
        ]
        previous_month, next_month = _add_months(this_month, -1), _add_months(this_month, 1)
        context["previous_month"] = previous_month if previous_month >= first_month else None
        context["next_month"] = next_month if next_month <= last_month else None
        context["undated_events"] = undated
        context["event_count"] = len(undated) + len(
            {event.pk for week in context["weeks"] for cell in week for event in cell["events"]}
        )
        return context


def _ics_response(body: bytes, filename: str, max_age: int = 900) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, max_age=max_age)
    return response


def event_ics(request, slug):
    event, is_preview = _get_event(request, slug)
    if not event.has_exact_day:
        raise Http404("Only the month of this event is known.")
    body = ics.build_calendar([event], build_url=absolute_url, name=_("LINK-J events"))
    response = _ics_response(body, f"{event.slug}.ics")
    if is_preview:
        add_never_cache_headers(response)
    return response


def _feed_events():
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    return Event.objects.live().for_listing().filter(ends_at__gte=since).order_by("starts_at")


def calendar_feed(request):
    body = ics.build_calendar(_feed_events(), build_url=absolute_url, name=_("LINK-J events"))
    return _ics_response(body, "link-j-events.ics")


def venue_feed(request, slug):
    venue = get_object_or_404(Venue, slug=slug)
    body = ics.build_calendar(
        _feed_events().filter(venue=venue),
        build_url=absolute_url,
        name=_("LINK-J events: %(venue)s") % {"venue": venue.name},
    )
    return _ics_response(body, f"link-j-{venue.slug}.ics")
