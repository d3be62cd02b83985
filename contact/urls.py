from django.urls import path

from . import views

app_name = "contact"
urlpatterns = [
    path("", views.EnquiryView.as_view(), name="enquiry"),
    path("thanks/", views.ThanksView.as_view(), name="thanks"),
]
