"""The query parser: phrases, exclusions, cleaning and bounds; arbitrary text never raises."""

from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.search.query import And, Not, Phrase, PlainText

from search.query import MAX_QUERY_LENGTH, MAX_TERMS, parse_query


def test_words_are_terms():
    parsed = parse_query("  photosynthesis   lab ")
    assert parsed.terms == ("photosynthesis", "lab")
    assert isinstance(parsed.to_search_query(), PlainText)


def test_quoted_words_are_a_phrase_and_minus_excludes():
    parsed = parse_query('"climate change" water -ice')
    assert parsed.phrases == ("climate change",)
    assert parsed.terms == ("water",)
    assert parsed.excluded == ("ice",)
    query = parsed.to_search_query()
    assert isinstance(query, And)
    assert any(isinstance(q, Phrase) for q in query.subqueries)
    assert any(isinstance(q, Not) for q in query.subqueries)


def test_an_unterminated_quote_is_read_as_words():
    assert parse_query('"school garden').phrases == ("school garden",)
    assert parse_query('"garden').terms == ("garden",)


def test_exclusions_alone_are_no_query():
    parsed = parse_query("-ice -snow")
    assert not parsed and parsed.to_search_query() is None


def test_engine_syntax_is_stripped_and_hyphenated_words_kept():
    parsed = parse_query("C++ & (x|y) re-use don't")
    assert parsed.terms == ("C", "x", "y", "re-use", "don't")


def test_control_and_invisible_characters_are_removed():
    assert parse_query("gar\x00den\u200b\x1b").text == "garden"


def test_length_and_number_of_terms_are_capped():
    parsed = parse_query("word " * 5000)
    assert len(parsed.text) <= MAX_QUERY_LENGTH
    parsed = parse_query(" ".join(f"w{i}" for i in range(100)))
    assert len(parsed.terms) == MAX_TERMS


def test_repeated_words_count_once():
    assert parse_query("plant plant Plant").terms == ("plant", "Plant")


def test_non_text_input_is_an_empty_query():
    assert not parse_query(None) and not parse_query(["a"])


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=3000) | st.text(alphabet=st.sampled_from("\"-'()!&|*:\\ ab\x00\u200b"), max_size=300))
def test_any_text_gives_a_bounded_clean_query_without_raising(value):
    parsed = parse_query(value)
    assert len(parsed.text) <= MAX_QUERY_LENGTH
    parts = [*parsed.terms, *parsed.phrases, *parsed.excluded]
    assert len(parts) <= MAX_TERMS
    for part in parts:
        assert part and part == part.strip()
        assert len(part) <= MAX_QUERY_LENGTH
        assert not any(ord(c) < 32 or c in '"&|!()*:\\' for c in part)
    query = parsed.to_search_query()
    assert (query is None) == (not parsed)
    assert parse_query(parsed.text) == parsed  # cleaning is stable: the box shows what was searched
