from django.urls import path

from . import views

app_name = "bookings"
urlpatterns = [
    path("bookings/<int:pk>/cancel/", views.cancel_booking, name="cancel_booking"),
    path("<slug:slug>/", views.LoungeView.as_view(), name="lounge"),
    path("<slug:slug>/schedule/", views.ScheduleView.as_view(), name="schedule"),
]
