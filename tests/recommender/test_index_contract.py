"""The vector index contract, written once and run against every engine.

The embedded engine always runs. The Elasticsearch engine runs only when
ELASTICSEARCH_URL points at a live server; no Elasticsearch server can be
installed on the project's build machines, so there it is skipped (and the
skip reason says so).
"""

import os
import uuid

import numpy as np
import pytest

from recommender.indexes.base import IndexDocument, KnnQuery


def vec(*values, dim=8):
    v = np.zeros(dim, dtype=np.float32)
    v[: len(values)] = values
    return v / np.linalg.norm(v)


def doc(key, vector, group=None, kind="resource", language="en", audience=("public",), licence="", **fields):
    return IndexDocument(
        key=key,
        kind=kind,
        vector=vector,
        group=group or key,
        language=language,
        audience=list(audience),
        licence=licence,
        fields=fields,
    )


class VectorIndexContract:
    """Subclasses provide an `index` fixture returning an empty index."""

    def test_nearest_documents_come_first(self, index):
        index.upsert([doc("resource:1", vec(1, 0)), doc("resource:2", vec(0.8, 0.6)), doc("resource:3", vec(0, 1))])
        hits = index.knn(KnnQuery(vector=vec(1, 0), k=3))
        assert [h.key for h in hits] == ["resource:1", "resource:2", "resource:3"]
        assert hits[0].score == pytest.approx(1.0, abs=1e-4)
        assert hits[1].score == pytest.approx(0.8, abs=1e-4)

    def test_k_limits_the_hits(self, index):
        index.upsert([doc(f"resource:{i}", vec(1, i / 10)) for i in range(10)])
        assert len(index.knn(KnnQuery(vector=vec(1, 0), k=4))) == 4

    def test_kind_filter_applies_inside_the_search(self, index):
        index.upsert(
            [doc("resource:1", vec(1, 0)), doc("person:1", vec(1, 0), kind="person")]
            + [doc(f"resource:{i}", vec(1, 0.01 * i)) for i in range(2, 6)]
        )
        hits = index.knn(KnnQuery(vector=vec(1, 0), k=1, kinds=("person",)))
        assert [h.key for h in hits] == ["person:1"]

    def test_audience_filter_hides_documents_the_viewer_may_not_see(self, index):
        index.upsert(
            [
                doc("resource:1", vec(1, 0), audience=["group:7"]),
                doc("resource:2", vec(0.9, 0.1)),
            ]
        )
        anonymous = index.knn(KnnQuery(vector=vec(1, 0), k=5, audience=["public"]))
        member = index.knn(KnnQuery(vector=vec(1, 0), k=5, audience=["public", "group:7"]))
        assert [h.key for h in anonymous] == ["resource:2"]
        assert [h.key for h in member] == ["resource:1", "resource:2"]

    def test_a_document_with_no_audience_is_never_found_by_a_filtered_query(self, index):
        index.upsert([doc("resource:1", vec(1, 0), audience=[])])
        assert index.knn(KnnQuery(vector=vec(1, 0), k=5, audience=["public"])) == []

    def test_excluded_groups_and_keys(self, index):
        index.upsert(
            [
                doc("resource:1", vec(1, 0), group="g1"),
                doc("resource:2", vec(1, 0.1), group="g1"),
                doc("resource:3", vec(1, 0.2), group="g2"),
                doc("resource:4", vec(1, 0.3), group="g3"),
            ]
        )
        hits = index.knn(
            KnnQuery(vector=vec(1, 0), k=5, exclude_groups=frozenset({"g1"}), exclude_keys=frozenset({"resource:4"}))
        )
        assert [h.key for h in hits] == ["resource:3"]

    def test_language_and_licence_filters(self, index):
        index.upsert(
            [
                doc("resource:1", vec(1, 0), language="sv", licence="by"),
                doc("resource:2", vec(1, 0.1), language="de", licence="by-nd"),
                doc("resource:3", vec(1, 0.2), language="de", licence="by"),
            ]
        )
        assert [h.key for h in index.knn(KnnQuery(vector=vec(1, 0), k=5, languages=("de",)))] == [
            "resource:2",
            "resource:3",
        ]
        assert [h.key for h in index.knn(KnnQuery(vector=vec(1, 0), k=5, licences=("by",)))] == [
            "resource:1",
            "resource:3",
        ]

    def test_upsert_replaces_a_document(self, index):
        index.upsert([doc("resource:1", vec(1, 0), title="old")])
        index.upsert([doc("resource:1", vec(0, 1), title="new")])
        assert index.count() == 1
        hit = index.knn(KnnQuery(vector=vec(0, 1), k=1))[0]
        assert hit.key == "resource:1" and hit.fields["title"] == "new"

    def test_get_returns_vectors_and_metadata(self, index):
        index.upsert([doc("resource:1", vec(0.6, 0.8), group="g", language="pt", subjects=["biology"])])
        found = index.get(["resource:1", "resource:404"])
        assert list(found) == ["resource:1"]
        assert np.allclose(found["resource:1"].vector, vec(0.6, 0.8), atol=1e-5)
        assert found["resource:1"].fields["subjects"] == ["biology"]
        assert found["resource:1"].language == "pt"

    def test_delete_and_clear(self, index):
        index.upsert([doc("resource:1", vec(1, 0)), doc("resource:2", vec(0, 1))])
        index.delete(["resource:1"])
        assert index.keys() == {"resource:2"}
        assert [h.key for h in index.knn(KnnQuery(vector=vec(1, 0), k=5))] == ["resource:2"]
        index.clear()
        assert index.count() == 0
        assert index.knn(KnnQuery(vector=vec(1, 0), k=5)) == []


@pytest.mark.django_db
class TestEmbeddedIndex(VectorIndexContract):
    @pytest.fixture
    def index(self):
        from django.core.cache import cache

        from recommender.indexes.embedded import EmbeddedIndex

        cache.clear()
        return EmbeddedIndex(alias="contract")


ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")


@pytest.mark.elasticsearch
@pytest.mark.skipif(
    not ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set: no Elasticsearch server can be installed on this machine, "
    "so the Elasticsearch vector index contract is skipped",
)
class TestElasticsearchIndex(VectorIndexContract):
    @pytest.fixture
    def index(self):
        from recommender.indexes.elasticsearch import ElasticsearchIndex

        index = ElasticsearchIndex(
            alias="contract",
            urls=[ELASTICSEARCH_URL],
            index_name=f"kollega-test-{uuid.uuid4().hex[:8]}",
            dimensions=8,
            refresh=True,
        )
        yield index
        index.drop()


@pytest.mark.django_db
def test_a_full_rebuild_writes_a_new_index_while_the_old_one_keeps_answering():
    """rebuild() writes through the engine's rebuilding() hook (Elasticsearch: new index + alias swap)."""
    from contextlib import contextmanager

    from recommender import conf
    from recommender.indexes.memory import MemoryIndex
    from recommender.rebuild import rebuild
    from tests import factories as f

    seen_during_rebuild = []

    class SwappingIndex(MemoryIndex):
        @contextmanager
        def rebuilding(self):
            live = self

            class Fresh(MemoryIndex):
                def upsert(self, documents):
                    seen_during_rebuild.append(sorted(live.keys()))
                    super().upsert(documents)

            fresh = Fresh()
            yield fresh
            self._blocks = fresh._blocks

    index = SwappingIndex()
    index.upsert([doc("resource:999999", vec(1, 0))])
    conf._instances[("index", conf.get_config().index_alias)] = index
    a = f.resource("Photosynthesis in the garden")
    b = f.resource("Plants and light")
    rebuild()
    assert seen_during_rebuild and all(keys == ["resource:999999"] for keys in seen_during_rebuild)
    assert index.keys() == {f"resource:{a.pk}", f"resource:{b.pk}"}
