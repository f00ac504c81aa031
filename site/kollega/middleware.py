"""Locale handling that leaves machine endpoints alone.

Django's LocaleMiddleware turns a 404 on an unprefixed URL into a redirect
to /en/<url> whenever the catch-all page route would match there, so an API
client asking for a missing page got a 302 and an HTML page. The API,
documents, admin and sitemap answer in their own right.
"""

import zoneinfo

from django.middleware.locale import LocaleMiddleware
from django.utils import timezone

from core.timezones import reader_time_zone

UNLOCALIZED_PREFIXES = ("/api/", "/documents/", "/admin/", "/sitemap.xml", "/oai/", "/static/", "/media/", "/i18n/")


class KollegaLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNLOCALIZED_PREFIXES):
            return response
        return super().process_response(request, response)


class ReaderTimeZoneMiddleware:
    """Dates and times in the reader's own time zone when their browser told us it; the site's otherwise.

    `request.reader_time_zone` says whether it did: an event page then adds "Your time" beside the
    event's own local time. Anything else in the cookie is ignored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.reader_time_zone = reader_time_zone(request)
        if request.reader_time_zone:
            timezone.activate(zoneinfo.ZoneInfo(request.reader_time_zone))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
