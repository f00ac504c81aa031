"""The vector index interface, shaped after Elasticsearch's dense_vector kNN with filters.

Filters (kind, audience, language, licence, excluded groups and keys) are
applied *inside* the nearest-neighbour search, never after it, so that a
query for k hits returns k hits the viewer may see whenever that many exist.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np


class IndexUnavailable(RuntimeError):
    """The index cannot answer now (server down, storage missing)."""


@dataclass
class IndexDocument:
    key: str  # "<kind>:<pk>", e.g. "resource:42"
    kind: str  # resource, unit, community, project, person
    vector: np.ndarray  # unit-length, language-centred when the encoder asks for it
    group: str  # translation key for pages (translations are one work); the key for people
    language: str = ""
    audience: list = field(default_factory=list)  # privacy tokens, see communities.privacy
    licence: str = ""
    fields: dict = field(default_factory=dict)  # metadata the scorer reads: subjects, levels, tags, people, ...


@dataclass
class KnnQuery:
    vector: np.ndarray
    k: int = 10
    kinds: tuple = ()
    audience: list | None = None  # the viewer's tokens; a document matches when they share one
    exclude_groups: frozenset = frozenset()
    exclude_keys: frozenset = frozenset()
    languages: tuple = ()
    licences: tuple = ()


@dataclass(slots=True)
class Hit:
    key: str
    kind: str
    score: float  # cosine similarity (dot product of unit vectors)
    group: str
    language: str
    fields: dict


class BaseVectorIndex:
    def __init__(self, alias="default", **options):
        self.alias = alias
        self.options = options

    def upsert(self, documents):
        raise NotImplementedError

    def delete(self, keys):
        raise NotImplementedError

    def knn(self, query):
        """Up to query.k hits, best first, every filter applied inside the search."""
        raise NotImplementedError

    def knn_many(self, vectors, query):
        """Best hits for several query vectors (a work's translations); a hit scores its best match.

        Engines that can score a matrix at once override this; the default asks once per vector.
        """
        from dataclasses import replace

        best = {}
        for vector in vectors:
            for hit in self.knn(replace(query, vector=vector)):
                if hit.key not in best or hit.score > best[hit.key].score:
                    best[hit.key] = hit
        return sorted(best.values(), key=lambda h: h.score, reverse=True)[: query.k]

    def get(self, keys):
        """{key: IndexDocument} for the keys that are indexed."""
        raise NotImplementedError

    def group_documents(self, kind, group):
        """{key: IndexDocument} of one work's indexed translations, or None when the engine cannot
        tell without a round trip (the caller then asks the database)."""
        return None

    def groups_languages(self, kind, groups):
        """{group: {key: language}} of these works' indexed translations, or None when the engine
        cannot tell for one of them (as group_documents)."""
        found = {}
        for group in groups:
            docs = self.group_documents(kind, group)
            if docs is None:
                return None
            found[group] = {key: doc.language for key, doc in docs.items()}
        return found

    def adaptations_of(self, groups):
        """Groups of the indexed materials that adapt one of `groups` (fields["based_on"]), or None
        when the engine cannot tell without a round trip."""
        return None

    def keys(self, kind=None):
        raise NotImplementedError

    def count(self, kind=None):
        return len(self.keys(kind))

    def clear(self):
        raise NotImplementedError

    @contextmanager
    def rebuilding(self):
        """Where a full rebuild writes. Engines with aliases write a new index and swap at the end,
        so queries never meet a half-built index; the default writes in place."""
        yield self
