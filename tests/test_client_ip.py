"""The client address behind 0 or N trusted proxies (DJANGO_TRUSTED_PROXY_COUNT)."""

import pytest
from django.contrib.auth import get_user_model

from linkj.client_ip import client_ip

PROXY = "10.0.0.2"


def request_from(rf, remote_addr, forwarded=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **extra)


def test_without_proxies_the_forwarded_header_is_ignored(rf, settings):
    settings.LINKJ_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from(rf, "198.51.100.4", "203.0.113.9")) == "198.51.100.4"


def test_behind_one_proxy_the_client_is_the_address_it_appended(rf, settings):
    settings.LINKJ_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(rf, PROXY, "198.51.100.4")) == "198.51.100.4"


def test_behind_one_proxy_addresses_the_client_sent_itself_are_ignored(rf, settings):
    settings.LINKJ_TRUSTED_PROXY_COUNT = 1
    spoofed = "203.0.113.9, 192.0.2.1, 198.51.100.4"
    assert client_ip(request_from(rf, PROXY, spoofed)) == "198.51.100.4"


def test_behind_two_proxies_the_client_is_second_from_the_right(rf, settings):
    settings.LINKJ_TRUSTED_PROXY_COUNT = 2
    chain = "203.0.113.9, 2001:db8::7, 10.0.0.1"
    assert client_ip(request_from(rf, PROXY, chain)) == "2001:db8::7"


@pytest.mark.parametrize("forwarded", [None, "", "not-an-address", "198.51.100.4, <script>"])
def test_a_missing_or_malformed_forwarded_header_falls_back_to_the_peer(rf, settings, forwarded):
    settings.LINKJ_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(rf, PROXY, forwarded)) == PROXY


def test_a_chain_shorter_than_the_trusted_proxies_falls_back_to_the_peer(rf, settings):
    settings.LINKJ_TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from(rf, PROXY, "198.51.100.4")) == PROXY


@pytest.mark.django_db
class TestLockoutsBehindAProxy:
    """Every request reaches the app from the proxy's address; lockouts follow the client."""

    @pytest.fixture(autouse=True)
    def one_proxy(self, settings):
        settings.LINKJ_TRUSTED_PROXY_COUNT = 1
        get_user_model().objects.create_user("editor", password="right-password", is_staff=True)

    def login(self, client, forwarded, password):
        return client.post(
            "/admin/login/?next=/admin/",
            {"username": "editor", "password": password},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    def test_an_attacker_locks_out_only_their_own_address(self, client):
        for _ in range(5):
            self.login(client, "203.0.113.66", "guess")
        assert self.login(client, "203.0.113.66", "right-password").status_code == 429
        assert self.login(client, "198.51.100.4", "right-password").status_code == 302

    def test_an_attacker_cannot_lock_out_an_address_by_claiming_it(self, client):
        # The proxy appends the attacker's real address after whatever they sent.
        for _ in range(5):
            self.login(client, "198.51.100.4, 203.0.113.66", "guess")
        assert self.login(client, "198.51.100.4", "right-password").status_code == 302
