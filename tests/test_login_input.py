"""Anonymous input to the admin login never gives a 500, and lockouts still count.

On PostgreSQL a user name longer than django-axes' 255-character column, or one holding NUL,
used to fail the failed-login INSERT; SQLite stores anything, so the tests also check what is
stored, not only the status code.
"""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

from linkj.admin_site import axes_username
from linkj.middleware import CONTROL_CHARACTERS

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/?next=/admin/"

AWKWARD_USERNAMES = [
    "a" * 151,
    "a" * 256,
    "a" * 5000,
    "ﬀ" * 150,  # 150 characters that NFKC normalisation turns into 300
    "\ufdfa" * 20,  # one character that normalises to eighteen
    "editor\x00",
    "\x00",
    "a\x01b",
    "\x1b[31mred",
    "editor\r\n",
    "tab\there",
    "\x7f",
    "名前" * 200,
    "😀" * 100,
    "'; DROP TABLE axes_accessattempt; --",
    "%00",
    "\ufeff\u202eeditor",
    " ",
    "",
]
AWKWARD_PASSWORDS = ["", "x", "x" * 10_000, "\x00", "p\x01w", "😀" * 50]
# Bodies no browser sends: bytes that are not UTF-8, and UTF-8-encoded lone surrogates.
RAW_BODIES = [
    b"username=a%ED%A0%80b&password=x",
    b"username=%FF%FE%00&password=x",
    b"username=a%C0%80&password=x",
    b"username=" + b"%F4%90%80%80" * 100 + b"&password=x",
    b"username=editor&password=%ED%BF%BF",
]


@pytest.fixture
def staff_user():
    return get_user_model().objects.create_user("editor", password="right-password", is_staff=True)


def login(client, username, password="wrong", address="203.0.113.7"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_no_awkward_username_or_password_gives_a_server_error(client, staff_user):
    client.raise_request_exception = False
    for username in AWKWARD_USERNAMES:
        for password in AWKWARD_PASSWORDS:
            response = login(client, username, password)
            assert response.status_code < 500, (username[:20], password[:20])
    for body in RAW_BODIES:
        response = client.generic(
            "POST",
            LOGIN_URL,
            body,
            content_type="application/x-www-form-urlencoded",
            REMOTE_ADDR="203.0.113.7",
        )
        assert response.status_code < 500, body[:40]
    assert all(
        len(name) <= 255 and "\x00" not in name
        for name in AccessAttempt.objects.values_list("username", flat=True)
    )


@pytest.mark.parametrize("username", ["a" * 256, "a" * 5000, "ﬀ" * 150])
def test_a_username_longer_than_any_account_is_refused_before_anything_is_stored(client, username):
    response = login(client, username)
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert not AccessAttempt.objects.exists()


@pytest.mark.parametrize("username", ["editor\x00", "a\x01b", "\x1b[31mred"])
def test_control_characters_in_a_username_are_dropped_and_the_login_simply_fails(client, username):
    response = login(client, username)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    stored = AccessAttempt.objects.values_list("username", flat=True)
    assert all(not CONTROL_CHARACTERS.search(name) for name in stored)


@pytest.mark.parametrize("username", ["editor", "名前のある編集者", "a" * 150])
def test_five_failures_still_lock_out_an_ordinary_username(client, username):
    get_user_model().objects.create_user(username, password="right-password", is_staff=True)
    for _ in range(4):
        assert login(client, username).status_code == 200
    assert login(client, username).status_code == 429
    assert login(client, username, password="right-password").status_code == 429


def test_axes_stores_any_username_in_its_column_the_same_way_each_time(rf):
    request = rf.post("/admin/login/")
    name = "x\x00y\x01" + "z" * 5000
    stored = axes_username(request, {"username": name})
    assert stored == axes_username(request, {"username": name})
    assert len(stored) == 255
    assert stored.startswith("x\ufffdy\ufffdzzz")
    assert axes_username(request, {"username": "a\ud800b"}) == "a?b"
    assert axes_username(rf.post("/", {"username": "editor"}), None) == "editor"
    assert axes_username(request, None) is None
