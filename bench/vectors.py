#!/usr/bin/env python
"""The vector index on a synthetic corpus: search time, memory and recall@10 against the exact scan.

    .venv/bin/python bench/vectors.py                 # 1,000,000 x 384
    .venv/bin/python bench/vectors.py --n 100000
    .venv/bin/python bench/vectors.py --ivf-above 0   # the inverted file at any size

Vectors are clustered like real sentence embeddings: a shared direction (e5's
vectors of unrelated texts still have cosine ~0.7), 2,000 topics and noise,
normalised; queries come from the same distribution and are not in the set.
One document in ten is members-only; the outsider's queries must never
return one. The block is built once (with faiss, HNSW over 8-bit codes, or
above --ivf-above rows an inverted file over them), saved under
var/bench-vectors-<n>-<structure>/ and searched after reloading it from
there, as a process start does: the float32 rows stay memory-mapped for
re-ranking and only the graph or lists and the codes are resident.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def corpus(n, dim, seed=7, topics=2000):
    rng = np.random.default_rng(seed)
    shared = rng.standard_normal(dim).astype(np.float32)
    centres = rng.standard_normal((topics, dim)).astype(np.float32)
    out = np.empty((n, dim), dtype=np.float32)
    labels = rng.integers(0, topics, n)
    for start in range(0, n, 100_000):
        stop = min(n, start + 100_000)
        chunk = 1.6 * shared + centres[labels[start:stop]] + 0.9 * rng.standard_normal((stop - start, dim))
        out[start:stop] = chunk / np.linalg.norm(chunk, axis=1, keepdims=True)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--ivf-above", type=int, default=None, help="default: the index's IVF_ABOVE")
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kollega.settings.dev")
    import django

    django.setup()
    from recommender.indexes import embedded
    from recommender.indexes.base import KnnQuery

    faiss = embedded.faiss_module()
    ivf_above = embedded.IVF_ABOVE if args.ivf_above is None else args.ivf_above
    if faiss is None or args.n < embedded.EXACT_BELOW:
        structure = "exact"
    else:
        structure = "ivf-sq8" if args.n > ivf_above else "hnsw-sq8"
    if faiss is not None:
        faiss.omp_set_num_threads(1)  # as in a web process; the build below uses every core
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"faiss: {faiss.__version__ if faiss else 'not installed (exact scan only)'}")
    all_vectors = corpus(args.n + args.queries, args.dim)
    vectors, queries = all_vectors[: args.n], all_vectors[args.n :]
    members = np.zeros(args.n, dtype=bool)
    members[::10] = True
    folder = ROOT / "var" / f"bench-vectors-{args.n}-{structure}"
    stamp = [args.n, "synthetic", 1]
    block = None
    if (folder / "resource.json").exists():
        block, saved = embedded._Block.load(folder, "resource")
        if block is None or saved != stamp or block.structure() != structure:
            block = None
    if block is None:
        block = embedded._Block("resource", args.dim)
        started = time.perf_counter()
        for start in range(0, args.n, 50_000):
            stop = min(args.n, start + 50_000)
            block.append(
                [
                    {
                        "key": f"resource:{i}",
                        "group": f"g{i}",
                        "language": "en",
                        "audience": ["members:1"] if members[i] else ["public"],
                        "licence": "",
                        "fields": {},
                        "vector": vectors[i],
                    }
                    for i in range(start, stop)
                ]
            )
        print(f"  rows added in {time.perf_counter() - started:.1f}s")
        if structure != "exact":
            faiss.omp_set_num_threads(os.cpu_count())
            started = time.perf_counter()
            block.build_ann(ivf_above)
            print(f"  {structure} built in {time.perf_counter() - started:.1f}s (every core)")
            faiss.omp_set_num_threads(1)
        block.save(folder, stamp)
        started = time.perf_counter()
        block, _ = embedded._Block.load(folder, "resource")
    else:
        started = time.perf_counter()
        block, _ = embedded._Block.load(folder, "resource")
    print(f"  loaded from {folder.relative_to(ROOT)} in {time.perf_counter() - started:.1f}s")

    float32_bytes = args.n * args.dim * 4
    if block.ann is not None:
        resident = int(faiss.serialize_index(block.ann).nbytes)
    else:
        resident = int(block.vectors.view().nbytes)

    def run(audience, exact_mask):
        # Every query is timed first and checked after: the exact scan's BLAS threads keep
        # spinning after a product and would otherwise be timed with the next query.
        timings, cpu, found = [], [], []
        for q in queries:
            query = KnnQuery(vector=q, k=args.k, kinds=("resource",), audience=audience)
            t, c = time.perf_counter(), time.process_time()
            hits = block.search(q[None, :], query)
            cpu.append((time.process_time() - c) * 1000)
            timings.append((time.perf_counter() - t) * 1000)
            found.append({row for _, row in hits})
        recalls = []
        for q, got in zip(queries, found, strict=True):
            scores = vectors @ q
            if exact_mask is not None:
                scores = np.where(exact_mask, scores, -np.inf)
            truth = set(np.argpartition(-scores, args.k)[: args.k].tolist())
            recalls.append(len(got & truth) / args.k)
            if exact_mask is not None:
                assert not members[list(got)].any(), "a members-only document reached an outsider"
        p95 = float(np.percentile(timings, 95))
        return statistics.median(timings), p95, statistics.median(cpu), float(np.mean(recalls))

    block.search(queries[0][None, :], KnnQuery(vector=queries[0], k=args.k))  # warm
    ms, p95, cpu_ms, recall = run(None, None)
    ms_f, p95_f, _cpu_f, recall_f = run(["public"], ~members)
    print(f"== {args.n} x {args.dim}, structure {block.structure()}, load average {os.getloadavg()[0]:.1f} ==")
    print(f"  search_ms_median: {ms:.2f} (cpu {cpu_ms:.2f}), p95 {p95:.2f}")
    print(f"  recall_at_10_vs_exact: {recall:.3f}")
    print(f"  outsider_search_ms_median (members-only filtered inside): {ms_f:.2f}, p95 {p95_f:.2f}")
    print(f"  outsider_recall_at_10_vs_exact_filtered: {recall_f:.3f}")
    print(f"  float32_vectors_mb: {float32_bytes / 2**20:.0f}")
    print(f"  resident_index_mb: {resident / 2**20:.0f} ({resident / float32_bytes:.2f}x the float32 vectors)")
    exact_ms = []
    exact_cpu = []
    for q in queries[:20]:
        t, c = time.perf_counter(), time.process_time()
        scores = vectors @ q
        np.argpartition(-scores, args.k)[: args.k]
        exact_cpu.append((time.process_time() - c) * 1000)
        exact_ms.append((time.perf_counter() - t) * 1000)
    print(f"  exact_float32_scan_ms_median: {statistics.median(exact_ms):.2f} (cpu {statistics.median(exact_cpu):.2f})")


if __name__ == "__main__":
    main()
