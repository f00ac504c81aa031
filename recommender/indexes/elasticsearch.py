"""The Elasticsearch vector index: dense_vector kNN with every filter inside the kNN query.

Documents are unit vectors compared by dot product. Mappings are versioned;
a rebuild writes a new physical index and then swaps the alias in one
atomic request, so queries never meet an empty or half-built index.
Query building is pure functions (tests/recommender/test_elasticsearch_queries.py).
"""

import time
from contextlib import contextmanager

import numpy as np

from .base import BaseVectorIndex, Hit, IndexDocument, IndexUnavailable

MAPPING_VERSION = 1


def mapping(dimensions):
    return {
        "dynamic": "strict",
        "properties": {
            "key": {"type": "keyword"},
            "kind": {"type": "keyword"},
            "group": {"type": "keyword"},
            "language": {"type": "keyword"},
            "audience": {"type": "keyword"},
            "licence": {"type": "keyword"},
            "fields": {"type": "object", "enabled": False},
            "vector": {"type": "dense_vector", "dims": int(dimensions), "index": True, "similarity": "dot_product"},
        },
    }


def knn_filter(query):
    """The filter clause that goes *inside* the knn section."""
    must, must_not = [], []
    if query.kinds:
        must.append({"terms": {"kind": list(query.kinds)}})
    if query.audience is not None:
        must.append({"terms": {"audience": list(query.audience)}})
    if query.languages:
        must.append({"terms": {"language": list(query.languages)}})
    if query.licences:
        must.append({"terms": {"licence": list(query.licences)}})
    if query.exclude_groups:
        must_not.append({"terms": {"group": sorted(query.exclude_groups)}})
    if query.exclude_keys:
        must_not.append({"terms": {"key": sorted(query.exclude_keys)}})
    return {"bool": {"filter": must, "must_not": must_not}}


def knn_body(query, num_candidates_factor=10):
    k = int(query.k)
    return {
        "knn": {
            "field": "vector",
            "query_vector": [float(x) for x in np.asarray(query.vector, dtype=np.float32)],
            "k": k,
            "num_candidates": max(100, k * num_candidates_factor),
            "filter": knn_filter(query),
        },
        "size": k,
        "_source": ["key", "kind", "group", "language", "fields"],
    }


def document_body(doc):
    return {
        "key": doc.key,
        "kind": doc.kind,
        "group": doc.group,
        "language": doc.language or "",
        "audience": list(doc.audience),
        "licence": doc.licence or "",
        "fields": doc.fields,
        "vector": [float(x) for x in np.asarray(doc.vector, dtype=np.float32)],
    }


def cosine_from_score(score):
    """Elasticsearch reports dot_product similarity as (1 + dot) / 2."""
    return 2.0 * float(score) - 1.0


def alias_swap_actions(alias, new_index, old_indexes):
    actions = [{"add": {"index": new_index, "alias": alias}}]
    actions += [{"remove": {"index": old, "alias": alias}} for old in old_indexes]
    return actions


class ElasticsearchIndex(BaseVectorIndex):
    def __init__(
        self,
        alias="elasticsearch",
        urls=None,
        index_name="kollega-vectors",
        dimensions=384,
        refresh=False,
        timeout=5,
        **options,
    ):
        super().__init__(alias=alias, **options)
        if not urls:
            raise ValueError("ElasticsearchIndex needs URLS")
        from elasticsearch import Elasticsearch

        self.client = Elasticsearch(urls if isinstance(urls, list) else [urls], request_timeout=timeout)
        self.alias_name = index_name
        self.dimensions = int(dimensions)
        self.refresh = "wait_for" if refresh else False

    # Everything the client raises on a network or server failure becomes IndexUnavailable.
    def _call(self, fn, *args, **kwargs):
        from elasticsearch import ApiError, TransportError

        try:
            return fn(*args, **kwargs)
        except (TransportError, ApiError) as exc:
            raise IndexUnavailable(str(exc)) from exc

    def ensure(self):
        if not self._call(self.client.indices.exists_alias, name=self.alias_name):
            name = self.new_physical_index()
            self._call(self.client.indices.update_aliases, actions=alias_swap_actions(self.alias_name, name, []))

    def new_physical_index(self):
        name = f"{self.alias_name}-v{MAPPING_VERSION}-{int(time.time() * 1000)}"
        self._call(self.client.indices.create, index=name, mappings=mapping(self.dimensions))
        return name

    def swap_to(self, new_index):
        """Point the alias at new_index and drop the indexes it pointed at before."""
        try:
            old = list(self._call(self.client.indices.get_alias, name=self.alias_name).keys())
        except IndexUnavailable:
            old = []
        self._call(self.client.indices.update_aliases, actions=alias_swap_actions(self.alias_name, new_index, old))
        for name in old:
            self._call(self.client.indices.delete, index=name)

    @contextmanager
    def rebuilding(self):
        """Write a fresh physical index, then point the alias at it in one request."""
        name = self.new_physical_index()
        target = _PhysicalIndex(self, name)
        try:
            yield target
        except Exception:
            self._call(self.client.indices.delete, index=name)
            raise
        self.swap_to(name)

    def upsert(self, documents, index=None):
        from elasticsearch import helpers

        self.ensure()
        actions = [
            {"_op_type": "index", "_index": index or self.alias_name, "_id": doc.key, "_source": document_body(doc)}
            for doc in documents
        ]
        if actions:
            self._call(helpers.bulk, self.client, actions, refresh=self.refresh)

    def delete(self, keys):
        keys = list(keys)
        if not keys:
            return
        self.ensure()
        self._call(
            self.client.delete_by_query,
            index=self.alias_name,
            query={"terms": {"key": keys}},
            refresh=bool(self.refresh),
            conflicts="proceed",
        )

    def clear(self):
        self.ensure()
        self._call(
            self.client.delete_by_query,
            index=self.alias_name,
            query={"match_all": {}},
            refresh=bool(self.refresh),
            conflicts="proceed",
        )

    def drop(self):
        try:
            for name in self._call(self.client.indices.get_alias, name=self.alias_name):
                self._call(self.client.indices.delete, index=name)
        except IndexUnavailable:
            pass

    def knn(self, query):
        self.ensure()
        response = self._call(self.client.search, index=self.alias_name, **knn_body(query))
        return [
            Hit(
                key=h["_source"]["key"],
                kind=h["_source"]["kind"],
                score=cosine_from_score(h["_score"]),
                group=h["_source"]["group"],
                language=h["_source"]["language"],
                fields=h["_source"]["fields"],
            )
            for h in response["hits"]["hits"]
        ]

    def get(self, keys):
        keys = list(keys)
        if not keys:
            return {}
        self.ensure()
        response = self._call(self.client.mget, index=self.alias_name, ids=keys)
        found = {}
        for d in response["docs"]:
            if d.get("found"):
                s = d["_source"]
                found[s["key"]] = IndexDocument(
                    key=s["key"],
                    kind=s["kind"],
                    vector=np.asarray(s["vector"], dtype=np.float32),
                    group=s["group"],
                    language=s["language"],
                    audience=s["audience"],
                    licence=s["licence"],
                    fields=s["fields"],
                )
        return found

    def keys(self, kind=None):
        from elasticsearch import helpers

        self.ensure()
        query = {"term": {"kind": kind}} if kind else {"match_all": {}}
        return {
            h["_source"]["key"]
            for h in helpers.scan(self.client, index=self.alias_name, query={"query": query}, _source=["key"])
        }

    def count(self, kind=None):
        self.ensure()
        query = {"term": {"kind": kind}} if kind else {"match_all": {}}
        return self._call(self.client.count, index=self.alias_name, query=query)["count"]


class _PhysicalIndex(ElasticsearchIndex):
    """The same engine bound to one physical index (during a rebuild), sharing the client."""

    def __init__(self, parent, name):  # super().__init__ is skipped on purpose: no new client
        self.alias = parent.alias
        self.options = parent.options
        self.client = parent.client
        self.alias_name = name
        self.dimensions = parent.dimensions
        self.refresh = parent.refresh

    def ensure(self):
        pass
