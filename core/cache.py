"""The shared cache in production, and how the site keeps serving when it fails.

`production_caches(redis_url)` builds `CACHES` for settings/production.py:

- with `REDIS_URL`, Redis through `OutageTolerantRedisCache` below;
- without it, Django's database cache (table `kollega_cache`, created by every `migrate`
  through `create_cache_tables`). A per-process memory cache would give each gunicorn
  worker its own sign-in failure counts and its own recommender index version, so the
  database, which every process already shares, is the fallback.

`OutageTolerantRedisCache` is Django's own RedisCache, except that an unreachable Redis
(connection refused or reset, a timeout, a server that refuses commands) counts as a
miss for reads and as a no-op for writes, as django-redis's IGNORE_EXCEPTIONS does, so an
outage gives slower, uncached pages instead of server errors. When Redis answers again,
the process starts a new core.content_cache version: what was cached before the outage
may predate a publish whose invalidation was lost. After a failure the process
leaves Redis alone for `RETRY_AFTER` seconds (a host that drops packets would otherwise
cost a connect timeout on every cache call of every request), and it logs one warning per
outage, at most every `LOG_EVERY` seconds.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

DATABASE_CACHE_TABLE = "kollega_cache"

RETRY_AFTER = 10  # seconds without trying Redis after a failure
LOG_EVERY = 300  # seconds between two warnings about the same unreachable cache

# Per process, by location: every thread's backend instance shares what it learnt.
_outages = {}


def production_caches(redis_url=None):
    """CACHES for production: Redis when a URL is given, else the database (shared by every process)."""
    if redis_url:
        return {
            "default": {
                "BACKEND": "core.cache.OutageTolerantRedisCache",
                "LOCATION": redis_url,
                # Fail fast when Redis is away: a page waits at most this long once per RETRY_AFTER.
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": DATABASE_CACHE_TABLE,
            # Room for the recommender's cached lists without culling its version keys early.
            "OPTIONS": {"MAX_ENTRIES": 50000},
        }
    }


def create_cache_tables(using="default", **kwargs):
    """post_migrate: create the database cache's table when settings use one (idempotent)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


def reset_outages():
    """Forget what this process learnt about unreachable caches (tests)."""
    _outages.clear()


def _redis_errors():
    from redis import exceptions

    # The connection failing, and a server that cannot serve (loading, read-only replica,
    # out of memory) answers with an error reply; as django-redis ignores them.
    return (exceptions.ConnectionError, exceptions.TimeoutError, exceptions.ResponseError, OSError)


class OutageTolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)
        self._errors = _redis_errors()

    # -- the outage state ----------------------------------------------------------

    def _available(self):
        outage = _outages.get(self._location)
        return outage is None or time.monotonic() >= outage["retry_at"]

    def _failed(self, error):
        now = time.monotonic()
        outage = _outages.setdefault(self._location, {"since": now, "logged_at": None})
        outage["retry_at"] = now + RETRY_AFTER
        if outage["logged_at"] is None or now - outage["logged_at"] >= LOG_EVERY:
            outage["logged_at"] = now
            logger.warning(
                "Cache unreachable (%s: %s); serving pages without it until it answers again",
                type(error).__name__,
                error,
            )

    def _succeeded(self):
        outage = _outages.pop(self._location, None)
        if outage is not None:
            logger.info("Cache reachable again after %.0f s", time.monotonic() - outage["since"])
            # A publish during the outage could not start a new content version (its write was
            # lost): start one now, so nothing cached before the outage is served after it.
            from .content_cache import new_version_on

            new_version_on(self)

    def _call(self, method, fallback, *args, **kwargs):
        if not self._available():
            return fallback
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except self._errors as error:
            self._failed(error)
            return fallback
        self._succeeded()
        return result

    # -- reads are misses, writes are no-ops ------------------------------------------

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default=default, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout=timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", None, key, value, timeout=timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that failed to be set.
        return self._call("set_many", list(data), data, timeout=timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version=version)

    def delete_many(self, keys, version=None):
        self._call("delete_many", None, keys, version=version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call("incr", missing, key, delta=delta, version=version)
        if result is missing:
            # A miss, as for a key that is not there (callers then set it, a no-op now).
            raise ValueError(f"Key '{key}' not found (the cache is unreachable)")
        return result

    def clear(self):
        return self._call("clear", False)
