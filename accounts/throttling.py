"""Sign-in throttling: failed attempts counted in the cache, per user name + address and per address.

- Five failures for one user name from one address lock that pair for 15 minutes (someone
  guessing one teacher's password).
- Twenty failures from one address, whatever the user names, lock every sign-in from that
  address for 15 minutes (someone trying one password on many accounts). An IPv6 address
  counts as its /64 network, which one subscriber usually holds whole.

A successful sign-in clears its own pair only: an attacker with one real account must not be
able to reset the count of their address. The cache is shared by every web process in
production (Redis, or the database without REDIS_URL: core/cache.py); locmem in development
and tests. With Redis unreachable nothing is counted and nothing locks (the site stays up).

The address is REMOTE_ADDR, or with KOLLEGA_TRUSTED_PROXY_HOPS reverse proxies in front (nginx in
deploy/), the address the outermost of them saw: the entry that many places from the end of
X-Forwarded-For. Entries further left are written by the client and never trusted.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache

MAX_FAILURES = 5
MAX_FAILURES_PER_ADDRESS = 20
LOCK_SECONDS = 15 * 60

# What is_locked() and register_failure() answer: which lock holds.
NAME = "name"
ADDRESS = "address"


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_ip(request):
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = getattr(settings, "KOLLEGA_TRUSTED_PROXY_HOPS", 0)
    if hops:
        forwarded = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= hops:
            return _valid_ip(forwarded[-hops]) or remote
    return remote


def _network(ip):
    """The unit the per-address limit counts: the address, or its /64 for IPv6."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip or ""
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _key(kind, username, ip):
    # Hashed so that user names never sit in the cache in clear and any length fits a key.
    digest = hashlib.sha256(f"{(username or '').strip().lower()}|{ip}".encode()).hexdigest()
    return f"signin:{kind}:{digest}"


def _address_key(kind, ip):
    digest = hashlib.sha256(_network(ip).encode()).hexdigest()
    return f"signin:address-{kind}:{digest}"


def is_locked(username, ip):
    """ADDRESS or NAME when a lock holds for this attempt, else None."""
    if ip and cache.get(_address_key("lock", ip)):
        return ADDRESS
    if cache.get(_key("lock", username, ip)):
        return NAME
    return None


def _count(key, limit, lock_key):
    """Count one failure under key; True when it reaches the limit (and sets the lock)."""
    # add() starts the window; incr() keeps its expiry on Redis and locmem.
    if cache.add(key, 1, LOCK_SECONDS):
        failures = 1
    else:
        try:
            failures = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, LOCK_SECONDS)
            failures = 1
    if failures >= limit:
        cache.set(lock_key, True, LOCK_SECONDS)
        cache.delete(key)
        return True
    return False


def register_failure(username, ip):
    """Count a failure; returns ADDRESS or NAME when this failure locks, else None."""
    address_locked = bool(ip) and _count(
        _address_key("failures", ip), MAX_FAILURES_PER_ADDRESS, _address_key("lock", ip)
    )
    name_locked = _count(_key("failures", username, ip), MAX_FAILURES, _key("lock", username, ip))
    if address_locked:
        return ADDRESS
    return NAME if name_locked else None


def clear(username, ip):
    cache.delete_many([_key("failures", username, ip), _key("lock", username, ip)])
