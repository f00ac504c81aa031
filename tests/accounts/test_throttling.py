"""The sign-in throttle per address: many user names tried from one place lock that place.

The per-name lock (tests/accounts/test_sign_up.py) stops guessing one teacher's password; it
never stopped trying one password on many accounts ("credential stuffing") from one address.
"""

import pytest
from django.test import Client, override_settings

from accounts import throttling
from tests import factories

pytestmark = pytest.mark.django_db
LIMIT = throttling.MAX_FAILURES_PER_ADDRESS
PASSWORD = "pw-kollega-1"  # the factories' password


def attempt(client, username, password="wrong", **extra):
    return client.post("/en/account/sign-in/", {"username": username, "password": password}, **extra)


def locked_out(response):
    return "Too many failed attempts" in response.content.decode()


def spray(client, count=LIMIT, **extra):
    """One wrong password for each of `count` different user names; the last answer."""
    for n in range(count):
        response = attempt(client, f"teacher{n}@example.org", **extra)
    return response


def test_failures_for_many_names_from_one_address_lock_that_address():
    teacher = factories.person()
    here = Client(REMOTE_ADDR="203.0.113.7")
    assert LIMIT == 20
    assert not locked_out(spray(here, LIMIT - 1))
    assert locked_out(attempt(here, "one-more@example.org"))  # the 20th failure locks
    response = attempt(here, teacher.user.username, PASSWORD)
    assert response.status_code == 200 and locked_out(response)
    assert "from your network" in response.content.decode()
    assert "_auth_user_id" not in here.session
    # Another address is not affected.
    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert attempt(elsewhere, teacher.user.username, PASSWORD).status_code == 302


def test_signing_in_with_a_real_account_does_not_reset_the_count_of_the_address():
    mine = factories.person()
    here = Client(REMOTE_ADDR="203.0.113.8")
    spray(here, LIMIT - 1)
    assert attempt(here, mine.user.username, PASSWORD).status_code == 302
    here.post("/en/account/sign-out/")
    response = attempt(here, "another@example.org")
    assert locked_out(response)


def test_an_ipv6_address_counts_as_its_64_network():
    teacher = factories.person()
    for n in range(LIMIT):
        attempt(Client(REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}"), f"teacher{n}@example.org")
    assert locked_out(attempt(Client(REMOTE_ADDR="2001:db8:1:2::ffff"), teacher.user.username, PASSWORD))
    assert attempt(Client(REMOTE_ADDR="2001:db8:1:3::1"), teacher.user.username, PASSWORD).status_code == 302


@override_settings(KOLLEGA_TRUSTED_PROXY_HOPS=1)
def test_behind_the_proxy_clients_are_told_apart_by_the_address_the_proxy_saw():
    teacher = factories.person()
    # nginx is REMOTE_ADDR for everyone and appends the client it saw to X-Forwarded-For.
    proxy = {"REMOTE_ADDR": "172.18.0.5"}
    attacker = Client(**proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    spray(attacker)
    assert locked_out(attempt(attacker, teacher.user.username, PASSWORD))
    # Forging an address in front of the one the proxy appends changes nothing.
    forged = Client(**proxy, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9")
    assert locked_out(attempt(forged, teacher.user.username, PASSWORD))
    # A teacher elsewhere, through the same proxy, signs in.
    colleague = Client(**proxy, HTTP_X_FORWARDED_FOR="198.51.100.30")
    assert attempt(colleague, teacher.user.username, PASSWORD).status_code == 302


def test_client_ip_reads_the_entry_the_trusted_proxy_wrote():
    from django.test import RequestFactory

    request = RequestFactory().get("/", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    assert throttling.client_ip(request) == "172.18.0.5"  # no proxy trusted: the header is the client's
    with override_settings(KOLLEGA_TRUSTED_PROXY_HOPS=1):
        assert throttling.client_ip(request) == "203.0.113.9"
        junk = RequestFactory().get("/", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="not-an-address")
        assert throttling.client_ip(junk) == "172.18.0.5"
