"""Language-aware matching: on PostgreSQL each locale's text is stemmed with its own configuration."""

import pytest
from django.db import connection

from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="stemming per language needs PostgreSQL text-search configurations; "
        "SQLite's FTS5 has none (set DATABASE_URL to a PostgreSQL server to run these)",
    ),
]


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [r.title for r in response.context["results"]]


def test_swedish_search_finds_another_inflection_of_the_word(client):
    factories.resource("Skolträdgården", code="sv", summary="Vi planterar i trädgården och ser hur växterna gror.")
    factories.resource("Matematik", code="sv", summary="Bråk och decimaltal.")
    assert titles(client, "/sv/search/?q=trädgårdar") == ["Skolträdgården"]
    assert titles(client, "/sv/search/?q=växt") == ["Skolträdgården"]


def test_german_search_finds_another_inflection_of_the_word(client):
    factories.resource("Der Schulgarten", code="de", summary="Jede Pflanze braucht Licht und Wasser.")
    factories.resource("Mathematik", code="de", summary="Brüche und Dezimalzahlen.")
    assert titles(client, "/de/search/?q=Pflanzen") == ["Der Schulgarten"]


def test_portuguese_search_finds_another_inflection_of_the_word(client):
    factories.resource("A horta da escola", code="pt", summary="Cada planta e cada flor precisa de luz e de água.")
    factories.resource("Matemática", code="pt", summary="Frações e números decimais.")
    assert titles(client, "/pt/search/?q=plantas") == ["A horta da escola"]
    # English stemming would keep "flores" and "flor" apart; Portuguese joins them.
    assert titles(client, "/pt/search/?q=flores") == ["A horta da escola"]


def test_with_other_languages_a_query_matches_pages_stemmed_in_any_language(client):
    factories.resource("Skolträdgården", code="sv", summary="Växterna i trädgården.")
    assert titles(client, "/en/search/?q=trädgårdar") == []
    assert titles(client, "/en/search/?q=trädgårdar&all_languages=on") == ["Skolträdgården"]


def test_english_search_still_stems_english(client):
    factories.resource("School garden", code="en", summary="Every plant needs light and water.")
    assert titles(client, "/en/search/?q=plants") == ["School garden"]


def test_each_page_is_indexed_with_the_configuration_of_its_locale():
    from wagtail.search.models import IndexEntry

    page = factories.resource("Trädgårdar", code="sv", summary="Växterna i trädgårdarna.")
    entry = IndexEntry.objects.get(object_id=str(page.pk), content_type__model="resourcepage")
    # The Swedish stemmer reduces both forms to one lexeme; 'simple' would keep them apart.
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('swedish', 'trädgårdar')::text, %s::text", [entry.title])
        swedish, stored = cursor.fetchone()
    assert swedish.split(":")[0] in stored


def test_people_are_indexed_without_stemming_and_still_found_by_exact_words(client):
    factories.person("Ingrid Trädgårdh", discoverability="europe", bio="Lärare i biologi.")
    response = client.get("/sv/search/?q=Trädgårdh&tab=people")
    assert "Ingrid Trädgårdh" in response.content.decode()
