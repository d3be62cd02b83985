from django.urls import path

from . import feeds, views

app_name = "news"
urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="release_list"),
    path("feed/", feeds.LatestReleasesFeed(), name="release_feed"),
    path("atom/", feeds.LatestReleasesAtomFeed(), name="release_atom"),
    path("<slug:slug>/", views.ReleaseDetailView.as_view(), name="release_detail"),
]
