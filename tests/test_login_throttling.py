import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_user():
    return get_user_model().objects.create_user("editor", password="right-password", is_staff=True)


def attempt(client, password, language="en"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
        REMOTE_ADDR="203.0.113.7",
    )


def test_a_right_password_logs_in(client, staff_user):
    assert attempt(client, "right-password").status_code == 302


def test_five_failures_lock_the_login_even_for_the_right_password(client, staff_user):
    for _ in range(4):
        response = attempt(client, "wrong")
        assert response.status_code == 200  # the login form again, with its message
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    assert attempt(client, "right-password").status_code == 429
    assert "Too many failed logins" in locked.content.decode()


def test_the_lockout_page_speaks_japanese(client, staff_user):
    for _ in range(5):
        response = attempt(client, "wrong", language="ja")
    assert response.status_code == 429
    assert "ログインの失敗が多すぎます" in response.content.decode()
