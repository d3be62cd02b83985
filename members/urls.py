from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="organisation_list"),
    path("me/", views.MyPageView.as_view(), name="my_page"),
]
