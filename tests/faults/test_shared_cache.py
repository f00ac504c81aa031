"""Production keeps one cache for every process: Redis when REDIS_URL is set, else the database.

Before, production without REDIS_URL kept Django's per-process memory cache: each gunicorn
worker counted sign-in failures on its own (three workers allowed 8+ failures before the
lock instead of 5) and never saw the recommender's index version move.
"""

import importlib

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from core.cache import DATABASE_CACHE_TABLE, production_caches
from tests import factories as f


def production_settings(monkeypatch, **env):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "kollega.example.org")
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    module = importlib.import_module("kollega.settings.production")
    return importlib.reload(module)  # read the environment afresh


def test_production_without_redis_caches_in_the_database(monkeypatch):
    settings = production_settings(monkeypatch)
    default = settings.CACHES["default"]
    assert default["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert default["LOCATION"] == DATABASE_CACHE_TABLE


def test_production_with_redis_uses_the_outage_tolerant_backend(monkeypatch):
    settings = production_settings(monkeypatch, REDIS_URL="redis://redis:6379/0")
    default = settings.CACHES["default"]
    assert default["BACKEND"] == "core.cache.OutageTolerantRedisCache"
    assert default["LOCATION"] == "redis://redis:6379/0"
    # An unreachable host costs at most a second, not the operating system's connect timeout.
    assert default["OPTIONS"]["socket_connect_timeout"] <= 1


def tables():
    return connection.introspection.table_names()


@pytest.mark.django_db
def test_migrate_creates_the_database_cache_table_and_the_throttle_counts_there(client):
    with override_settings(CACHES=production_caches(None)):
        call_command("migrate", verbosity=0)  # what the deploy runs before starting the site
        assert DATABASE_CACHE_TABLE in tables()
        try:
            teacher = f.person()
            for _ in range(4):
                client.post("/en/account/sign-in/", {"username": teacher.user.username, "password": "wrong"})
            # The count is in the database, where every worker process reads it.
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM {DATABASE_CACHE_TABLE}")
                assert cursor.fetchone()[0] >= 1
            response = client.post("/en/account/sign-in/", {"username": teacher.user.username, "password": "wrong"})
            assert "Too many failed attempts" in response.content.decode()
            response = client.post(
                "/en/account/sign-in/", {"username": teacher.user.username, "password": "pw-kollega-1"}
            )
            assert "Too many failed attempts" in response.content.decode()
        finally:
            cache.clear()
