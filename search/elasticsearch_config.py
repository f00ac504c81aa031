"""WAGTAILSEARCH_BACKENDS for Elasticsearch, built by pure functions that production settings call.

Kept free of Django and Wagtail imports so that settings can import it
before the app registry exists. The backend class itself is
search/backends/elasticsearch.py.
"""

from .languages import LANGUAGE_CONFIGS

BACKEND_PATH = "search.backends.elasticsearch"


def language_index_settings(language, language_configs=LANGUAGE_CONFIGS):
    """INDEX_SETTINGS that make `language`'s built-in analyzer the default for every text field.

    Autocomplete fields keep Wagtail's edge-ngram analyzer (set on the field
    itself), so prefixes are never stemmed.
    """
    return {"settings": {"analysis": {"analyzer": {"default": {"type": language_configs[language]}}}}}


def elasticsearch_backends(urls, index_prefix="kollega", languages=tuple(LANGUAGE_CONFIGS), timeout=10):
    """ "default" (every object, standard analyzer) plus one entry per language (its locale's pages, its analyzer)."""
    urls = [urls] if isinstance(urls, str) else list(urls)
    common = {"BACKEND": BACKEND_PATH, "URLS": urls, "TIMEOUT": timeout}
    backends = {"default": {**common, "INDEX_PREFIX": f"{index_prefix}-all-"}}
    for language in languages:
        backends[language] = {
            **common,
            "INDEX_PREFIX": f"{index_prefix}-{language}-",
            "LANGUAGE": language,
            "INDEX_SETTINGS": language_index_settings(language),
        }
    return backends
