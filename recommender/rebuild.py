"""Rebuild every vector: encode what changed, recompute language means, re-index, resumable.

The encoder runs in a thread of its own with every core (REBUILD_THREADS) while this thread
reads the next batch's texts and writes the previous batch's vectors, so the database work
hides behind the encoding instead of adding to it.
"""

import time
from concurrent.futures import ThreadPoolExecutor

from . import conf, pipeline, services
from .documents import PAGE_KINDS, indexable
from .models import RebuildState

BATCH = 128
META_LIMIT = 50_000  # metadata kept from the encode phase for the index phase (memory bound)


def _batches(queryset, start_after, size):
    last = start_after
    while True:
        batch = list(queryset.filter(pk__gt=last)[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def rebuild(progress=None, resume=False, batch_size=BATCH, known=None):
    """Re-encode (only what changed) and re-index everything. Returns figures for reports.

    progress(phase, done, total) is called after every batch. With resume, an
    interrupted run continues after the last object it finished. `known`
    ({sha256 of a text: raw vector} made by this encoder's model, e.g. the demo's
    shipped vectors) is used before encoding.
    """
    encoder = conf.get_encoder()
    index = conf.get_index()
    threads = conf.get_config().rebuild_threads
    state, created = RebuildState.objects.get_or_create(model_id=encoder.model_id)
    if not resume or created or state.done:
        state.last_key, state.done = "", False
        state.save()
    figures = {"encoded_texts": 0, "encode_seconds": 0.0}

    def encode(texts):
        with encoder.using_threads(threads):
            return encoder.encode(texts)

    # Phase 1: encode the pages (raw vectors are stored, unchanged texts skipped).
    order = list(PAGE_KINDS)
    done_kinds = []
    start_kind, start_pk = None, 0
    if state.last_key:
        start_kind, _, pk = state.last_key.partition(":")
        start_pk = int(pk)
        done_kinds = order[: order.index(start_kind)] if start_kind in order else []
    started = time.perf_counter()
    meta = {}  # key -> metadata(), read during the encoding, used by the index phase
    waiting = None  # (future, pending, last key, kind, done, total) of the batch being encoded

    def finish(item):
        future, pending, last_key, kind, done, total = item
        if pending:
            pipeline.store_vectors(encoder, pending, future.result())
            figures["encoded_texts"] += len(pending)
        state.last_key = last_key
        state.save(update_fields=["last_key"])
        if progress:
            progress(f"encode {kind}", done, total)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="encode") as pool:
        for kind in order:
            if kind in done_kinds:
                continue
            qs = indexable(kind)
            total = qs.count()
            after = start_pk if kind == start_kind else 0
            done = qs.filter(pk__lte=after).count()
            for batch in _batches(qs, after, batch_size):
                _known, pending = pipeline.plan_vectors(batch, encoder, known=known)
                future = pool.submit(encode, [p[1] for p in pending]) if pending else None
                if len(meta) < META_LIMIT:
                    # While the encoder works: the queries the index phase would make for these objects.
                    pipeline.prepare_metadata(batch, meta)
                done += len(batch)
                if waiting is not None:
                    finish(waiting)
                waiting = (future, pending, f"{kind}:{batch[-1].pk}", kind, done, total)
        if waiting is not None:
            finish(waiting)
    figures["encode_seconds"] = time.perf_counter() - started

    # Phase 2: language means over all page vectors, then every document re-centred.
    means = pipeline.recompute_language_means(encoder)
    indexed = set()
    with index.rebuilding() as target, encoder.using_threads(threads):
        for kind in list(PAGE_KINDS) + ["person"]:
            qs = indexable(kind)
            total, done = qs.count(), 0
            for batch in _batches(qs, 0, batch_size * 4):
                pipeline.index_objects(batch, encoder=encoder, index=target, means=means, known=known, meta=meta)
                indexed |= {f"{kind}:{o.pk}" for o in batch}
                done += len(batch)
                if progress:
                    progress(f"index {kind}", done, total)
        orphans = target.keys() - indexed
        if orphans:
            target.delete(orphans)
    state.done = True
    state.save(update_fields=["done"])
    services.invalidate()
    figures["documents"] = index.count()
    figures["seconds"] = time.perf_counter() - started
    return figures
