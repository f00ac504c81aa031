"""The recommender's maths, one pure function at a time."""

import math

import numpy as np
import pytest

from recommender import scoring


def test_cosine_divides_by_the_product_of_both_norms():
    # wagtail-vector-index once computed dot / norm(q) * norm(d); this guards against it.
    a, b = np.array([3.0, 0.0]), np.array([1.0, 1.0])
    assert scoring.cosine(a, b) == pytest.approx(1 / math.sqrt(2))
    assert scoring.cosine(a * 10, b * 0.1) == pytest.approx(1 / math.sqrt(2))


def test_cosine_of_a_zero_vector_is_zero_not_nan():
    assert scoring.cosine([0, 0], [1, 0]) == 0.0


def test_unit_rows_have_length_one_and_zero_rows_stay_zero():
    m = scoring.unit([[3, 4], [0, 0]])
    assert np.allclose(np.linalg.norm(m[0]), 1.0)
    assert np.allclose(m[1], 0)


def test_language_centring_removes_the_language_offset():
    rng = np.random.default_rng(0)
    topics = rng.normal(size=(5, 16))
    sv_offset, de_offset = rng.normal(size=16) * 3, rng.normal(size=16) * 3
    sv = scoring.unit(topics + sv_offset)
    de = scoring.unit(topics + de_offset)
    vectors = np.vstack([sv, de])
    languages = ["sv"] * 5 + ["de"] * 5
    # Before centring a Swedish text is closest to other Swedish texts...
    raw_best = [int(np.argmax(de @ sv[i])) for i in range(5)]
    means = scoring.language_means(vectors, languages)
    centred = scoring.centre(vectors, languages, means)
    # ...after centring it is closest to its own topic in German.
    best = [int(np.argmax(centred[5:] @ centred[i])) for i in range(5)]
    assert best == [0, 1, 2, 3, 4]
    assert np.allclose(np.linalg.norm(centred, axis=1), 1.0)
    assert set(means) == {"sv", "de"} and raw_best is not None


def test_centring_leaves_languages_without_a_mean_only_normalised():
    v = np.array([[2.0, 0.0]])
    assert np.allclose(scoring.centre(v, ["fi"], {}), [[1.0, 0.0]])


def test_jaccard_and_overlap():
    assert scoring.jaccard(["a", "b"], ["b", "c"]) == pytest.approx(1 / 3)
    assert scoring.jaccard([], []) == 0.0
    assert scoring.overlap(["b", "a", "c"], ["c", "a"]) == ["a", "c"]


def test_blend_weights_signals_and_ignores_unknown_ones():
    assert scoring.blend({"semantic": 0.5, "tags": 1.0, "other": 9}, {"semantic": 0.6, "tags": 0.1}) == pytest.approx(
        0.4
    )


def test_diversify_keeps_one_prolific_author_from_filling_the_list():
    candidates = [(1.0 - i * 0.01, {"id": i, "author": "prolific", "lang": "en"}) for i in range(8)]
    candidates += [
        (0.7, {"id": 100, "author": "new", "lang": "en"}),
        (0.6, {"id": 101, "author": "other", "lang": "en"}),
    ]
    picked = scoring.diversify(candidates, 4, author_key=lambda x: [x["author"]], language_key=lambda x: x["lang"])
    authors = [item["author"] for _, item in picked]
    assert authors.count("prolific") <= 2
    assert "new" in authors


def test_diversify_keeps_one_language_from_filling_the_list():
    candidates = [(0.9, {"id": i, "author": f"a{i}", "lang": "en"}) for i in range(6)]
    candidates += [(0.5, {"id": 10, "author": "p", "lang": "pt"}), (0.4, {"id": 11, "author": "s", "lang": "sv"})]
    picked = scoring.diversify(candidates, 4, author_key=lambda x: [x["author"]], language_key=lambda x: x["lang"])
    langs = [item["lang"] for _, item in picked]
    assert langs.count("en") <= 2
    assert {"pt", "sv"} <= set(langs)


def test_diversify_fills_the_list_when_only_one_language_exists():
    candidates = [(0.9 - i / 10, {"author": f"a{i}", "lang": "en"}) for i in range(5)]
    picked = scoring.diversify(candidates, 4, author_key=lambda x: [x["author"]], language_key=lambda x: x["lang"])
    assert len(picked) == 4


def test_dismissal_penalty_grows_with_similarity():
    d = np.array([[1.0, 0.0]])
    assert scoring.dismissal_penalty(np.array([1.0, 0.0]), d) > scoring.dismissal_penalty(np.array([0.6, 0.8]), d)
    assert scoring.dismissal_penalty(np.array([0.0, 1.0]), d) == 0.0
    assert scoring.dismissal_penalty(np.array([1.0, 0.0]), None) == 0.0


def test_recall_and_ndcg():
    assert scoring.recall_at_k(["a", "x", "b"], ["a", "b"], 2) == 0.5
    assert scoring.ndcg_at_k(["a", "b"], ["a", "b"], 2) == pytest.approx(1.0)
    assert scoring.ndcg_at_k(["x", "a"], ["a"], 2) == pytest.approx(1 / math.log2(3))
    assert scoring.recall_at_k([], [], 5) == 0.0


def test_the_closest_text_comes_first_unless_it_is_a_near_tie():
    translation = {"id": "translation", "semantic": 0.60, "linked": False}
    look_alike = {"id": "look-alike", "semantic": 0.55, "linked": False}  # more shared tags, higher blend
    near_tie = {"id": "near-tie", "semantic": 0.59, "linked": False}
    semantic = lambda item: item["semantic"]  # noqa: E731
    assert scoring.best_match([(0.50, translation), (0.58, look_alike)], semantic) is translation
    assert scoring.best_match([(0.50, translation), (0.58, near_tie)], semantic) is near_tie
    linked = {"id": "adaptation", "semantic": 0.30, "linked": True}
    assert scoring.best_match([(0.50, translation), (0.70, linked)], semantic, linked=lambda i: i["linked"]) is linked
    assert scoring.best_match([], semantic) is None


def test_diversify_puts_the_given_first_item_first():
    candidates = [(0.9, {"author": "a", "lang": "en"}), (0.5, {"author": "b", "lang": "sv"})]
    first = candidates[1][1]
    picked = scoring.diversify(
        candidates, 2, author_key=lambda x: [x["author"]], language_key=lambda x: x["lang"], first=first
    )
    assert [item for _, item in picked] == [first, candidates[0][1]]


def test_dismissal_lowers_only_close_look_alikes_and_only_a_little():
    d = np.array([[1.0, 0.0]])
    assert scoring.dismissal_penalty(np.array([0.5, np.sqrt(0.75)]), d) == 0.0  # cosine 0.5: not a look-alike
    assert 0.0 < scoring.dismissal_penalty(np.array([1.0, 0.0]), d) <= 0.1
