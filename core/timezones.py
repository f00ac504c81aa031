"""The reader's time zone, as their browser reported it (home/static/kollega/js/timezone.js)."""

import zoneinfo
from functools import lru_cache

READER_TIME_ZONE_COOKIE = "kollega_tz"


@lru_cache(maxsize=1)
def _zone_names():
    return frozenset(zoneinfo.available_timezones())


def reader_time_zone(request):
    """The IANA zone in the reader's cookie, or "" when none or not a zone (anything else is ignored)."""
    name = request.COOKIES.get(READER_TIME_ZONE_COOKIE, "")
    return name if len(name) <= 64 and name in _zone_names() else ""
