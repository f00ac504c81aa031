"""An index that lives only in this process: for evaluations and experiments, never for the site."""

import numpy as np

from .embedded import EmbeddedIndex, _Snapshot


class MemoryIndex(EmbeddedIndex):
    def __init__(self, alias="memory", **options):
        super().__init__(alias=alias, **options)
        self._docs = {}

    def upsert(self, documents):
        for doc in documents:
            self._docs[doc.key] = doc
        self._snapshot = None

    def delete(self, keys):
        for key in keys:
            self._docs.pop(key, None)
        self._snapshot = None

    def clear(self):
        self._docs.clear()
        self._snapshot = None

    def get(self, keys):
        return {key: self._docs[key] for key in keys if key in self._docs}

    def keys(self, kind=None):
        return {key for key, doc in self._docs.items() if not kind or doc.kind == kind}

    def count(self, kind=None):
        return len(self.keys(kind))

    def snapshot(self):
        if self._snapshot is None:
            rows = [
                {
                    "key": d.key,
                    "kind": d.kind,
                    "group": d.group,
                    "language": d.language,
                    "audience": d.audience,
                    "licence": d.licence,
                    "fields": d.fields,
                    "vector": np.asarray(d.vector, dtype=np.float32).tobytes(),
                }
                for d in self._docs.values()
            ]
            self._snapshot = _Snapshot(rows)
        return self._snapshot
