"""Wagtail's elasticsearch9 backend with one index and analyzer per language.

Elasticsearch analyses a field with one analyzer, chosen when the index is
created, so stemming per language means an index per language. Each language
backend (alias "sv", "de", ...) holds the pages of its locale in indices whose
default analyzer is that language's built-in analyzer ("swedish", "german",
...). The "default" backend keeps everything (people, every locale) with the
standard analyzer: the admin, people search and "include other languages"
use it. Settings are built by search/elasticsearch_config.py.
"""

from modelsearch.backends.elasticsearch9 import Elasticsearch9Index, Elasticsearch9SearchBackend


def belongs_in(obj, language, locale_languages):
    """Whether an object goes into the index of `language` (None: the index of everything)."""
    if language is None:
        return True
    return locale_languages.get(getattr(obj, "locale_id", None)) == language


class LanguageIndex(Elasticsearch9Index):
    def _locale_languages(self):
        from wagtail.models import Locale

        return dict(Locale.objects.values_list("pk", "language_code"))

    def add_item(self, item):
        if belongs_in(item, self.backend.language, self._locale_languages()):
            super().add_item(item)

    def add_items(self, model, items):
        languages = self._locale_languages()
        super().add_items(model, [item for item in items if belongs_in(item, self.backend.language, languages)])


class LanguageElasticsearchSearchBackend(Elasticsearch9SearchBackend):
    index_class = LanguageIndex

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", None)
        params.pop("LANGUAGE_CONFIGS", None)
        super().__init__(params)


SearchBackend = LanguageElasticsearchSearchBackend
