"""Per-language backends: the settings builders, which configuration a query uses, which index an object goes to."""

import pytest
from django.test import override_settings

from search.backends.database import object_language, query_configs
from search.backends.elasticsearch import LanguageElasticsearchSearchBackend, belongs_in
from search.elasticsearch_config import elasticsearch_backends, language_index_settings
from search.languages import LANGUAGE_CONFIGS
from tests import factories

CONFIGS = {"en": "english", "sv": "swedish"}


def test_a_query_in_a_known_language_uses_that_language_only():
    assert query_configs("sv", CONFIGS, "simple") == ("swedish",)


def test_a_query_without_a_language_uses_every_configuration_and_the_fallback():
    assert query_configs(None, CONFIGS, "simple") == ("english", "swedish", "simple")
    assert query_configs("xx", CONFIGS, "simple") == ("english", "swedish", "simple")


def test_the_fallback_is_not_repeated_when_it_is_a_language_configuration():
    assert query_configs(None, CONFIGS, "english") == ("english", "swedish")


def test_every_site_language_has_a_stemming_configuration():
    from django.conf import settings

    assert set(LANGUAGE_CONFIGS) == {code for code, _ in settings.LANGUAGES}


def test_object_language_reads_the_locale_and_is_none_without_one():
    class Page:
        locale_id = 7

    class Person:
        pass

    assert object_language(Page(), {7: "sv"}) == "sv"
    assert object_language(Person(), {7: "sv"}) is None


def test_language_index_settings_make_the_language_analyzer_the_default():
    assert language_index_settings("de") == {"settings": {"analysis": {"analyzer": {"default": {"type": "german"}}}}}


def test_elasticsearch_backends_have_a_default_and_one_entry_per_language():
    backends = elasticsearch_backends("http://es:9200", index_prefix="k", languages=("en", "sv"))
    assert set(backends) == {"default", "en", "sv"}
    assert backends["default"] == {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": ["http://es:9200"],
        "TIMEOUT": 10,
        "INDEX_PREFIX": "k-all-",
    }
    sv = backends["sv"]
    assert sv["LANGUAGE"] == "sv" and sv["INDEX_PREFIX"] == "k-sv-"
    assert sv["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]["type"] == "swedish"
    # Index names never collide between languages.
    assert len({b["INDEX_PREFIX"] for b in backends.values()}) == len(backends)


def test_an_object_goes_into_its_own_language_index_and_into_default():
    class Page:
        locale_id = 2

    languages = {1: "en", 2: "sv"}
    assert belongs_in(Page(), "sv", languages)
    assert not belongs_in(Page(), "en", languages)
    assert belongs_in(Page(), None, languages)
    assert not belongs_in(object(), "sv", languages)  # people have no locale: default index only


def test_the_language_backend_builds_language_settings_without_connecting():
    backend = LanguageElasticsearchSearchBackend(elasticsearch_backends("http://127.0.0.1:9", languages=("pt",))["pt"])
    assert backend.language == "pt"
    assert backend.index_prefix == "kollega-pt-"
    analyzers = backend.settings["settings"]["analysis"]["analyzer"]
    assert analyzers["default"] == {"type": "portuguese"}
    assert "edgengram_analyzer" in analyzers  # Wagtail's autocomplete analyzer is kept


@pytest.mark.django_db
def test_the_language_backend_sends_only_its_locale_pages_to_elasticsearch(monkeypatch):
    english = factories.resource("Garden", code="en")
    swedish = factories.resource("Trädgård", code="sv")
    backend = LanguageElasticsearchSearchBackend(elasticsearch_backends("http://127.0.0.1:9", languages=("sv",))["sv"])
    sent = []
    monkeypatch.setattr(
        backend, "bulk", lambda es, actions, index: sent.extend(a["_id"] for a in actions), raising=False
    )
    index = backend.get_index_for_model(type(swedish))
    index.add_items(type(swedish), [english, swedish])
    assert [str(x) for x in sent] == [str(swedish.pk)]


UNREACHABLE = elasticsearch_backends("http://127.0.0.1:9", timeout=1)
for _entry in UNREACHABLE.values():
    _entry["AUTO_UPDATE"] = False
    _entry["OPTIONS"] = {"max_retries": 0}


@pytest.mark.django_db
def test_an_unreachable_elasticsearch_gives_the_unavailable_message(client):
    factories.resource("Garden", code="sv", summary="Växter.")
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        response = client.get("/sv/search/?q=växter")
    assert response.status_code == 503
    assert "search-form" in response.content.decode()
    assert response.context["unavailable"] is True
