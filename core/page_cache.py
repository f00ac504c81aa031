"""Whole Wagtail pages for anonymous visitors, kept until the content changes.

A visitor without a session cookie sees what every other such visitor sees at the same address:
the page as published, in the language of its URL, with the times of their browser's time zone.
`AnonymousPageCacheMiddleware` keeps that answer under the address, the time zone and the content
version of core.content_cache (a new version on every publish, unpublish, move, view-restriction
change and change to a person's profile), for at most `KOLLEGA_PAGE_CACHE_SECONDS` (what is not
content, such as memberships and discussion counts, may lag that long; 0 turns the cache off).

Only what is safe to share is kept, the conventions of Wagtail's frontend caching and of Django's
cache middleware:
- the request: GET or HEAD, no query string (search, filters and `via=` counts always run), no
  session cookie (a session may hold a passed password restriction, messages or a sign-in) and no
  messages cookie;
- the response: a page Wagtail served after every `before_serve_page` hook let it through (the
  privacy hooks answer members-only pages with a 404, which is not kept), status 200, HTML, no
  cookie set (a page with a form sets the CSRF cookie, so it is never shared) and no
  `Cache-Control: private / no-cache / no-store`.
A cache that is unreachable answers as a miss (core.cache), so the page is computed as usual.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import cc_delim_re

from .content_cache import version
from .timezones import reader_time_zone

MARK = "_kollega_shared_page"
HEADER = "X-Kollega-Cache"
SKIP_COOKIES = ("messages",)


def timeout():
    return int(getattr(settings, "KOLLEGA_PAGE_CACHE_SECONDS", 0))


def mark_shared(request):
    """Called for a page Wagtail is about to serve (core/wagtail_hooks.py)."""
    setattr(request, MARK, True)


def _request_may_share(request):
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and not any(name in cookies for name in SKIP_COOKIES)


def _response_may_share(request, response):
    if not getattr(request, MARK, False) or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or not response.get("Content-Type", "").startswith("text/html"):
        return False
    directives = {d.strip().split("=")[0].lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & {"private", "no-cache", "no-store"}


def _key(request):
    # Event times are shown in the reader's zone (kollega.middleware.ReaderTimeZoneMiddleware):
    # one copy per real zone, so made-up cookie values cannot fill the cache. The address is
    # hashed: a key stays short and printable whatever a visitor puts in it.
    address = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
    return ":".join(["kollega:page", version(), address, reader_time_zone(request)])


class AnonymousPageCacheMiddleware:
    """Serve a shared page from the cache, or keep it there after Wagtail served it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = timeout()
        if seconds <= 0 or not _request_may_share(request):
            return self.get_response(request)
        key = _key(request)
        response = cache.get(key)
        if response is not None:
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _response_may_share(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response[HEADER] = "miss"
            cache.set(key, response, seconds)
        return response
