#!/usr/bin/env python
"""Benchmarks of the recommender; they print figures and are not part of the test run.

    .venv/bin/python bench/run.py                      # 10k and 100k resources
    .venv/bin/python bench/run.py --sizes 10000        # one size

For each size a separate SQLite database var/bench-<N>.sqlite3 is filled
once with `generate_corpus` and indexed with a 384-dimension hashing encoder
(the width of the default model; encoding 100k texts with the real model
would take hours on 2 cores and does not change the search cost). Then, in a
fresh process per size:
  - one related_resources() call computing fresh suggestions (the recommender's cached
    answers dropped, the content cache warm as on a running site): median and p95; and the
    same with every cache emptied before each call (cold);
  - a resource page rendered with both sidebars (uncached) against the same
    page with sidebars switched off;
  - the peak resident memory of that process.
Encode throughput is measured with the default encoder (multilingual-e5-small)
on a 1,000-resource corpus: a full rebuild against the encoder's raw batch
throughput on the same texts (both with every core).
Last, bench/vectors.py searches --vectors synthetic clustered vectors (default
1,000,000 x 384): time, resident memory and recall@10 against the exact scan.

Page costs (Kollega issue 15):

    .venv/bin/python bench/run.py --page-costs --sizes 3000 100000 --databases sqlite postgres

For each database and size, a database holding the demo (load_demo) topped up
with `generate_corpus` to N materials (SQLite var/bench-pages-<N>.sqlite3,
PostgreSQL kollega_perf_<N> on $BENCH_PG, default postgres://postgres@127.0.0.1:5432);
then, warm (each page asked twice first, the page caches of core.content_cache
filled), for the same demo pages at every size: queries per request and the
median time of `--page-runs` requests, and on PostgreSQL EXPLAIN ANALYZE of each
page's slowest query. Pages are computed (the whole-page cache of core.page_cache off),
then the anonymous material page once more as that cache serves it.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(db_name, encoder, database_url=None):
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{ROOT / 'var' / db_name}"
    os.environ["RECOMMENDER_ENCODER"] = encoder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kollega.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    (ROOT / "var").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)


def ensure_corpus(n):
    from django.core.management import call_command

    from resources.models import ResourcePage

    have = ResourcePage.objects.count()
    if have < n:
        started = time.perf_counter()
        # A seed of its own per top-up: the same seed again would repeat translation keys and slugs.
        call_command("generate_corpus", resources=n - have, seed=have + 1, verbosity=0)
        print(f"  generated {n - have} resources in {time.perf_counter() - started:.0f}s", file=sys.stderr)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure_size(n, calls, pages):
    setup(f"bench-{n}.sqlite3", "hashing384")
    import random

    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    from recommender import conf
    from recommender.rebuild import rebuild
    from recommender.services import invalidate, related_resources
    from resources.models import ResourcePage

    ensure_corpus(n)
    index = conf.get_index()
    if index.count("resource") < n:
        started = time.perf_counter()
        rebuild()
        print(f"  indexed in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    rng = random.Random(7)
    ids = list(ResourcePage.objects.live().values_list("pk", flat=True))
    sample = [ResourcePage.objects.get(pk=pk) for pk in rng.sample(ids, min(calls, len(ids)))]
    started = time.perf_counter()
    index.blocks()
    load_seconds = time.perf_counter() - started
    if hasattr(index, "wait"):
        index.wait()  # a graph built in the background (first start without persisted files)
    related_resources(sample[0])  # warm the code paths
    # Cold: every cache emptied before each call (the suggested pages and the view restrictions
    # read from the database too).
    cold = []
    for page in sample:
        cache.clear()
        cache.set("recommender:embedded:version", index._version, None)  # keep the loaded blocks
        t = time.perf_counter()
        related_resources(page)
        cold.append((time.perf_counter() - t) * 1000)
    # Fresh: the recommender's own cached answers dropped before each call, the site's content
    # cache warm as on a running site where these pages were shown before (its entries live until
    # the next publish): each page is asked once first.
    for page in sample:
        related_resources(page)
    timings = []
    for page in sample:
        invalidate()
        t = time.perf_counter()
        related_resources(page)
        timings.append((time.perf_counter() - t) * 1000)
    # As in a page request: the request's privacy memo holds the viewer's blocked paths already.
    from communities.privacy import PrivacyMemoMiddleware, blocked_paths

    in_request = []

    def one(page):
        blocked_paths(None)
        invalidate()
        t = time.perf_counter()
        related_resources(page)
        in_request.append((time.perf_counter() - t) * 1000)

    for page in sample:
        PrivacyMemoMiddleware(lambda request, page=page: one(page))(None)

    setup_test_environment()
    client = Client()
    pages_sample = sample[:pages]

    def render_ms(sidebars):
        out = []
        with override_settings(KOLLEGA_RECOMMENDER={**conf.get_config_raw(), "SIDEBARS": sidebars}):
            for page in pages_sample:
                cache.clear()
                cache.set("recommender:embedded:version", index._version, None)
                t = time.perf_counter()
                response = client.get(page.url)
                out.append((time.perf_counter() - t) * 1000)
                assert response.status_code == 200, response.status_code
        return out

    render_ms(False)  # warm templates
    without = render_ms(False)
    with_sidebars = render_ms(True)
    return {
        "resources": len(ids),
        "index_load_seconds": round(load_seconds, 2),
        "related_resources_ms_median": round(statistics.median(timings), 2),
        "related_resources_ms_p95": round(percentile(timings, 95), 2),
        "related_resources_ms_median_cold": round(statistics.median(cold), 2),
        "related_resources_ms_median_in_request": round(statistics.median(in_request), 2),
        "index_structure": index.structure("resource") if hasattr(index, "structure") else "",
        "page_ms_without_sidebars": round(statistics.median(without), 1),
        "page_ms_with_sidebars": round(statistics.median(with_sidebars), 1),
        "sidebar_overhead_percent": round(100 * (statistics.median(with_sidebars) / statistics.median(without) - 1), 1),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def measure_encoding(n):
    setup("bench-encode.sqlite3", "default")
    from recommender import conf
    from recommender.documents import document_text
    from recommender.models import Embedding
    from recommender.rebuild import rebuild
    from resources.models import ResourcePage

    ensure_corpus(n)
    encoder = conf.get_encoder()
    texts = [document_text(p) for p in ResourcePage.objects.live().order_by("pk")[:n]]
    encoder.encode(texts[:8])  # load the model outside the timing
    started = time.perf_counter()
    with encoder.using_threads(conf.get_config().rebuild_threads):  # every core, as the rebuild
        encoder.encode(texts)
    raw = len(texts) / (time.perf_counter() - started)
    Embedding.objects.all().delete()
    figures = rebuild()
    rebuild_rate = figures["encoded_texts"] / figures["seconds"]
    return {
        "encoder": encoder.model_id,
        "texts": len(texts),
        "raw_encode_per_second": round(raw, 1),
        "rebuild_per_second": round(rebuild_rate, 1),
        "rebuild_share_of_raw_percent": round(100 * rebuild_rate / raw, 1),
    }


PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")


def page_database_url(database, n):
    if database == "postgres":
        return f"{PG_SERVER}/kollega_perf_{n}"
    return f"sqlite:///{ROOT / 'var' / f'bench-pages-{n}.sqlite3'}"


def ensure_pg_database(n):
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [f"kollega_perf_{n}"]).fetchone():
            conn.execute(f'CREATE DATABASE "kollega_perf_{n}"')


def bench_pages():
    """The demo pages measured at every size: (name, URL, username or None)."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils import translation

    from communities.models import CommunityPage, Membership, Person
    from resources.models import ResourcePage

    material = (
        ResourcePage.objects.live()
        .filter(locale__language_code="en", community__isnull=False, contributors__isnull=False)
        .exclude(external_id__startswith="synthetic:")
        .order_by("pk")
        .first()
    )
    community = CommunityPage.objects.live().public().filter(locale__language_code="en").order_by("pk").first()
    person = (
        Person.objects.filter(discoverability="europe", resource_contributions__isnull=False).order_by("pk").first()
    )
    member = (
        Membership.objects.filter(status="active", person__user__isnull=False, person__user__is_staff=False)
        .exclude(person__user__groups__name__icontains="facilitator")
        .order_by("pk")
        .first()
    )
    username = get_user_model().objects.get(pk=member.person.user_id).get_username() if member else None
    with translation.override("en"):
        search = reverse("search:search") + "?q=water"
        for_you = reverse("recommender:for_you")
    return [
        ("material (anonymous)", material.url, None),
        ("material (signed-in member)", material.url, username),
        ("home /en/", "/en/", None),
        ("home /sv/", "/sv/", None),
        ("search ?q=water", search, None),
        ("community", community.url, None),
        ("profile", person.get_absolute_url(), None),
        ("for you (signed-in member)", for_you, username),
    ]


def measure_page_costs(database, n, runs):
    if database == "postgres":
        ensure_pg_database(n)
    setup(None, "hashing", page_database_url(database, n))
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment

    from core.db import refresh_planner_statistics
    from resources.models import ResourcePage

    if not ResourcePage.objects.exists():
        started = time.perf_counter()
        call_command("load_demo", verbosity=0)
        print(f"  demo loaded in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    ensure_corpus(n)
    # The planner's statistics of the rows, as load_demo and generate_corpus leave them (a
    # database filled by an older generate_corpus has none).
    refresh_planner_statistics()
    setup_test_environment()
    results = {"resources": ResourcePage.objects.count(), "pages": []}
    pages = [(name, url, username, 0) for name, url, username in bench_pages()]
    # The computed pages above; then the anonymous material page as core.page_cache serves it again.
    pages.append(("material (anonymous, page cache)", pages[0][1], None, 300))
    for name, url, username, page_cache_seconds in pages:
        with override_settings(KOLLEGA_PAGE_CACHE_SECONDS=page_cache_seconds):
            results["pages"].append(_page_cost(database, connection, name, url, username, runs))
    return results


def _page_cost(database, connection, name, url, username, runs):
    from django.contrib.auth import get_user_model
    from django.db import reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    for _ in range(2):  # warm: templates, the content cache, the recommender's lists
        assert client.get(url).status_code == 200, (name, url)
    reset_queries()  # request_started empties the log: start the capture from an empty one
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    queries = captured.captured_queries
    slowest = max(queries, key=lambda q: float(q["time"]), default=None)
    selects = [q for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]
    plan = None
    if database == "postgres" and selects:
        # The client's timing of one query is mostly noise on a busy machine: ask the planner instead.
        plan, slowest = max(((explain(connection, q["sql"]), q) for q in selects), key=lambda item: item[0][0])
    row = {
        "page": name,
        "url": url,
        "queries": len(captured.captured_queries),
        "median_ms": round(statistics.median(timings), 1),
        "slowest_query_ms": round(float(slowest["time"]) * 1000, 2) if slowest else None,
        "slowest_query": slowest["sql"][:300] if slowest else None,
    }
    if plan is not None:
        row["slowest_query_ms"] = round(plan[0], 3)  # the planner's execution time
        row["explain"] = plan[1]
    return row


def explain(connection, sql):
    """(execution ms, plan lines) of EXPLAIN ANALYZE on PostgreSQL."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        lines = [line for (line,) in cursor.fetchall()]
    ms = next((float(line.split(":")[1].split()[0]) for line in lines if line.startswith("Execution Time")), 0.0)
    return ms, lines


def run_page_costs(args):
    import platform

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    table = {}
    for database in args.databases:
        for n in args.sizes:
            print(f"== page costs: {database}, {n} materials ==", flush=True)
            out = subprocess.run(
                [sys.executable, __file__, "--worker", "pages", "--database", database, "--n", str(n)]
                + ["--page-runs", str(args.page_runs)],
                capture_output=True,
                text=True,
            )
            if out.returncode:
                print(out.stderr[-3000:])
                sys.exit(out.returncode)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"  materials in the database: {result['resources']}")
            for row in result["pages"]:
                table[(row["page"], database, n)] = row
                print(f"  {row['page']:<30} {row['queries']:>4} queries  {row['median_ms']:>8.1f} ms median")
                for line in row.get("explain", [])[:12]:
                    print(f"      {line}")
                if row.get("explain"):
                    print(
                        f"      slowest by EXPLAIN ANALYZE: {row['slowest_query_ms']} ms: {row['slowest_query'][:160]}"
                    )
    columns = [(database, n) for database in args.databases for n in args.sizes]
    print("\n| page | " + " | ".join(f"{d} {n:,}" for d, n in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name in dict.fromkeys(page for page, _d, _n in table):
        cells = [table.get((name, d, n)) for d, n in columns]
        print(f"| {name} | " + " | ".join(f"{c['queries']} q, {c['median_ms']} ms" if c else "–" for c in cells) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000, 100000])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--encode-sample", type=int, default=1000)
    parser.add_argument(
        "--vectors", type=int, default=1_000_000, help="synthetic vectors for bench/vectors.py (0: skip)"
    )
    parser.add_argument("--worker", choices=["size", "encode", "pages"])
    parser.add_argument("--n", type=int)
    parser.add_argument("--page-costs", action="store_true", help="query counts and times of the main pages")
    parser.add_argument("--databases", nargs="*", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    parser.add_argument("--page-runs", type=int, default=15)
    parser.add_argument("--database", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    if args.worker == "pages":
        print(json.dumps(measure_page_costs(args.database, args.n, args.page_runs)))
        return
    if args.page_costs:
        run_page_costs(args)
        return
    if args.worker == "size":
        print(json.dumps(measure_size(args.n, args.calls, args.pages)))
        return
    if args.worker == "encode":
        print(json.dumps(measure_encoding(args.n)))
        return
    import platform

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    results = {}
    for n in args.sizes:
        print(f"== {n} resources ==", flush=True)
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--worker",
                "size",
                "--n",
                str(n),
                "--calls",
                str(args.calls),
                "--pages",
                str(args.pages),
            ],
            capture_output=True,
            text=True,
        )
        if out.returncode:
            print(out.stderr[-3000:])
            sys.exit(out.returncode)
        results[n] = json.loads(out.stdout.strip().splitlines()[-1])
        for key, value in results[n].items():
            print(f"  {key}: {value}")
    if args.encode_sample:
        print(f"== encode throughput ({args.encode_sample} resources, default encoder) ==", flush=True)
        out = subprocess.run(
            [sys.executable, __file__, "--worker", "encode", "--n", str(args.encode_sample)],
            capture_output=True,
            text=True,
        )
        if out.returncode:
            print(out.stderr[-3000:])
            sys.exit(out.returncode)
        for key, value in json.loads(out.stdout.strip().splitlines()[-1]).items():
            print(f"  {key}: {value}")
    if args.vectors:
        # Search time, memory and recall@10 against the exact scan on synthetic clustered vectors.
        subprocess.run([sys.executable, str(ROOT / "bench" / "vectors.py"), "--n", str(args.vectors)], check=True)


if __name__ == "__main__":
    main()
