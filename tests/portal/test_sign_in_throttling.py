"""Sign-in lock-out behind the README's proxy: a (user name, client address) pair is locked, never a user
name for everyone; one address trying many names is stopped; the same Norwegian page either way."""

import re

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from kommuneportal.clients import client_address
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "et-langt-passord-123"
PROXY = "127.0.0.1"  # nginx on the same host, as in the README
ATTACKER, USER = "203.0.113.66", "198.51.100.7"


def sign_in(username, password, forwarded=None, peer=PROXY, url=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return Client().post(url or reverse("login"), {"username": username, "password": password}, **extra)


def locked_text(response):
    html = response.content.decode()
    return re.search(r"<h1.*?</h1>\s*<p.*?</p>", html, re.S).group(0)


def test_an_attacker_behind_another_address_cannot_lock_a_user_out_through_the_proxy(settings):
    make_user("kari", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT + 3):
        sign_in("kari", "gjetning", forwarded=ATTACKER)
    assert sign_in("kari", PASSWORD, forwarded=ATTACKER).status_code == 429
    assert sign_in("kari", PASSWORD, forwarded=USER).status_code == 302


def test_an_attacker_connecting_directly_cannot_lock_a_user_out_either(settings):
    make_user("kari", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("kari", "gjetning", peer=ATTACKER)
    assert sign_in("kari", PASSWORD, peer=ATTACKER).status_code == 429
    assert sign_in("kari", PASSWORD, peer=USER).status_code == 302


def test_forwarded_for_from_a_peer_that_is_no_trusted_proxy_is_ignored(settings):
    make_user("kari", password=PASSWORD)
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in("kari", "gjetning", peer=ATTACKER, forwarded=f"192.0.2.{number}")
    assert sign_in("kari", PASSWORD, peer=ATTACKER, forwarded="192.0.2.200").status_code == 429


def test_entries_a_client_puts_before_the_proxys_own_change_nothing(settings):
    make_user("kari", password=PASSWORD)
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in("kari", "gjetning", forwarded=f"192.0.2.{number}, {ATTACKER}")
    assert sign_in("kari", PASSWORD, forwarded=f"{USER}, {ATTACKER}").status_code == 429
    assert sign_in("kari", PASSWORD, forwarded=USER).status_code == 302


def test_spraying_many_user_names_from_one_address_is_stopped(settings):
    make_user("kari", password=PASSWORD)
    for number in range(settings.SIGN_IN_ADDRESS_FAILURE_LIMIT - 1):
        assert sign_in(f"bruker{number}", "sommer2022", forwarded=ATTACKER).status_code == 200
    last = sign_in("bruker-siste", "sommer2022", forwarded=ATTACKER)
    assert last.status_code == 429 and last["Retry-After"] == "3600"
    # Locked for every name from that address, the right password included; other addresses are not.
    assert sign_in("kari", PASSWORD, forwarded=ATTACKER).status_code == 429
    assert sign_in("kari", PASSWORD, forwarded=USER).status_code == 302


def test_a_locked_pair_and_a_locked_address_show_the_same_norwegian_page(settings):
    make_user("kari", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("kari", "gjetning", forwarded=ATTACKER)
    pair = sign_in("kari", "gjetning", forwarded=ATTACKER)
    for number in range(settings.SIGN_IN_ADDRESS_FAILURE_LIMIT):
        sign_in(f"bruker{number}", "gjetning", forwarded="203.0.113.99")
    address = sign_in("ola", "gjetning", forwarded="203.0.113.99")
    assert pair.status_code == address.status_code == 429
    assert locked_text(pair) == locked_text(address)
    assert "Innloggingen er midlertidig sperret" in locked_text(pair)
    assert "kari" not in pair.content.decode() and "ola" not in address.content.decode()


def test_the_admin_sign_in_locks_the_pair_and_the_address_the_same_way(settings):
    staff = make_user("redaksjonen", password=PASSWORD, is_staff=True, is_superuser=True)
    admin_login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(staff.username, "gjetning", forwarded=ATTACKER, url=admin_login)
    locked = sign_in(staff.username, PASSWORD, forwarded=ATTACKER, url=admin_login)
    assert locked.status_code == 429 and "Innloggingen er midlertidig sperret" in locked.content.decode()
    assert sign_in(staff.username, PASSWORD, forwarded=USER, url=admin_login).status_code == 302
    for number in range(settings.SIGN_IN_ADDRESS_FAILURE_LIMIT):
        sign_in(f"redaktor{number}", "gjetning", forwarded="203.0.113.99", url=admin_login)
    sprayed = sign_in(staff.username, "gjetning", forwarded="203.0.113.99", url=admin_login)
    assert sprayed.status_code == 429 and locked_text(sprayed) == locked_text(locked)


def test_failures_spread_over_addresses_lock_only_the_pairs_that_reached_the_limit(settings):
    make_user("kari", password=PASSWORD)
    for number in range(3 * settings.AXES_FAILURE_LIMIT):
        sign_in("kari", "gjetning", forwarded=f"203.0.113.{number}")
    assert sign_in("kari", PASSWORD, forwarded=USER).status_code == 302


# --- The client address itself -------------------------------------------------------------------

def address(peer, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=peer, **extra))


@pytest.mark.parametrize("peer, forwarded, expected", [
    ("203.0.113.5", None, "203.0.113.5"),
    ("203.0.113.5", "192.0.2.1", "203.0.113.5"),  # not a proxy: its header is the client's word
    ("127.0.0.1", None, "127.0.0.1"),
    ("127.0.0.1", "192.0.2.1", "192.0.2.1"),
    ("::1", "2001:db8::7", "2001:db8::7"),
    ("127.0.0.1", "10.9.9.9, 192.0.2.1", "192.0.2.1"),
    ("127.0.0.1", "192.0.2.1, 127.0.0.1", "192.0.2.1"),  # a second trusted hop is skipped
    ("127.0.0.1", "192.0.2.1, ikke-en-adresse", "127.0.0.1"),  # a proxy never writes garbage: nothing believed
    ("127.0.0.1", "ikke-en-adresse, 192.0.2.1", "192.0.2.1"),
    ("127.0.0.1", "", "127.0.0.1"),
    ("127.0.0.1", "::ffff:192.0.2.1", "192.0.2.1"),
    ("", "192.0.2.1", "192.0.2.1"),  # a Unix socket: only a proxy on this host can connect
    ("", None, "127.0.0.1"),
])
def test_the_client_address_believes_forwarded_for_only_from_a_trusted_proxy(peer, forwarded, expected):
    assert address(peer, forwarded) == expected


def test_trusted_proxies_may_be_networks_and_star_trusts_every_peer(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert address("10.1.2.3", "192.0.2.1") == "192.0.2.1"
    assert address("127.0.0.1", "192.0.2.1") == "127.0.0.1"
    settings.TRUSTED_PROXIES = ["*"]
    assert address("203.0.113.5", "192.0.2.1") == "192.0.2.1"


def test_gunicorn_reads_the_same_variable_with_the_same_default():
    import runpy

    config = runpy.run_path("kommuneportal/gunicorn.conf.py")
    from django.conf import settings

    assert config["forwarded_allow_ips"].split(",") == settings.TRUSTED_PROXIES
