"""Bad filter values in every admin change list give a clean page or a 400, never a 500."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NUL_PARAMS = [
    "format__exact=%00",
    "partner__country__exact=%00",
    "country__exact=%00",
    "status__exact=%00",
    "q=%00",
    "o=%00",
    "p=1%00",
]
CHANGELISTS = [
    (
        model,
        model_admin,
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"),
    )
    for model, model_admin in admin.site._registry.items()
]
IDS = [url for _model, _admin, url in CHANGELISTS]
WITH_DATES = [changelist for changelist in CHANGELISTS if changelist[1].date_hierarchy]
DATE_IDS = [url for _model, _admin, url in WITH_DATES]


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.raise_request_exception = False
    return client


def test_the_models_the_issue_names_are_among_the_change_lists():
    assert {
        "/admin/events/event/",
        "/admin/partners/agreement/",
        "/admin/axes/accessattempt/",
    } <= set(IDS)


@pytest.mark.parametrize(("model", "model_admin", "url"), CHANGELISTS, ids=IDS)
def test_nul_in_a_change_list_filter_is_a_bad_request(superuser_client, model, model_admin, url):
    for params in NUL_PARAMS:
        response = superuser_client.get(f"{url}?{params}")
        assert response.status_code == 400, params
        assert b"\x00" not in response.content


@pytest.mark.parametrize(("model", "model_admin", "url"), WITH_DATES, ids=DATE_IDS)
def test_an_out_of_range_date_hierarchy_is_an_invalid_lookup(
    superuser_client, model, model_admin, url
):
    field = model_admin.date_hierarchy
    for params in [
        f"{field}__year=18446744073709551616",
        f"{field}__year=9999",
        f"{field}__year=9999&{field}__month=12&{field}__day=31",
        f"{field}__year=1",
        f"{field}__year=0",
        f"{field}__year=-5",
        f"{field}__year=2020&{field}__month=13",
        f"{field}__year=2020&{field}__month=2&{field}__day=30",
        f"{field}__year={'9' * 3000}",
    ]:
        response = superuser_client.get(f"{url}?{params}")
        assert response.status_code == 302, params
        assert response["Location"] == f"{url}?e=1"
    assert superuser_client.get(f"{url}?e=1").status_code == 200


@pytest.mark.parametrize(("model", "model_admin", "url"), WITH_DATES, ids=DATE_IDS)
def test_a_date_hierarchy_inside_the_range_still_filters(superuser_client, model, model_admin, url):
    field = model_admin.date_hierarchy
    for params in [f"{field}__year=2", f"{field}__year=9998&{field}__month=12&{field}__day=31"]:
        assert superuser_client.get(f"{url}?{params}").status_code == 200, params


@pytest.mark.parametrize(
    ("model_name", "field_name"),
    [
        ("events.event", "partners"),
        ("events.event", "related_releases"),
        ("news.release", "partners"),
        ("news.release", "agreements"),
        ("partners.agreement", "partner"),
    ],
)
def test_admin_autocomplete_with_nul_is_a_bad_request(superuser_client, model_name, field_name):
    app_label, model = model_name.split(".")
    base = f"/admin/autocomplete/?app_label={app_label}&model_name={model}&field_name={field_name}"
    assert superuser_client.get(f"{base}&term=%00").status_code == 400
    assert superuser_client.get(f"{base}&term=a%00b").status_code == 400
    assert superuser_client.get(f"{base}&term=yokohama").status_code == 200
