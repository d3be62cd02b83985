from django.urls import path

from linkj.cache import shared_response

from . import feeds, views

app_name = "news"
urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="release_list"),
    # The same for every reader: kept whole until the content changes.
    path("feed/", shared_response(feeds.LatestReleasesFeed()), name="release_feed"),
    path("atom/", shared_response(feeds.LatestReleasesAtomFeed()), name="release_atom"),
    path("<slug:slug>/", views.ReleaseDetailView.as_view(), name="release_detail"),
]
