"""The Wagtail site of a request from core.content_cache, not from a query on every request.

Wagtail finds the site of a request (`Site.find_for_request`: by hostname and port, the
default site as fallback) with one query, an annotated CASE over wagtailcore_site joined to
its root page, and keeps the answer on the request as `request._wagtail_site` for the rest
of it. A site and its root page are published content: saving a Site or any page starts a
new content version (core.content_cache.CONTENT_MODELS), so `SiteMiddleware` keeps Wagtail's
own answer per hostname and port under the version and puts it on the request before Wagtail
asks. It runs after CommonMiddleware, so only hosts in ALLOWED_HOSTS get this far.
"""

import hashlib

from django.http.request import split_domain_port
from wagtail.models import Site

from .content_cache import cached


class SiteMiddleware:
    """Sets `request._wagtail_site` (where Wagtail looks first) from the content cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The same host and port Wagtail's lookup reads (its raw host: no ALLOWED_HOSTS check twice).
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        name = hostname if len(hostname) <= 100 else hashlib.sha256(hostname.encode()).hexdigest()
        request._wagtail_site = cached("site", (name, port), lambda: Site._find_for_request(request))
        return self.get_response(request)
