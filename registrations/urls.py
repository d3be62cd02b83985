from django.urls import path

from . import views

app_name = "registrations"
urlpatterns = [
    path("r/<str:token>/", views.registration_detail, name="registration_detail"),
    path("<slug:slug>/", views.register, name="register"),
]
