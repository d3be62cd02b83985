import pytest

from tests.news.factories import QuoteFactory, ReleaseFactory, ReleasePhotoFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ja", "en"])
def test_news_pages_render_in_both_languages(client, language):
    release = ReleaseFactory(show_history_table=True)
    ReleasePhotoFactory(release=release)
    QuoteFactory(release=release)
    for url in [
        f"/{language}/news/",
        f"/{language}/news/{release.slug}/",
        f"/{language}/news/feed/",
        f"/{language}/news/atom/",
        f"/{language}/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
