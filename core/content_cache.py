"""A cache for what depends only on published content, emptied whenever that content changes.

Navigation, a language's home page, the JSON-LD and hreflang alternates of a page are the
same for every anonymous visitor until an editor publishes, unpublishes, moves or restricts
a page, or a person changes what they show. `cached(name, parts, compute)` keeps such a
value under a key holding the current *content version*; `bump()` starts a new version, so
every entry of the old one is simply never read again (and expires after `TIMEOUT`).

What is cached here is never viewer-dependent: callers cache what an anonymous visitor
sees, or rows that communities.privacy then narrows for the viewer at each request.

The version, and each entry, is read once per request (ContentCacheMiddleware keeps them in
a dict that a bump empties) and once per call outside one. The signals bumping it are
connected in core/apps.py for Wagtail's models and the model labels in `CONTENT_MODELS`
(strings: core imports no app of ours). A cache that is
unreachable (core.cache.OutageTolerantRedisCache) answers every read as a miss, so pages
are computed as if nothing were cached; when it answers again a new version starts (a
publish during the outage lost its bump), and entries expire after `TIMEOUT` seconds anyway.
"""

import contextlib
import contextvars
import uuid

from django.core.cache import cache

VERSION_KEY = "kollega:content:version"
TIMEOUT = 300  # seconds; also the longest a bump lost in a cache outage leaves an entry stale

# Saving or deleting one of these (or any Wagtail page) changes what anonymous pages show.
CONTENT_MODELS = frozenset(
    {
        "wagtailcore.PageViewRestriction",
        "wagtailcore.Locale",
        "wagtailcore.Site",
        "wagtaildocs.Document",
        "communities.Person",
        "resources.ResourceContributor",
        "vocabularies.Subject",
        "vocabularies.ResourceType",
        "taggit.Tag",
    }
)

_version = contextvars.ContextVar("kollega_content_version", default=None)


class ContentCacheMiddleware:
    """Reads the content version at most once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_reading():
            return self.get_response(request)


@contextlib.contextmanager
def one_reading():
    """Read the version and each entry at most once inside the block: a request, or a unit of work
    outside one (a recommender call in a task). Inside another such block it adds nothing."""
    if _version.get() is not None:
        yield
        return
    token = _version.set({})
    try:
        yield
    finally:
        _version.reset(token)


def version():
    memo = _version.get()
    if memo is not None and "v" in memo:
        return memo["v"]
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex[:12]
        # add: two processes starting a version at once agree on the first one.
        if not cache.add(VERSION_KEY, current, None):
            current = cache.get(VERSION_KEY) or current
    if memo is not None:
        memo["v"] = current
    return current


def once_per_request(key, read):
    """`read()`, remembered for the rest of this request under `key` (every call reads outside one).

    For small shared values that one page view asks for many times, such as an index's version;
    `forget_in_request(key)` drops it when this request changes it.
    """
    memo = _version.get()
    if memo is None:
        return read()
    slot = ("once", key)
    if slot not in memo:
        memo[slot] = read()
    return memo[slot]


def forget_in_request(key):
    memo = _version.get()
    if memo is not None:
        memo.pop(("once", key), None)


def bump(**kwargs):
    """Start a new content version: every entry cached so far is out of date."""
    new_version_on(cache)


def new_version_on(backend):
    backend.set(VERSION_KEY, uuid.uuid4().hex[:12], None)
    memo = _version.get()
    if memo is not None:
        memo.clear()


def _key(name, current, parts):
    return ":".join(["kollega:content", name, current, *(str(p) for p in parts)])


def cached(name, parts, compute, timeout=TIMEOUT):
    """`compute()`, kept under `name` and `parts` (a tuple of str/int) until the content changes."""
    key = _key(name, version(), parts)
    memo = _version.get()
    if memo is not None and key in memo:
        return memo[key]  # read already in this request
    missing = object()
    value = cache.get(key, missing)
    if value is missing:
        value = compute()
        cache.set(key, value, timeout)
    if memo is not None:
        memo[key] = value
    return value


def cached_many(name, ids, compute_missing, timeout=TIMEOUT):
    """{id: value} for `ids`, each kept under `name` and its id until the content changes.

    One cache round trip for all of them; `compute_missing(ids)` reads the others in one go and
    returns {id: value}. An id it does not return (say, an unpublished page) is remembered as
    absent, and left out of the answer.
    """
    current = version()
    keys = {i: _key(name, current, (i,)) for i in dict.fromkeys(ids)}
    memo = _version.get()
    found = {key: memo[key] for key in keys.values() if key in memo} if memo is not None else {}
    wanted = [key for key in keys.values() if key not in found]
    if wanted:
        found.update(cache.get_many(wanted))
    result = {i: found[key] for i, key in keys.items() if key in found}
    missing = [i for i in keys if i not in result]
    if missing:
        computed = compute_missing(missing)
        cache.set_many({keys[i]: computed.get(i) for i in missing}, timeout)
        result.update({i: computed.get(i) for i in missing})
    if memo is not None:
        memo.update({keys[i]: value for i, value in result.items()})
    return {i: value for i, value in result.items() if value is not None}


def content_changed(sender, **kwargs):
    """post_save / post_delete / m2m_changed receiver: bump for pages and `CONTENT_MODELS`."""
    from wagtail.models import Page

    model = kwargs.get("model") if kwargs.get("action") else None  # m2m_changed names the other side
    instance = kwargs.get("instance")
    labels = {getattr(getattr(m, "_meta", None), "label", None) for m in (sender, model, type(instance))}
    if isinstance(instance, Page) or labels & CONTENT_MODELS:
        if kwargs.get("action", "post_").startswith("post_"):
            bump()
