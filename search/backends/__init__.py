"""Per-language search backends and the one function the search view uses to pick one.

Which engine runs is settings (WAGTAILSEARCH_BACKENDS); which *language* a
query is analysed in is decided here, so the view never knows the engine.
"""

from django.conf import settings
from wagtail.search.backends import get_search_backend

from ..languages import LANGUAGE_CONFIGS  # noqa: F401 (re-exported for the backends)


def backend_for_language(language=None):
    """The search backend that analyses queries in `language` (None: every language).

    Elasticsearch has one backend entry per language (its own index and
    analyzer), named by the language code. The database backend has one
    entry whose query configuration is chosen per call with LANGUAGE; other
    backends ignore that parameter.
    """
    aliases = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    if language and language in aliases:
        return get_search_backend(language)
    if language:
        return get_search_backend("default", LANGUAGE=language)
    return get_search_backend("default")


def _unavailable_errors():
    errors = [ConnectionError, TimeoutError]
    try:  # the transport errors of the official client (connection refused, timeouts, TLS)
        from elastic_transport import TransportError

        errors.append(TransportError)
    except ImportError:  # pragma: no cover - the client is a dependency
        pass
    try:  # the server answered with an error (index missing during a first deploy, cluster red)
        from elasticsearch import ApiError

        errors.append(ApiError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


# What "the search engine is down" looks like. Database errors are not in the
# list on purpose: they break the transaction and must surface as errors.
SEARCH_UNAVAILABLE_ERRORS = _unavailable_errors()


class SearchUnavailable(Exception):
    """The search engine could not be reached; the page says so instead of failing."""
