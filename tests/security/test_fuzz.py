"""Property-based tests of what outsiders feed the site: import files and search URLs.

tests/resources/test_import.py already fuzzes the records inside a well-formed JSON list
and tests/search/test_query.py the query parser; these add whole files as
bytes through the management command (broken UTF-8, cut-off JSON, huge and
deeply nested values, refused updates of saved pages) and whole query strings
through the search page and its autocomplete endpoint.
"""

import json
from io import StringIO
from urllib.parse import urlencode

import pytest
from django.core.management import CommandError, call_command
from django.http import QueryDict
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources.models import ResourcePage
from search.facets import FACETS, selected_facets
from search.forms import SearchForm
from search.query import MAX_QUERY_LENGTH
from tests import factories as f

pytestmark = pytest.mark.django_db

# Each import example runs the whole command (a few hundred ms): fewer of them.
IMPORTS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def record(external_id, **fields):
    data = {
        "id": external_id,
        "title": f"Material {external_id}",
        "language": "en",
        "summary": "Two sentences about it.",
        "body": "First paragraph.",
    }
    data.update(fields)
    return data


def saved_pages():
    return sorted(ResourcePage.objects.values_list("pk", "title", "summary", "live", "latest_revision_id"))


@pytest.fixture
def existing(home, tmp_path):
    """Two materials imported earlier: a refused file must leave them exactly as they are."""
    path = tmp_path / "first.json"
    path.write_text(json.dumps([record("kol-1"), record("kol-2", language="sv", title="Material på svenska")]))
    with translation.override("en"):
        call_command("import_resources", str(path), stdout=StringIO())
    assert ResourcePage.objects.count() == 2
    return tmp_path


def run_import(tmp_path, content):
    path = tmp_path / "fuzz.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    with translation.override("en"):
        call_command("import_resources", str(path), stdout=StringIO())


def refused_cleanly(tmp_path, content):
    """Import `content`; a refusal must be a CommandError with a message and leave the pages unchanged."""
    before = saved_pages()
    try:
        run_import(tmp_path, content)
    except CommandError as exc:
        message = str(exc)
        assert "fuzz.json" in message and "Nothing was imported." in message
        assert saved_pages() == before
        return True
    return False


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
GOOD_FILE = json.dumps(
    [record("kol-1", title="Updated title"), record("new-1"), record("new-2", tags=["a", "b"])], indent=1
)


@IMPORTS
@given(
    content=st.binary(max_size=400)
    | st.text(alphabet=st.sampled_from('[]{},:"0123456789.-eEtrufalsn \n\\u\x00\ud800é'), max_size=200)
    | st.integers(min_value=0, max_value=len(GOOD_FILE) - 1).map(lambda cut: GOOD_FILE[:cut])
)
def test_arbitrary_bytes_and_cut_off_files_are_refused_with_a_message(existing, content):
    # A cut-off file may still be valid JSON (e.g. "[]" never happens, but "" or "[" are refused).
    if not refused_cleanly(existing, content):
        pytest.fail(f"accepted a malformed file: {content!r:.200}")


@IMPORTS
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "title",
                    "summary",
                    "body",
                    "language",
                    "subjects",
                    "levels",
                    "tags",
                    "license",
                    "authors",
                    "community",
                    "translation_of",
                    "based_on",
                ]
            )
            | st.text(max_size=8),
            json_values,
            max_size=10,
        ),
        min_size=1,
        max_size=3,
    )
)
def test_refused_records_never_change_saved_pages(existing, records):
    # The first record updates a saved page; anything refused in the file must leave it as it was.
    content = json.dumps([record("kol-1", title="Updated title"), *records])
    before = saved_pages()
    if not refused_cleanly(existing, content):
        # A random file that happens to be valid may import; nothing else is asserted then.
        ResourcePage.objects.exclude(external_id__in=["kol-1", "kol-2"]).delete()
        assert ResourcePage.objects.filter(title="Updated title").exists()
        assert len(saved_pages()) == len(before)
        run_import(existing, json.dumps([record("kol-1")]))  # back to the saved title for the next example


@IMPORTS
@given(
    field=st.sampled_from(["id", "title", "summary", "body", "community", "translation_of", "based_on"]),
    value=st.text(min_size=1, max_size=30).map(lambda s: s * 400) | st.text(max_size=50),
)
def test_huge_strings_and_unicode_never_crash(existing, field, value):
    fields = {"title": "Updated title", field: value}
    if not refused_cleanly(existing, json.dumps([record("kol-1", **fields)])):
        run_import(existing, json.dumps([record("kol-1")]))  # back to the saved title for the next example


@IMPORTS
@given(depth=st.integers(min_value=2, max_value=5000))
def test_deep_nesting_is_refused(existing, depth):
    nested = "[" * depth + "]" * depth
    assert refused_cleanly(existing, f'[{{"id": "n-1", "title": "T", "language": "en", "tags": {nested}}}]')


# -- search URLs ------------------------------------------------------------------

PARAM_KEYS = ["q", "sort", "tab", "page", "all_languages", *[facet.key for facet in FACETS]]
nasty_text = (
    st.text(max_size=60)
    | st.text(alphabet=st.sampled_from("\"-'()!&|*:\\%<>ab \x00\x1f\u200b\ud7ff\U0001f600"), max_size=40)
    | st.text(min_size=1, max_size=5).map(lambda s: s * 300)
)
params = st.lists(st.tuples(st.sampled_from(PARAM_KEYS) | st.text(max_size=6), nasty_text), max_size=8)


@pytest.fixture
def library():
    community = f.community("Garden teachers", summary="School gardens.")
    for i in range(3):
        f.resource(
            f"Photosynthesis lesson {i}",
            summary="Plants, light and water.",
            subjects=["biology"],
            levels=[2],
            tags=["garden"],
            community=community,
        )
    return community


def querystring(pairs):
    # The test client cannot send lone surrogates; a browser would send their UTF-8 replacement.
    return urlencode([(k.encode("utf-8", "replace"), v.encode("utf-8", "replace")) for k, v in pairs])


@BOUNDED
@given(pairs=params)
def test_arbitrary_search_parameters_never_raise(pairs):
    qd = QueryDict(querystring(pairs))
    form = SearchForm(qd)
    values = form.params()
    assert len(values["q"]) <= MAX_QUERY_LENGTH
    assert values["sort"] in ("relevance", "newest") and values["tab"] in ("resources", "communities", "people")
    query = values["query"].to_search_query()
    assert (query is None) == (not values["query"])
    for key, chosen in selected_facets(qd).items():
        assert chosen and len(chosen) <= 20, key


@BOUNDED
@given(pairs=params, language=st.sampled_from(["en", "sv"]))
def test_the_search_page_answers_200_for_any_url(client, library, pairs, language):
    response = client.get(f"/{language}/search/?" + querystring(pairs))
    assert response.status_code in (200, 400), response.status_code
    if response.status_code == 200:
        assert b'name="q"' in response.content


@BOUNDED
@given(q=nasty_text)
def test_autocomplete_answers_json_for_any_text(client, library, q):
    response = client.get("/en/search/autocomplete/?" + querystring([("q", q)]))
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
