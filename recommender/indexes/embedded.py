"""The embedded default: vectors stored in the database, searched in process.

Each kind (resource, person, ...) is one block with its own structure, picked by size:

- below EXACT_BELOW documents (20,000): an exact scan, one float32 matrix-vector product;
- above, when faiss is installed: HNSW (M 32) over 8-bit scalar-quantised vectors, about a
  quarter of the float32 memory plus the graph, its candidates re-ranked with the exact
  float32 vectors (kept in a memory-mapped file when the index is persisted). Without faiss
  the exact scan serves every size.
- above IVF_ABOVE documents: an inverted file (IVF, 4 * sqrt(n) lists) over the same 8-bit
  codes instead of the graph, re-ranked the same way. Its build is one k-means on a sample and
  one pass over the rows, where a graph's build grows faster than the rows and slows badly on
  busy cores; it needs no graph memory, and a publish adds to a list. At 1,000,000 x 384
  (bench/vectors.py) it found the exact top 10 where the graph found 93% of it, in about 4 ms,
  at a quarter of the float32 memory. A block keeps the structure it was built with.

Filters stay inside the search: the HNSW walk and the IVF scan only accept rows that pass them
(faiss's IDSelector; the IVF probes more lists when a filter leaves a smaller share of the
rows), and a query whose filters leave few rows (SELECTIVE_BELOW) scans just those rows
exactly. So a query for k hits returns k hits the viewer may see whenever that many exist.

A process keeps its blocks and catches up with the table when the shared version number (in
the cache) moves on: it reads only the rows written since it last looked, so a publish costs
one small query in every worker, not a reload. A replaced document is tombstoned and appended;
the graph or inverted file takes new rows as they come. Either is built in a background
thread; until it is ready its rows are scanned exactly. With PATH (default: beside a SQLite
database file) blocks are persisted there, so a process start reads files instead of rebuilding.
"""

import json
import logging
import threading
from pathlib import Path

import numpy as np
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils import timezone

from core.content_cache import forget_in_request, once_per_request

from .base import BaseVectorIndex, Hit, IndexDocument

logger = logging.getLogger(__name__)

VERSION_KEY = "recommender:embedded:version"
EXACT_BELOW = 20_000
SELECTIVE_BELOW = 4_096
HNSW_M = 32
EF_SEARCH = 96
RERANK = 200  # candidates re-ranked with float32 vectors
IVF_ABOVE = 250_000
NPROBE = 64  # lists an IVF probes when every row passes the filters
FORMAT = 1


def faiss_module():
    try:
        import faiss
    except ImportError:
        return None
    return faiss


class _Grow:
    """A numpy array that grows by doubling; .view() is the filled part."""

    def __init__(self, dtype, width=None, values=None):
        shape = (0,) if width is None else (0, width)
        self.data = np.zeros(shape, dtype=dtype) if values is None else np.asarray(values, dtype=dtype)
        self.n = len(self.data)

    def extend(self, values):
        values = np.asarray(values, dtype=self.data.dtype)
        need = self.n + len(values)
        if need > len(self.data) or not self.data.flags.writeable:
            capacity = max(need, 2 * len(self.data), 64)
            grown = np.zeros((capacity, *self.data.shape[1:]), dtype=self.data.dtype)
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n : need] = values
        self.n = need

    def view(self):
        return self.data[: self.n]


class _Codes:
    """Integer code per row for one attribute, so that filters are vectorised."""

    def __init__(self):
        self.ids = {}
        self.codes = _Grow(np.int32)

    def extend(self, values):
        self.codes.extend([self.ids.setdefault(v, len(self.ids)) for v in values])

    def matching(self, predicate):
        return [code for value, code in self.ids.items() if predicate(value)]


class _Block:
    """The documents of one kind: rows of metadata, float32 vectors and, when large, a graph."""

    def __init__(self, kind, dim):
        self.kind = kind
        self.dim = dim
        self.keys, self.groups, self.languages, self.licences, self.fields, self.updated = [], [], [], [], [], []
        self.audiences = []
        self.alive = _Grow(bool)
        self.vectors = _Grow(np.float32, dim)
        self.base = None  # memory-mapped float32 rows 0..len(base)-1 of a persisted block
        self.position = {}  # key -> row of its live document
        self.group_rows = {}
        self.adapters = {}  # based_on group -> {group: rows}
        self.codes = {name: _Codes() for name in ("group", "language", "licence", "audience")}
        self.ann = None  # faiss index over rows 0..ann.ntotal-1
        self.building = False
        self.revision = 0
        self._masks = {}
        self.lock = threading.RLock()

    @property
    def n(self):
        return len(self.keys)

    @property
    def live(self):
        return len(self.position)

    # -- rows ------------------------------------------------------------------

    def rows_vectors(self, rows):
        rows = np.asarray(rows, dtype=np.int64)
        if self.base is None:
            return self.vectors.view()[rows]
        nb = len(self.base)
        if not len(rows) or rows.max() < nb:
            # A plain view of the memmap gathers rows about twice as fast as the memmap itself.
            return np.take(self.base.view(np.ndarray), rows, axis=0)
        out = np.empty((len(rows), self.dim), dtype=np.float32)
        low = rows < nb
        out[low] = self.base[rows[low]]
        out[~low] = self.vectors.view()[rows[~low] - nb]
        return out

    def matrix(self, start=0):
        if self.base is None:
            return self.vectors.view()[start:]
        if start >= len(self.base):
            return self.vectors.view()[start - len(self.base) :]
        return np.vstack([self.base[start:], self.vectors.view()])

    def append(self, docs):
        """docs: dicts with key, group, language, audience, licence, fields, vector, updated."""
        docs = [d for d in docs if len(d["vector"]) == self.dim]
        if not docs:
            return
        self.remove([d["key"] for d in docs if d["key"] in self.position])
        start = self.n
        for offset, d in enumerate(docs):
            row = start + offset
            self.keys.append(d["key"])
            self.groups.append(d["group"])
            self.languages.append(d["language"])
            self.licences.append(d["licence"])
            self.audiences.append(frozenset(d["audience"]))
            self.fields.append(d["fields"])
            self.updated.append(d.get("updated"))
            self.position[d["key"]] = row
            self.group_rows.setdefault(d["group"], set()).add(row)
            based_on = d["fields"].get("based_on") if isinstance(d["fields"], dict) else None
            if based_on:
                self.adapters.setdefault(based_on, {}).setdefault(d["group"], set()).add(row)
        self.alive.extend(np.ones(len(docs), dtype=bool))
        self.vectors.extend(np.vstack([np.asarray(d["vector"], dtype=np.float32) for d in docs]))
        self.codes["group"].extend(self.groups[start:])
        self.codes["language"].extend(self.languages[start:])
        self.codes["licence"].extend(self.licences[start:])
        self.codes["audience"].extend(self.audiences[start:])
        self.changed()
        if self.ann is not None and not self.building:
            self.extend_ann()

    def remove(self, keys):
        for key in keys:
            row = self.position.pop(key, None)
            if row is None:
                continue
            self.alive.data[row] = False
            self.group_rows.get(self.groups[row], set()).discard(row)
            based_on = self.fields[row].get("based_on") if isinstance(self.fields[row], dict) else None
            if based_on:
                rows = self.adapters.get(based_on, {}).get(self.groups[row])
                if rows is not None:
                    rows.discard(row)
                    if not rows:
                        del self.adapters[based_on][self.groups[row]]
        self.changed()

    def changed(self):
        self.revision += 1
        self._masks = {}

    def document(self, row):
        return IndexDocument(
            key=self.keys[row],
            kind=self.kind,
            vector=self.rows_vectors([row])[0],
            group=self.groups[row],
            language=self.languages[row],
            audience=sorted(self.audiences[row]),
            licence=self.licences[row],
            fields=self.fields[row],
        )

    # -- structure ---------------------------------------------------------------

    def structure(self):
        if self.ann is None:
            return "exact"
        return "ivf-sq8" if isinstance(self.ann, faiss_module().IndexIVF) else "hnsw-sq8"

    def wants_ann(self, exact_below):
        return self.ann is None and not self.building and self.live >= exact_below and faiss_module() is not None

    def build_ann(self, ivf_above=IVF_ABOVE):
        """Build the structure over the rows there are now (slow; run in a thread), then add later rows:
        an HNSW graph, or above ivf_above rows an inverted file."""
        faiss = faiss_module()
        with self.lock:
            upto = self.n
            matrix = np.ascontiguousarray(self.matrix()[:upto])
        if upto > ivf_above:
            lists = ivf_lists(upto)
            ann = faiss.index_factory(self.dim, f"IVF{lists},SQ8", faiss.METRIC_INNER_PRODUCT)
            ann.cp.niter = 10  # k-means iterations: more change little for re-ranked candidates
            samples = max(100_000, 40 * lists)  # k-means wants 39 points a list or more
        else:
            ann = faiss.IndexHNSWSQ(self.dim, faiss.ScalarQuantizer.QT_8bit, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            samples = 100_000
        sample = matrix
        if len(matrix) > samples:
            sample = matrix[np.random.default_rng(0).choice(len(matrix), samples, replace=False)]
        ann.train(sample)
        ann.add(matrix)
        with self.lock:
            self.ann = ann
            self.building = False
            self.extend_ann()

    def extend_ann(self):
        with self.lock:
            if self.ann is not None and self.ann.ntotal < self.n:
                self.ann.add(np.ascontiguousarray(self.matrix(self.ann.ntotal)))

    # -- search ------------------------------------------------------------------

    def mask(self, query):
        """Rows that pass every filter of the query (audience, groups, languages, licences, keys)."""
        cache_key = (
            None if query.audience is None else frozenset(query.audience),
            tuple(query.languages),
            tuple(query.licences),
        )
        mask = self._masks.get(cache_key)
        if mask is None:
            mask = self.alive.view().copy()
            if query.audience is not None:
                tokens = set(query.audience)
                allowed = self.codes["audience"].matching(lambda audience: bool(audience & tokens))
                mask &= np.isin(self.codes["audience"].codes.view(), allowed)
            for name, values in (("language", query.languages), ("licence", query.licences)):
                if values:
                    wanted = [self.codes[name].ids[v] for v in values if v in self.codes[name].ids]
                    mask &= np.isin(self.codes[name].codes.view(), wanted)
            if len(self._masks) > 32:
                self._masks = {}
            self._masks[cache_key] = mask
        excluded = [row for group in query.exclude_groups for row in self.group_rows.get(group, ())]
        excluded += [self.position[key] for key in query.exclude_keys if key in self.position]
        if excluded:
            mask = mask.copy()
            mask[excluded] = False
        return mask

    def search(self, q, query):
        """[(score, row)] best first for the query vectors q (m x dim): a row scores its best match."""
        with self.lock:
            if self.n == 0:
                return []
            mask = self.mask(query)
            allowed = int(np.count_nonzero(mask))
            if allowed == 0:
                return []
            k = min(query.k, allowed)
            covered = self.ann.ntotal if self.ann is not None else 0
            if covered == 0 or allowed < SELECTIVE_BELOW:
                if allowed == self.n:
                    rows, scores = None, (self.matrix() @ q.T).max(axis=1)
                elif allowed * 4 > self.n:
                    # Most rows pass: one product over the matrix beats copying the rows out.
                    scores = np.where(mask, (self.matrix() @ q.T).max(axis=1), -np.inf)
                    return _top(scores, k)
                else:
                    rows = np.flatnonzero(mask)
                    scores = (self.rows_vectors(rows) @ q.T).max(axis=1)
                return _top(scores, k, rows)
            candidates = self._ann_candidates(q, mask[:covered], max(RERANK, 2 * k), allowed)
            tail = np.flatnonzero(mask[covered:]) + covered
            rows = np.concatenate([candidates, tail])
            if not len(rows):
                return []
            scores = (self.rows_vectors(rows) @ q.T).max(axis=1)
            return _top(scores, min(k, len(rows)), rows)

    def _ann_candidates(self, q, mask, fetch, allowed):
        faiss = faiss_module()
        if self.structure() == "ivf-sq8":
            params = faiss.SearchParametersIVF()
            # As many passing rows per query whatever the filter: a smaller share, more lists.
            share = max(allowed, 1) / self.n
            params.nprobe = min(self.ann.nlist, int(np.ceil(NPROBE / share)))
        else:
            params = faiss.SearchParametersHNSW()
            params.efSearch = max(EF_SEARCH, fetch)
        bitmap = np.packbits(mask, bitorder="little")
        selector = faiss.IDSelectorBitmap(len(mask), faiss.swig_ptr(bitmap))
        params.sel = selector
        _distances, ids = self.ann.search(np.ascontiguousarray(q, dtype=np.float32), fetch, params=params)
        ids = ids.ravel()
        return np.unique(ids[ids >= 0])

    # -- persistence -------------------------------------------------------------

    def save(self, folder, stamp):
        folder.mkdir(parents=True, exist_ok=True)
        with self.lock:
            live = sorted(self.position.values())
            vectors = self.rows_vectors(live)
            meta = {
                "format": FORMAT,
                "kind": self.kind,
                "dim": self.dim,
                "stamp": stamp,
                "rows": [
                    [
                        self.keys[r],
                        self.groups[r],
                        self.languages[r],
                        self.licences[r],
                        sorted(self.audiences[r]),
                        self.fields[r],
                        self.updated[r],
                    ]
                    for r in live
                ],
            }
            ann = None
            if self.ann is not None and live == list(range(self.ann.ntotal)) and self.ann.ntotal == self.n:
                ann = self.ann  # no tombstones: the graph's ids are the saved rows
        with open(folder / f"{self.kind}.npy.tmp", "wb") as out:
            np.save(out, vectors, allow_pickle=False)
        (folder / f"{self.kind}.npy.tmp").replace(folder / f"{self.kind}.npy")
        graph = folder / f"{self.kind}.faiss"
        if ann is not None:
            faiss_module().write_index(ann, str(graph) + ".tmp")
            Path(str(graph) + ".tmp").replace(graph)
        elif graph.exists():
            graph.unlink()
        (folder / f"{self.kind}.json.tmp").write_text(json.dumps(meta))
        (folder / f"{self.kind}.json.tmp").replace(folder / f"{self.kind}.json")

    @classmethod
    def load(cls, folder, kind):
        meta_path = folder / f"{kind}.json"
        meta = json.loads(meta_path.read_text())
        if meta.get("format") != FORMAT:
            return None, None
        block = cls(kind, meta["dim"])
        base = np.load(folder / f"{kind}.npy", mmap_mode="r")
        rows = meta["rows"]
        if len(base) != len(rows):
            return None, None
        for key, group, language, licence, audience, fields, updated in rows:
            row = block.n
            block.keys.append(key)
            block.groups.append(group)
            block.languages.append(language)
            block.licences.append(licence)
            block.audiences.append(frozenset(audience))
            block.fields.append(fields)
            block.updated.append(updated)
            block.position[key] = row
            block.group_rows.setdefault(group, set()).add(row)
            if isinstance(fields, dict) and fields.get("based_on"):
                block.adapters.setdefault(fields["based_on"], {}).setdefault(group, set()).add(row)
        block.alive.extend(np.ones(len(rows), dtype=bool))
        graph = folder / f"{kind}.faiss"
        faiss = faiss_module()
        if graph.exists() and faiss is not None:
            ann = faiss.read_index(str(graph))
            if ann.ntotal == len(rows):
                block.ann = ann
        if block.ann is not None:
            block.base = base  # large: the float32 rows stay on disk, read for re-ranking only
        else:
            block.vectors = _Grow(np.float32, values=np.array(base))
        for name, values in (
            ("group", block.groups),
            ("language", block.languages),
            ("licence", block.licences),
            ("audience", block.audiences),
        ):
            block.codes[name].extend(values)
        return block, meta["stamp"]


def ivf_lists(n):
    """Inverted lists for n rows: 4 * sqrt(n), so a probe of NPROBE lists reads about NPROBE * sqrt(n) / 4 rows."""
    return min(n, max(16, int(4 * np.sqrt(n))))


def _top(scores, k, rows=None):
    if k <= 0 or not len(scores):
        return []
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    picked = top if rows is None else rows[top]
    return list(zip(scores[top].tolist(), picked.tolist(), strict=True))


class EmbeddedIndex(BaseVectorIndex):
    def __init__(
        self, alias="default", path=None, exact_below=EXACT_BELOW, ivf_above=IVF_ABOVE, background=True, **options
    ):
        super().__init__(alias=alias, **options)
        self.exact_below = int(exact_below)
        self.ivf_above = int(ivf_above)
        self.background = bool(background)
        self._path = path
        self._blocks = None
        self._stamps = {}
        self._version = None
        self._lock = threading.RLock()
        self._threads = []

    # -- storage ---------------------------------------------------------------

    def _model(self):
        from recommender.models import EmbeddedVector

        return EmbeddedVector

    def folder(self):
        """Where blocks are persisted: PATH, or beside a SQLite database file; None keeps them in memory."""
        if self._path == "":
            return None
        if self._path:
            return Path(self._path) / self.alias
        from django.db import connection

        name = str(connection.settings_dict.get("NAME") or "")
        if connection.vendor != "sqlite" or not name or name == ":memory:" or name.startswith("file:"):
            return None
        return Path(f"{name}.vectors") / self.alias

    def upsert(self, documents):
        model = self._model()
        documents = list(documents)
        if not documents:
            return
        now = timezone.now()
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
                    updated_at=now,
                )
                (changed if row.pk else new).append(row)
            model.objects.bulk_create(new, batch_size=500)
            # updated_at is written explicitly: bulk_update skips auto_now, and other processes
            # catch up by reading the rows written since they last looked.
            model.objects.bulk_update(
                changed,
                ["kind", "group", "language", "audience", "licence", "fields", "vector", "updated_at"],
                batch_size=500,
            )
        self._bump()

    def delete(self, keys):
        keys = list(keys)
        if keys:
            self._model().objects.filter(key__in=keys).delete()
            self._bump()

    def clear(self):
        self._model().objects.all().delete()
        with self._lock:
            self._blocks = None
            self._stamps = {}
        folder = self.folder()
        if folder is not None and folder.exists():
            for path in folder.iterdir():
                path.unlink()
        self._bump()

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
        forget_in_request(VERSION_KEY)

    # -- keeping up with the table -------------------------------------------------

    def _db_stamps(self):
        rows = (
            self._model()
            .objects.values("kind")
            .annotate(n=Count("pk"), last=Max("updated_at"), first=Min("pk"))
            .order_by("kind")
        )
        return {r["kind"]: [r["n"], r["last"].isoformat() if r["last"] else "", r["first"]] for r in rows}

    def blocks(self):
        """{kind: _Block}, caught up with the table when the shared version moved on."""
        # A page view searches several times: the shared version is read once per request.
        version = once_per_request(VERSION_KEY, lambda: cache.get(VERSION_KEY))
        with self._lock:
            if self._blocks is None or version != self._version:
                self._catch_up()
                self._version = version
            return self._blocks

    def _catch_up(self):
        stamps = self._db_stamps()
        if self._blocks is None:
            self._blocks = self._load_persisted(stamps)
        for kind in set(self._blocks) - set(stamps):
            del self._blocks[kind]  # every document of the kind left
        saved = []
        for kind, stamp in stamps.items():
            if self._stamps.get(kind) == stamp:
                continue
            block = self._blocks.get(kind)
            qs = self._model().objects.filter(kind=kind)
            previous = self._stamps.get(kind)
            if block is not None and previous and previous[2] == stamp[2] and previous[1]:
                qs = qs.filter(updated_at__gte=previous[1])  # only what was written since
            else:
                block = None  # first look, or the table was emptied and filled again
            rows = list(
                qs.order_by("pk").values(
                    "key", "group", "language", "audience", "licence", "fields", "vector", "updated_at"
                )
            )
            docs = []
            for r in rows:
                updated = r["updated_at"].isoformat() if r["updated_at"] else ""
                if block is not None:
                    row = block.position.get(r["key"])
                    if row is not None and block.updated[row] == updated:
                        continue  # this process wrote it or read it already
                docs.append({**r, "vector": np.frombuffer(r["vector"], dtype=np.float32), "updated": updated})
            if block is None:
                dim = len(docs[0]["vector"]) if docs else 0
                block = self._blocks[kind] = _Block(kind, dim)
            with block.lock:
                block.append(docs)
                if block.live != stamp[0]:
                    # Something was deleted: the keys tell what.
                    present = set(self._model().objects.filter(kind=kind).values_list("key", flat=True))
                    block.remove([k for k in list(block.position) if k not in present])
            self._stamps[kind] = stamp
            self._maybe_build(block)
            if len(docs) > 1000 or (previous is None and block.ann is None):
                saved.append(kind)
        for kind in saved:
            self._persist(kind)

    def _load_persisted(self, stamps):
        blocks = {}
        folder = self.folder()
        if folder is None or not folder.exists():
            return blocks
        for kind in stamps:
            if not (folder / f"{kind}.json").exists():
                continue
            try:
                block, stamp = _Block.load(folder, kind)
            except (OSError, ValueError, KeyError, RuntimeError):
                logger.warning("Could not read the persisted %s vectors in %s; reading the table", kind, folder)
                continue
            if block is not None and stamp and stamp[2] == stamps[kind][2]:
                blocks[kind] = block
                self._stamps[kind] = stamp
        return blocks

    def _persist(self, kind):
        folder = self.folder()
        block = self._blocks.get(kind) if self._blocks else None
        if folder is None or block is None or block.building:
            return
        try:
            block.save(folder, self._stamps.get(kind))
        except OSError:
            logger.warning("Could not persist the %s vectors in %s", kind, folder)

    def _maybe_build(self, block):
        if not block.wants_ann(self.exact_below):
            return
        block.building = True

        def build():
            try:
                block.build_ann(self.ivf_above)
            except Exception:
                block.building = False
                logger.exception("Building the %s index failed; the exact scan goes on serving", block.kind)
                return
            with self._lock:
                self._persist(block.kind)

        if self.background:
            thread = threading.Thread(target=build, name=f"vectors-{block.kind}", daemon=True)
            self._threads.append(thread)
            thread.start()
        else:
            build()

    def wait(self):
        """Wait for graphs being built in the background (benchmarks, tests)."""
        for thread in list(self._threads):
            thread.join()
        self._threads = []

    def structure(self, kind):
        block = self.blocks().get(kind)
        return block.structure() if block is not None else None

    def memory_bytes(self, kind):
        """Resident bytes of a block's search structure (graph and codes, or the float32 matrix)."""
        block = self.blocks().get(kind)
        if block is None:
            return 0
        if block.ann is not None:
            faiss = faiss_module()
            return int(faiss.serialize_index(block.ann).nbytes)
        return int(block.vectors.view().nbytes)

    # -- reading -----------------------------------------------------------------

    def get(self, keys):
        blocks = self.blocks()
        found = {}
        for key in keys:
            kind = key.partition(":")[0]
            block = blocks.get(kind)
            if block is None:
                continue
            with block.lock:
                row = block.position.get(key)
                if row is not None:
                    found[key] = block.document(row)
        return found

    def group_documents(self, kind, group):
        block = self.blocks().get(kind)
        if block is None:
            return {}
        with block.lock:
            return {block.keys[row]: block.document(row) for row in sorted(block.group_rows.get(group, ()))}

    def groups_languages(self, kind, groups):
        block = self.blocks().get(kind)
        if block is None:
            return {group: {} for group in groups}
        with block.lock:
            return {
                group: {block.keys[row]: block.languages[row] for row in block.group_rows.get(group, ())}
                for group in groups
            }

    def adaptations_of(self, groups):
        block = self.blocks().get("resource")
        if block is None:
            return set()
        with block.lock:
            return {adapter for group in groups for adapter in block.adapters.get(group, {})}

    def vectors_for(self, keys):
        """{key: vector} from memory (no database round trip)."""
        return {key: doc.vector for key, doc in self.get(keys).items()}

    def knn(self, query):
        return self.knn_many([query.vector], query)

    def knn_many(self, vectors, query):
        """Best hits for several query vectors at once (a work's translations): score = the best of them."""
        if query.k <= 0:
            return []
        blocks = self.blocks()
        kinds = list(query.kinds) if query.kinds else sorted(blocks)
        q = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
        found = []
        for kind in kinds:
            block = blocks.get(kind)
            if block is None or not block.n or q.shape[1] != block.dim:
                continue
            for score, row in block.search(q, query):
                found.append((score, block, row))
        found.sort(key=lambda item: -item[0])
        return [
            Hit(
                key=block.keys[row],
                kind=block.kind,
                score=float(score),
                group=block.groups[row],
                language=block.languages[row],
                fields=block.fields[row],
            )
            for score, block, row in found[: query.k]
        ]
