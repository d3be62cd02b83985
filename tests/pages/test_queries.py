import pytest

from pages.models import Navigation
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("path", ["/ja/about/", "/en/about/page-0/"])
def test_page_views_cost_a_few_queries_however_many_pages_exist(
    client, django_assert_max_num_queries, count, path
):
    PageFactory.reset_sequence(0)
    for index in range(count):
        PageFactory(navigation=[Navigation.HEADER, Navigation.FOOTER][index % 2])
    with django_assert_max_num_queries(6):
        response = client.get(path)
    assert response.status_code == 200
