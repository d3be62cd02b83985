from django.urls import path

from . import views

app_name = "partners"
urlpatterns = [
    path("", views.PartnerListView.as_view(), name="partner_list"),
    path("history/", views.HistoryView.as_view(), name="history"),
    path("<slug:slug>/", views.PartnerDetailView.as_view(), name="partner_detail"),
]
