"""Sign-in throttling: failed attempts counted per user name and IP address in the cache.

The cache is Redis in production, so every web process shares the counts;
locmem in development and tests.
"""
import hashlib

from django.core.cache import cache

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60


def client_ip(request):
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a proxy
    # we trust rewrites it, and a spoofable key would make the lock useless.
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def _key(kind, username, ip):
    # Hashed so that user names never sit in the cache in clear and any length fits a key.
    digest = hashlib.sha256(f"{(username or '').strip().lower()}|{ip}".encode()).hexdigest()
    return f"signin:{kind}:{digest}"


def is_locked(username, ip):
    return bool(cache.get(_key("lock", username, ip)))


def register_failure(username, ip):
    """Count a failure; returns True when this failure locks the pair."""
    key = _key("failures", username, ip)
    # add() starts the window; incr() keeps its expiry on Redis and locmem.
    if cache.add(key, 1, LOCK_SECONDS):
        failures = 1
    else:
        try:
            failures = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, LOCK_SECONDS)
            failures = 1
    if failures >= MAX_FAILURES:
        cache.set(_key("lock", username, ip), True, LOCK_SECONDS)
        cache.delete(key)
        return True
    return False


def clear(username, ip):
    cache.delete_many([_key("failures", username, ip), _key("lock", username, ip)])
