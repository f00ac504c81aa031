"""Wagtail's database search backend with a PostgreSQL text-search configuration per locale.

modelsearch keeps one row per object in a single IndexEntry table for every
database backend entry, so several entries (one per language) would overwrite
each other's vectors. Instead one entry indexes each object with the
configuration of its own locale (a Swedish page through `swedish`, a German
one through `german`) and each query picks its configuration: the reader's
language, or all of them OR-ed together when the language is not known
(admin search, "include other languages"). Objects without a locale (people,
images, documents) are indexed with SEARCH_CONFIG ("simple": no stemming,
since nobody knows which language a bio is written in).

On SQLite and MySQL this module returns modelsearch's own backend unchanged.
"""

from functools import cache, reduce

from django.db import connection

from . import LANGUAGE_CONFIGS


def SearchBackend(params):  # noqa: N802 (modelsearch looks the factory up by this name)
    if connection.vendor == "postgresql":
        return _postgres_classes()(params)
    from modelsearch.backends.database import SearchBackend as database_backend

    params = {k: v for k, v in params.items() if k not in ("LANGUAGE", "LANGUAGE_CONFIGS")}
    return database_backend(params)


def object_language(obj, locale_languages):
    """The language code of an object's locale, or None (people, images, documents)."""
    locale_id = getattr(obj, "locale_id", None)
    return locale_languages.get(locale_id)


def query_configs(language, language_configs, fallback):
    """The text-search configurations a query is analysed with.

    One language: its configuration. No language (or an unknown one): every
    configuration plus the fallback, so that a word matches whatever
    configuration its document was indexed with.
    """
    if language in language_configs:
        return (language_configs[language],)
    configs = list(dict.fromkeys([*language_configs.values(), fallback]))
    return tuple(configs)


@cache
def _postgres_classes():
    # Imported lazily: these modules need django.contrib.postgres, which a
    # SQLite-only run never has to import.
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class MultiConfigMixin:
        def build_tsquery(self, query, config=None):
            # A tuple of configurations: the same query in each, OR-ed.
            if isinstance(config, tuple):
                parts = [self.build_tsquery_content(query, config=c) for c in config]
                parts = [p for p in parts if p is not None]
                return reduce(lambda a, b: a | b, parts) if parts else None
            return self.build_tsquery_content(query, config=config)

    class LanguageSearchQueryCompiler(MultiConfigMixin, PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.query_configs

    class LanguageAutocompleteQueryCompiler(MultiConfigMixin, PostgresAutocompleteQueryCompiler):
        pass  # autocomplete stays on the "simple" configuration: prefixes must not be stemmed

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            from wagtail.models import Locale

            locale_languages = dict(Locale.objects.values_list("pk", "language_code"))
            groups = {}
            for obj in objs:
                groups.setdefault(object_language(obj, locale_languages), []).append(obj)
            for language, group in groups.items():
                # PostgresIndex reads the configuration from its backend, so each
                # language's objects go through an index over a backend set to it.
                PostgresIndex(self.backend.for_indexing(language)).add_items(model, group)

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LanguageSearchQueryCompiler
        autocomplete_query_compiler_class = LanguageAutocompleteQueryCompiler
        index_class = LanguageIndex

        def __init__(self, params):
            params = dict(params)
            self.params = dict(params)
            self.language = params.pop("LANGUAGE", None)
            self.language_configs = params.pop("LANGUAGE_CONFIGS", LANGUAGE_CONFIGS)
            params.setdefault("SEARCH_CONFIG", "simple")
            super().__init__(params)
            self.fallback_config = self.config
            self.query_configs = query_configs(self.language, self.language_configs, self.fallback_config)

        def for_indexing(self, language):
            """A plain backend whose single configuration is the one for `language`."""
            params = {k: v for k, v in self.params.items() if k not in ("LANGUAGE", "LANGUAGE_CONFIGS")}
            params["SEARCH_CONFIG"] = self.language_configs.get(language, self.fallback_config)
            return PostgresSearchBackend(params)

    return LanguagePostgresSearchBackend


def __getattr__(name):
    if name == "LanguagePostgresSearchBackend":
        return _postgres_classes()
    raise AttributeError(name)
