"""Rebuild every vector: encode what changed, recompute language means, re-index, resumable."""

import time

from . import conf, pipeline, services
from .documents import PAGE_KINDS, indexable
from .models import RebuildState

BATCH = 64


def _batches(queryset, start_after, size):
    last = start_after
    while True:
        batch = list(queryset.filter(pk__gt=last)[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def rebuild(progress=None, resume=False, batch_size=BATCH):
    """Re-encode (only what changed) and re-index everything. Returns figures for reports.

    progress(phase, done, total) is called after every batch. With resume, an
    interrupted run continues after the last object it finished.
    """
    encoder = conf.get_encoder()
    index = conf.get_index()
    state, created = RebuildState.objects.get_or_create(model_id=encoder.model_id)
    if not resume or created or state.done:
        state.last_key, state.done = "", False
        state.save()
    figures = {"encoded_texts": 0, "encode_seconds": 0.0}

    # Phase 1: encode the pages (raw vectors are stored, unchanged texts skipped).
    order = list(PAGE_KINDS)
    done_kinds = []
    start_kind, start_pk = None, 0
    if state.last_key:
        start_kind, _, pk = state.last_key.partition(":")
        start_pk = int(pk)
        done_kinds = order[: order.index(start_kind)] if start_kind in order else []
    started = time.perf_counter()
    for kind in order:
        if kind in done_kinds:
            continue
        qs = indexable(kind)
        total = qs.count()
        after = start_pk if kind == start_kind else 0
        done = qs.filter(pk__lte=after).count()
        for batch in _batches(qs, after, batch_size):
            before = _count_embeddings(encoder)
            pipeline.raw_vectors(batch, encoder)
            figures["encoded_texts"] += _count_embeddings(encoder) - before
            done += len(batch)
            state.last_key = f"{kind}:{batch[-1].pk}"
            state.save(update_fields=["last_key"])
            if progress:
                progress(f"encode {kind}", done, total)
    figures["encode_seconds"] = time.perf_counter() - started

    # Phase 2: language means over all page vectors, then every document re-centred.
    means = pipeline.recompute_language_means(encoder)
    indexed = set()
    with index.rebuilding() as target:
        for kind in list(PAGE_KINDS) + ["person"]:
            qs = indexable(kind)
            total, done = qs.count(), 0
            for batch in _batches(qs, 0, batch_size * 4):
                pipeline.index_objects(batch, encoder=encoder, index=target, means=means)
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


def _count_embeddings(encoder):
    from .models import Embedding

    return Embedding.objects.filter(model_id=encoder.model_id).count()
