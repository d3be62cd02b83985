"""The admin's event form: dates and times typed as the venue's wall clock.

Editors think in the venue's local time (a New York seminar at 19:00 New York time), so the
form offers naive date and time inputs and interprets them in the venue's zone. A time that
the clocks skip or repeat on a daylight-saving day is refused with a message; whatever the
editor typed stays in the form.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from linkj.admin import with_time_zone

from .models import Event, TimePrecision
from .times import clock_label
from .timezones import make_aware_strict, whole_days, whole_months

# Native date and time inputs rather than the admin's calendar widgets: those add "Now" and
# "Today" buttons and a warning about the browser's offset from the server, both of which
# refer to the editor's clock, not the venue's.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class EventAdminForm(forms.ModelForm):
    start_date = forms.DateField(label=_("start date"), widget=DATE_INPUT)
    start_time = forms.TimeField(
        label=_("start time"),
        widget=TIME_INPUT,
        required=False,
        help_text=_("Local time at the venue. Leave empty when the time is not given."),
    )
    end_date = forms.DateField(
        label=_("end date"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("Leave empty when the event ends on the day it starts."),
    )
    end_time = forms.TimeField(
        label=_("end time"),
        widget=TIME_INPUT,
        required=False,
        help_text=_("Local time at the venue."),
    )

    class Meta:
        model = Event
        # starts_at and ends_at are set in clean() from the venue-time inputs.
        fields = [
            "title",
            "title_is_tentative",
            "title_is_descriptive",
            "slug",
            "summary",
            "body",
            "venue",
            "time_precision",
            "status",
            "format",
            "online_info",
            "language",
            "category",
            "related_releases",
            "registration_url",
            "archive_video_url",
            "organiser_role",
            "organiser_note",
            "partners",
            "publication",
            "publish_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self._label_time_zones()
        if instance.pk and instance.starts_at and not self.is_bound:
            tz = instance.venue.tzinfo
            start = instance.starts_at.astimezone(tz)
            end = instance.ends_at.astimezone(tz)
            exact = instance.has_exact_time
            last_day = instance.local_end_date if not exact else end.date()
            self.initial.update(
                start_date=start.date(),
                start_time=start.time() if exact else None,
                end_date=last_day if last_day != start.date() else None,
                end_time=end.time() if exact else None,
            )

    def _label_time_zones(self) -> None:
        """Each time input says which clock it is read on: the venue's, by name and zone once
        the event has a venue; every venue in the menu shows its zone."""
        venue = self.instance.venue if self.instance.venue_id else None
        zone = f"{clock_label(venue)} {venue.time_zone}" if venue else _("the venue's local time")
        for name in ("start_date", "start_time", "end_date", "end_time"):
            self.fields[name].label = with_time_zone(self.fields[name].label, zone)
        if "venue" in self.fields:
            self.fields["venue"].label_from_instance = lambda venue: str(
                with_time_zone(venue, venue.time_zone)
            )

    def clean(self):
        cleaned = super().clean()
        venue = cleaned.get("venue")
        start_date, start_time = cleaned.get("start_date"), cleaned.get("start_time")
        end_time = cleaned.get("end_time")
        end_date = cleaned.get("end_date") or start_date
        precision = cleaned.get("time_precision") or TimePrecision.TIME
        if venue is None or not (start_date and end_date):
            return cleaned
        if precision != TimePrecision.TIME:
            return self._clean_without_hours(cleaned, venue, precision, start_date, end_date)
        for name, value in (("start_time", start_time), ("end_time", end_time)):
            if value is None:
                self.add_error(
                    name,
                    _("Enter the time, or choose “Date only” when the time is not given."),
                )
        if not (start_time and end_time):
            return cleaned
        starts_at = ends_at = None
        try:
            starts_at = make_aware_strict(
                datetime.datetime.combine(start_date, start_time), venue.time_zone
            )
        except ValidationError as error:
            self.add_error("start_time", error)
        try:
            ends_at = make_aware_strict(
                datetime.datetime.combine(end_date, end_time), venue.time_zone
            )
        except ValidationError as error:
            self.add_error("end_time", error)
        if starts_at and ends_at:
            if ends_at <= starts_at:
                self.add_error("end_time", _("The event must end after it starts."))
            else:
                self.instance.starts_at = starts_at
                self.instance.ends_at = ends_at
        return cleaned

    def _clean_without_hours(self, cleaned, venue, precision, start_date, end_date):
        """Date-only and month-only events span whole days (or months) at the venue, so
        they list, sort and export like any other event without inventing hours."""
        if end_date < start_date:
            self.add_error("end_date", _("The event must end after it starts."))
            return cleaned
        spread = whole_days if precision == TimePrecision.DAY else whole_months
        try:
            self.instance.starts_at, self.instance.ends_at = spread(
                start_date, end_date, venue.time_zone
            )
        except ValidationError as error:
            self.add_error("start_date", error)
        return cleaned
