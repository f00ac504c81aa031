"""With Redis unreachable every public page still answers 200; with Redis up, the cache works.

Production settings build CACHES with core.cache.production_caches(REDIS_URL). Here it
points at a port where nothing listens (a bound socket that never listens refuses every
connection), as when Redis has stopped; before core/cache.py, Django's RedisCache raised
ConnectionError from Wagtail's Site.get_site_root_paths and almost every page answered 500.
The second half uses the real Redis at 127.0.0.1:6379 (database 11, used only by these tests).
"""

import logging
import socket

import pytest
from django.core.cache import cache
from django.test import override_settings

from core import cache as core_cache
from tests import factories as f
from tests.faults.test_index_down import pages, site  # noqa: F401  (the site fixture)

pytestmark = pytest.mark.django_db

REAL_REDIS = "redis://127.0.0.1:6379/11"


@pytest.fixture
def closed_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # bound but never listening: connections are refused
    yield sock.getsockname()[1]
    sock.close()


@pytest.fixture
def redis_down(closed_port):
    core_cache.reset_outages()
    with override_settings(CACHES=core_cache.production_caches(f"redis://127.0.0.1:{closed_port}/0")):
        yield
    core_cache.reset_outages()


def real_redis_or_skip():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.skip("no Redis at 127.0.0.1:6379")


@pytest.fixture
def redis_up():
    real_redis_or_skip()
    core_cache.reset_outages()
    with override_settings(CACHES=core_cache.production_caches(REAL_REDIS)):
        cache.clear()
        yield
        cache.clear()
    core_cache.reset_outages()


def public_urls(site):  # noqa: F811
    urls = {name: url for name, (url, _main) in pages(site).items()}
    urls.update(
        {
            "sitemap": "/sitemap.xml",
            "feed": "/en/feeds/resources.rss",
            "oai": "/oai/?verb=Identify",
            "api": "/api/v2/pages/",
            "sign-in": "/en/account/sign-in/",
            "swedish home": "/sv/",
        }
    )
    return urls


def test_every_public_page_answers_200_with_redis_unreachable(client, site, redis_down, caplog):  # noqa: F811
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for name, url in public_urls(site).items():
            response = client.get(url)
            assert response.status_code == 200, name
        # The main content is there, not an empty shell.
        for name, (url, main) in pages(site).items():
            assert main in client.get(url).content.decode(), name
    # One warning for the outage, not one per cache call.
    warnings = [r for r in caplog.records if r.name == "core.cache" and r.levelno == logging.WARNING]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    assert "unreachable" in warnings[0].getMessage()


def test_signing_in_works_with_redis_unreachable(client, redis_down):
    teacher = f.person()
    response = client.post("/en/account/sign-in/", {"username": teacher.user.username, "password": "wrong"})
    assert response.status_code == 200
    response = client.post("/en/account/sign-in/", {"username": teacher.user.username, "password": "pw-kollega-1"})
    assert response.status_code == 302 and client.session["_auth_user_id"]


def test_reads_are_misses_and_writes_no_ops_while_unreachable(redis_down, monkeypatch):
    monkeypatch.setattr(core_cache, "RETRY_AFTER", 0)  # try Redis on every call
    assert cache.get("k") is None
    assert cache.get("k", "fallback") == "fallback"
    assert cache.get_or_set("k", 7) == 7
    cache.set("k", 1)
    assert cache.add("k", 1) is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("k") is False
    with pytest.raises(ValueError):
        cache.incr("k")
    cache.delete("k")
    cache.delete_many(["a", "b"])
    assert cache.set_many({"a": 1}) == ["a"]


def test_redis_serves_as_a_shared_cache_when_it_is_up(redis_up):
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    cache.set("greeting", {"en": "hello"}, 60)
    assert cache.get("greeting") == {"en": "hello"}
    assert cache.add("counter", 1, 60) is True and cache.add("counter", 5, 60) is False
    assert cache.incr("counter") == 2
    with pytest.raises(ValueError):
        cache.incr("never-set")
    # Another process sees the same values: a second client on the same database.
    other = RedisCache(REAL_REDIS, {})
    assert other.get("greeting") == {"en": "hello"}
    cache.delete_many(["greeting", "counter"])
    assert cache.get("greeting") is None


def test_the_sign_in_throttle_counts_in_redis(client, redis_up):
    teacher = f.person()
    for _ in range(5):
        client.post("/en/account/sign-in/", {"username": teacher.user.username, "password": "wrong"})
    response = client.post("/en/account/sign-in/", {"username": teacher.user.username, "password": "pw-kollega-1"})
    assert "Too many failed attempts" in response.content.decode()
