"""An index that lives only in this process: for evaluations and experiments, never for the site."""

import numpy as np

from .embedded import EmbeddedIndex, _Block


class MemoryIndex(EmbeddedIndex):
    def __init__(self, alias="memory", **options):
        options.setdefault("background", False)
        super().__init__(alias=alias, **options)
        self._blocks = {}

    def upsert(self, documents):
        by_kind = {}
        for doc in documents:
            by_kind.setdefault(doc.kind, []).append(
                {
                    "key": doc.key,
                    "group": doc.group,
                    "language": doc.language or "",
                    "audience": list(doc.audience),
                    "licence": doc.licence or "",
                    "fields": doc.fields,
                    "vector": np.asarray(doc.vector, dtype=np.float32),
                }
            )
        for kind, docs in by_kind.items():
            block = self._blocks.get(kind)
            if block is None:
                block = self._blocks[kind] = _Block(kind, len(docs[0]["vector"]))
            block.append(docs)
            self._maybe_build(block)

    def delete(self, keys):
        for key in keys:
            block = self._blocks.get(key.partition(":")[0])
            if block is not None:
                block.remove([key])

    def clear(self):
        self._blocks = {}

    def blocks(self):
        return self._blocks

    def keys(self, kind=None):
        return {key for k, block in self._blocks.items() if not kind or k == kind for key in block.position}

    def count(self, kind=None):
        return len(self.keys(kind))
