"""The embedded default: vectors stored in the database, searched exactly in process with numpy.

Exact search over a float32 matrix is a single matrix-vector product
(100k x 384 is about 40 MFLOP); bench/ measures it. Each process keeps a
snapshot of the table and reloads it when the shared version number (kept in
the cache, so every worker sees it) moves on.
"""

import threading

import numpy as np
from django.core.cache import cache
from django.db import transaction

from .base import BaseVectorIndex, Hit, IndexDocument

VERSION_KEY = "recommender:embedded:version"


class _Snapshot:
    def __init__(self, rows):
        self.keys = [r["key"] for r in rows]
        self.position = {key: i for i, key in enumerate(self.keys)}
        self.kinds = np.array([r["kind"] for r in rows], dtype=object)
        self.groups = [r["group"] for r in rows]
        self.group_codes, self.group_ids = _codes(self.groups)
        self.languages = np.array([r["language"] for r in rows], dtype=object)
        self.licences = np.array([r["licence"] for r in rows], dtype=object)
        self.audiences = [frozenset(r["audience"]) for r in rows]
        self.audience_codes, self.audience_ids = _codes(self.audiences)
        self.fields = [r["fields"] for r in rows]
        dim = max((len(r["vector"]) // 4 for r in rows), default=0)
        self.vectors = np.zeros((len(rows), dim), dtype=np.float32)
        for i, r in enumerate(rows):
            self.vectors[i] = np.frombuffer(r["vector"], dtype=np.float32)
        self.kind_masks = {kind: self.kinds == kind for kind in set(self.kinds.tolist())}
        # One contiguous block per kind, so a query for resources multiplies only
        # the resource rows and never copies the matrix.
        self.kind_rows = {kind: np.flatnonzero(mask) for kind, mask in self.kind_masks.items()}
        self.kind_vectors = {kind: np.ascontiguousarray(self.vectors[rows]) for kind, rows in self.kind_rows.items()}


def _codes(values):
    """Integer code per row and {value: code}, so that filters are vectorised."""
    mapping = {}
    codes = np.empty(len(values), dtype=np.int32)
    for i, value in enumerate(values):
        codes[i] = mapping.setdefault(value, len(mapping))
    return codes, mapping


class EmbeddedIndex(BaseVectorIndex):
    def __init__(self, alias="default", **options):
        super().__init__(alias=alias, **options)
        self._snapshot = None
        self._version = None
        self._lock = threading.Lock()

    # -- storage ---------------------------------------------------------------

    def _model(self):
        from recommender.models import EmbeddedVector

        return EmbeddedVector

    def upsert(self, documents):
        model = self._model()
        documents = list(documents)
        if not documents:
            return
        with transaction.atomic():
            existing = dict(model.objects.filter(key__in=[d.key for d in documents]).values_list("key", "pk"))
            new, changed = [], []
            for doc in documents:
                row = model(
                    pk=existing.get(doc.key),
                    key=doc.key,
                    kind=doc.kind,
                    group=doc.group,
                    language=doc.language or "",
                    audience=list(doc.audience),
                    licence=doc.licence or "",
                    fields=doc.fields,
                    vector=np.asarray(doc.vector, dtype=np.float32).tobytes(),
                )
                (changed if row.pk else new).append(row)
            model.objects.bulk_create(new, batch_size=500)
            model.objects.bulk_update(
                changed, ["kind", "group", "language", "audience", "licence", "fields", "vector"], batch_size=500
            )
        self._bump()

    def delete(self, keys):
        keys = list(keys)
        if keys:
            self._model().objects.filter(key__in=keys).delete()
            self._bump()

    def clear(self):
        self._model().objects.all().delete()
        self._bump()

    def get(self, keys):
        # The snapshot holds every document already; reading it saves a query and the JSON decoding.
        snap = self.snapshot()
        found = {}
        for key in keys:
            row = snap.position.get(key)
            if row is not None:
                found[key] = IndexDocument(
                    key=key,
                    kind=snap.kinds[row],
                    vector=snap.vectors[row],
                    group=snap.groups[row],
                    language=snap.languages[row],
                    audience=sorted(snap.audiences[row]),
                    licence=snap.licences[row],
                    fields=snap.fields[row],
                )
        return found

    def keys(self, kind=None):
        qs = self._model().objects.all()
        if kind:
            qs = qs.filter(kind=kind)
        return set(qs.values_list("key", flat=True))

    def count(self, kind=None):
        qs = self._model().objects.all()
        return qs.filter(kind=kind).count() if kind else qs.count()

    def _bump(self):
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.set(VERSION_KEY, 1, None)
        self._snapshot = None

    # -- search ----------------------------------------------------------------

    def snapshot(self):
        version = cache.get(VERSION_KEY)
        with self._lock:
            if self._snapshot is None or version != self._version:
                rows = list(
                    self._model().objects.values(
                        "key", "kind", "group", "language", "audience", "licence", "fields", "vector"
                    )
                )
                self._snapshot = _Snapshot(rows)
                self._version = version
            return self._snapshot

    def knn(self, query):
        return self.knn_many([query.vector], query)

    def knn_many(self, vectors, query):
        """Best hits for several query vectors at once (a work's translations): score = the best of them."""
        snap = self.snapshot()
        n = len(snap.keys)
        if n == 0 or query.k <= 0:
            return []
        kinds = list(query.kinds) if query.kinds else None
        if kinds and len(kinds) == 1:
            rows = snap.kind_rows.get(kinds[0])
            if rows is None:
                return []
            matrix = snap.kind_vectors[kinds[0]]
        elif kinds:
            rows = np.flatnonzero(np.isin(snap.kinds, kinds))
            matrix = snap.vectors[rows]
        else:
            rows, matrix = None, snap.vectors
        mask = np.ones(matrix.shape[0], dtype=bool)

        def restrict(full_mask):
            return full_mask if rows is None else full_mask[rows]

        if query.audience is not None:
            tokens = set(query.audience)
            allowed = [code for audience, code in snap.audience_ids.items() if audience & tokens]
            mask &= restrict(np.isin(snap.audience_codes, allowed))
        if query.exclude_groups:
            excluded = [snap.group_ids[g] for g in query.exclude_groups if g in snap.group_ids]
            if excluded:
                mask &= ~restrict(np.isin(snap.group_codes, excluded))
        if query.languages:
            mask &= restrict(np.isin(snap.languages, list(query.languages)))
        if query.licences:
            mask &= restrict(np.isin(snap.licences, list(query.licences)))
        if query.exclude_keys:
            full = np.ones(n, dtype=bool)
            for key in query.exclude_keys:
                pos = snap.position.get(key)
                if pos is not None:
                    full[pos] = False
            mask &= restrict(full)
        if not mask.any():
            return []
        q = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
        scores = (matrix @ q.T).max(axis=1)
        scores = np.where(mask, scores, -np.inf)
        k = min(query.k, int(mask.sum()))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        hits = []
        for i in top:
            row = i if rows is None else rows[i]
            hits.append(
                Hit(
                    key=snap.keys[row],
                    kind=snap.kinds[row],
                    score=float(scores[i]),
                    group=snap.groups[row],
                    language=snap.languages[row],
                    fields=snap.fields[row],
                )
            )
        return hits

    def vectors_for(self, keys):
        """{key: vector} from the snapshot (no database round trip)."""
        snap = self.snapshot()
        return {key: snap.vectors[snap.position[key]] for key in keys if key in snap.position}
