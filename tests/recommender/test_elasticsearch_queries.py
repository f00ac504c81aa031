"""The Elasticsearch vector index builds the queries we intend: filters inside the kNN section."""

import numpy as np

from recommender.indexes.base import IndexDocument, KnnQuery
from recommender.indexes.elasticsearch import (
    alias_swap_actions,
    cosine_from_score,
    document_body,
    knn_body,
    mapping,
)


def test_mapping_is_a_dot_product_dense_vector_with_keyword_filters():
    m = mapping(384)
    assert m["properties"]["vector"] == {
        "type": "dense_vector",
        "dims": 384,
        "index": True,
        "similarity": "dot_product",
    }
    for name in ("kind", "group", "language", "audience", "licence", "key"):
        assert m["properties"][name]["type"] == "keyword"


def test_every_filter_sits_inside_the_knn_section():
    q = KnnQuery(
        vector=np.array([0.6, 0.8]),
        k=6,
        kinds=("resource",),
        audience=["public", "group:3"],
        exclude_groups=frozenset({"g2", "g1"}),
        exclude_keys=frozenset({"resource:9"}),
        languages=("sv",),
        licences=("https://creativecommons.org/licenses/by/4.0/",),
    )
    body = knn_body(q)
    assert "query" not in body  # no post-filtering outside the kNN
    knn = body["knn"]
    assert knn["k"] == 6 and knn["num_candidates"] >= 100 and body["size"] == 6
    assert knn["query_vector"] == [0.6000000238418579, 0.800000011920929]
    assert {"terms": {"kind": ["resource"]}} in knn["filter"]["bool"]["filter"]
    assert {"terms": {"audience": ["public", "group:3"]}} in knn["filter"]["bool"]["filter"]
    assert {"terms": {"language": ["sv"]}} in knn["filter"]["bool"]["filter"]
    assert {"terms": {"group": ["g1", "g2"]}} in knn["filter"]["bool"]["must_not"]
    assert {"terms": {"key": ["resource:9"]}} in knn["filter"]["bool"]["must_not"]


def test_an_unfiltered_query_has_empty_filter_lists():
    body = knn_body(KnnQuery(vector=np.array([1.0]), k=3))
    assert body["knn"]["filter"] == {"bool": {"filter": [], "must_not": []}}


def test_scores_convert_back_to_cosine():
    assert cosine_from_score(1.0) == 1.0
    assert cosine_from_score(0.5) == 0.0
    assert cosine_from_score(0.0) == -1.0


def test_document_body_carries_the_audience_and_a_plain_list_vector():
    doc = IndexDocument(
        key="person:1",
        kind="person",
        vector=np.array([1.0, 0.0], dtype=np.float32),
        group="person:1",
        audience=["self:1", "country:SE"],
        fields={"name": "Anna"},
    )
    body = document_body(doc)
    assert body["vector"] == [1.0, 0.0] and body["audience"] == ["self:1", "country:SE"]


def test_a_rebuild_swaps_the_alias_in_one_request():
    actions = alias_swap_actions("kollega-vectors", "kollega-vectors-v1-2", ["kollega-vectors-v1-1"])
    assert actions == [
        {"add": {"index": "kollega-vectors-v1-2", "alias": "kollega-vectors"}},
        {"remove": {"index": "kollega-vectors-v1-1", "alias": "kollega-vectors"}},
    ]
