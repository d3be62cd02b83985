from django.urls import path

from linkj.cache import shared_response

from . import views

app_name = "events"
urlpatterns = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("past/", views.PastEventListView.as_view(), name="past_event_list"),
    path("calendar/", views.calendar_today, name="calendar"),
    path(
        "calendar/<int:year>/<int:month>/",
        views.CalendarMonthView.as_view(),
        name="calendar_month",
    ),
    # Calendars are the same for every subscriber: kept whole until the content changes.
    path("calendar.ics", shared_response(views.calendar_feed), name="calendar_feed"),
    path("venues/", views.VenueListView.as_view(), name="venue_list"),
    path("venues/<slug:slug>/", views.VenueDetailView.as_view(), name="venue_detail"),
    path("venues/<slug:slug>/calendar.ics", shared_response(views.venue_feed), name="venue_feed"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="event_ics"),
]
