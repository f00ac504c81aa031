#!/usr/bin/env python
"""Load test on the loopback interface: the site under gunicorn, driven by wrk.

    .venv/bin/python bench/load.py                       # 3,000 generated materials + the demo, 20 s per scenario
    .venv/bin/python bench/load.py --duration 10 --connections 8 --redis-url redis://127.0.0.1:6379/15
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kollega_bench .venv/bin/python bench/load.py

Steps (all bounded in time; nothing listens beyond 127.0.0.1):
  1. a database: SQLite var/bench-load.sqlite3, or the one in DATABASE_URL (a
     separate database: it is filled with the demo and a synthetic corpus);
     `migrate`, `load_demo`, `generate_corpus --resources N`, then
     `rebuild_recommendations` with the 384-dimension hashing encoder (the
     width of the default model: encoding thousands of texts with the real
     model takes hours on 2 cores and does not change the cost of a page);
  2. gunicorn with 2 workers on 127.0.0.1 with the production settings
     (DEBUG off, the security middleware, `ALLOWED_HOSTS=127.0.0.1`, no HTTPS
     redirect because wrk speaks plain HTTP on loopback), waiting until it answers;
  3. a warm-up pass over every URL (fills template and sidebar caches, as a
     running site has them), then wrk for each scenario with bench/load.lua,
     which picks a random URL from the scenario's list per request:
       resources  material pages in en/sv/de/pt, each with both sidebars;
       search     /<lang>/search/ with words of the corpus, some with facets
                  or other languages included;
  4. a table of requests/s and p50/p95/p99 latency per scenario; gunicorn is stopped.

    DATABASE_URL=sqlite:///$PWD/var/compare.sqlite3 .venv/bin/python bench/load.py --serve --workers 1 --port 8001

only starts gunicorn (step 2) over a database already migrated and loaded, and keeps it
running until interrupted: bench/compare.py then times it against other running servers.

wrk is the Debian package `wrk`; when it is missing the script installs it
with apt-get (as root) or tells you the command. Timing never goes into a test.
"""

import argparse
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
WORK = ROOT / "var" / "bench-load"

SEARCH_WORDS = {
    "en": ["photosynthesis", "water", "climate", "fractions", "poetry", "history", "energy", "plants", "maps"],
    "sv": ["fotosyntes", "vatten", "klimat", "bråk", "poesi", "historia", "energi", "växter", "kartor"],
    "de": ["Photosynthese", "Wasser", "Klima", "Brüche", "Gedichte", "Geschichte", "Energie", "Pflanzen"],
    "pt": ["fotossíntese", "água", "clima", "frações", "poesia", "história", "energia", "plantas"],
}


def env_for(database_url, encoder="hashing384"):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "RECOMMENDER_ENCODER": encoder,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")]),
    }
    return env


def manage(env, *args, quiet=True):
    started = time.perf_counter()
    result = subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "kollega.settings.dev"},
        capture_output=quiet,
        text=True,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{(result.stdout or '')[-2000:]}{(result.stderr or '')[-3000:]}")
    print(f"  manage.py {' '.join(args)}: {time.perf_counter() - started:.0f}s", flush=True)
    return result.stdout


def django_eval(env, code):
    """Run code with Django set up (dev settings) and return what it prints, as JSON."""
    script = "import django, json; django.setup()\n" + code
    result = subprocess.run(
        [PY, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "kollega.settings.dev"},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def prepare(env, resources):
    print("== database ==", flush=True)
    manage(env, "migrate", "--noinput")
    counts = django_eval(
        env,
        (
            "from resources.models import ResourcePage; from recommender.models import Embedding\n"
            "print(json.dumps({'resources': ResourcePage.objects.count(), 'embeddings': Embedding.objects.count()}))"
        ),
    )
    if counts["resources"] == 0:
        manage(env, "load_demo", "--no-recommendations")
        counts["resources"] = django_eval(
            env, "from resources.models import ResourcePage\nprint(ResourcePage.objects.count())"
        )
    missing = resources - counts["resources"]
    if missing > 0:
        manage(env, "generate_corpus", "--resources", str(missing))
    manage(env, "rebuild_recommendations")
    return django_eval(
        env,
        (
            "from resources.models import ResourcePage; from communities.models import Person, CommunityPage\n"
            "from django.db.models import Count\n"
            "print(json.dumps({'resources': ResourcePage.objects.live().count(), 'people': Person.objects.count(),"
            " 'communities': CommunityPage.objects.count(), 'by_language': dict(ResourcePage.objects.live().order_by()"
            ".values('locale__language_code').annotate(n=Count('pk')).values_list('locale__language_code', 'n'))}))"
        ),
    )


def url_lists(env, sample):
    rows = django_eval(
        env,
        (
            "import random\nfrom resources.models import ResourcePage\n"
            "rows = list(ResourcePage.objects.live().filter(view_restrictions__isnull=True)"
            ".values_list('pk', 'locale__language_code'))\n"
            "random.Random(7).shuffle(rows)\n"
            f"picked = {{}}\nfor pk, code in rows:\n    picked.setdefault(code, [])\n"
            f"    if len(picked[code]) < {sample} // 4: picked[code].append(pk)\n"
            "pages = ResourcePage.objects.filter(pk__in=[pk for pks in picked.values() for pk in pks])\n"
            "print(json.dumps([p.url for p in pages]))"
        ),
    )
    resources = [re.sub(r"^https?://[^/]+", "", url) for url in rows if url]
    rng = random.Random(7)
    search = []
    for code, words in SEARCH_WORDS.items():
        for word in words:
            search.append(f"/{code}/search/?q={urllib.request.quote(word)}")
            search.append(f"/{code}/search/?q={urllib.request.quote(word)}&sort=newest&page=2")
        for _ in range(4):
            a, b = rng.sample(words, 2)
            search.append(f"/{code}/search/?q={urllib.request.quote(a + ' ' + b)}&all_languages=on")
            search.append(f"/{code}/search/?q={urllib.request.quote(a)}&level=2&level=3")
        search.append(f"/{code}/search/?q={urllib.request.quote(words[0])}&tab=people")
        search.append(f"/{code}/search/?q={urllib.request.quote(words[1])}&tab=communities")
    return {"resources": resources, "search": search}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env, port, workers, redis_url=None, log_path=None):
    log_path = log_path or WORK / "gunicorn.log"
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "kollega.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    if redis_url:
        server_env["REDIS_URL"] = redis_url  # one cache shared by the workers, as in production
    else:
        # Production without Redis caches in the database (core/cache.py); migrate above ran
        # with the dev settings, so make its table here.
        subprocess.run([PY, "manage.py", "createcachetable"], cwd=ROOT, env=server_env, check=True)
    log = open(log_path, "w")
    process = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "kollega.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(ROOT),
            "--pythonpath",
            f"{ROOT},{ROOT / 'site'}",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=10) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    stop(process)
    sys.exit("gunicorn did not answer within 120 s")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # gunicorn's own process group (start_new_session)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def warm(port, urls):
    statuses = {}
    for url in urls:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=60) as response:
                statuses[response.status] = statuses.get(response.status, 0) + 1
        except urllib.error.HTTPError as exc:
            statuses[exc.code] = statuses.get(exc.code, 0) + 1
    return statuses


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("== installing wrk (apt-get install wrk) ==", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False, timeout=600)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: install the Debian package with `sudo apt-get install wrk`.")
    return shutil.which("wrk")


def run_wrk(wrk, port, paths_file, duration, connections, threads):
    result = subprocess.run(
        [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "30s",
            "-s",
            str(ROOT / "bench" / "load.lua"),
            f"http://127.0.0.1:{port}",
            "--",
            str(paths_file),
        ],
        capture_output=True,
        text=True,
        timeout=duration + 120,
    )
    line = next((out for out in result.stdout.splitlines() if out.startswith("RESULT ")), None)
    if line is None:
        sys.exit(f"wrk gave no result:\n{result.stdout}\n{result.stderr}")
    return {k: float(v) for k, v in (pair.split("=") for pair in line.split()[1:])}


def serve(args):
    """Only the server: gunicorn with the production settings over an existing database, until stopped.

    For bench/compare.py, which times servers that are already running. Nothing is loaded or
    rebuilt here; the encoder is the one the database's vectors were made with (the production
    default unless --encoder or RECOMMENDER_ENCODER says otherwise), so the sidebars are real.
    """
    WORK.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'kollega.sqlite3'}"
    env = env_for(database_url, args.encoder or os.environ.get("RECOMMENDER_ENCODER", "default"))
    found = url_lists(env, 4)["resources"]
    if not found:
        sys.exit(f"No live material in {database_url}: run `manage.py migrate` and `manage.py load_demo` first.")
    port = args.port or free_port()
    server = start_gunicorn(env, port, args.workers, args.redis_url, log_path=WORK / f"gunicorn-{port}.log")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(
        f"serving {database_url} on http://127.0.0.1:{port} ({args.workers} worker(s), production settings, "
        f"cache: {'Redis' if args.redis_url else 'database'}); pages: /en/ {' '.join(found)}",
        flush=True,
    )
    try:
        server.wait()
    finally:
        stop(server)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resources", type=int, default=3000, help="materials in the database (demo + generated)")
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per scenario")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--sample", type=int, default=200, help="material pages in the URL list")
    parser.add_argument(
        "--redis-url",
        help="cache shared by the workers (else the database), e.g. redis://127.0.0.1:6379/15 "
        "(a database of its own: it is filled with cached pages' sidebars)",
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="only start gunicorn over the database in DATABASE_URL (already migrated and loaded) and keep "
        "it running until interrupted, for bench/compare.py; --workers, --port, --redis-url, --encoder apply",
    )
    parser.add_argument("--port", type=int, help="with --serve: the port on 127.0.0.1 (else a free one)")
    parser.add_argument("--encoder", help="RECOMMENDER_ENCODER for the server (load test: hashing384)")
    args = parser.parse_args()
    if args.serve:
        return serve(args)

    wrk = ensure_wrk()
    WORK.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench-load.sqlite3'}"
    env = env_for(database_url, args.encoder or "hashing384")
    loaded = prepare(env, args.resources)
    lists = url_lists(env, args.sample)
    for name, urls in lists.items():
        (WORK / f"{name}.txt").write_text("\n".join(urls) + "\n")

    port = free_port()
    print(f"== gunicorn, {args.workers} workers, 127.0.0.1:{port} ==", flush=True)
    server = start_gunicorn(env, port, args.workers, args.redis_url)
    results = {}
    try:
        for name, urls in lists.items():
            started = time.perf_counter()
            statuses = warm(port, urls)
            print(
                f"  warm-up {name}: {len(urls)} URLs in {time.perf_counter() - started:.0f}s, statuses {statuses}",
                flush=True,
            )
            print(f"== wrk {name}: {args.duration}s, {args.connections} connections ==", flush=True)
            results[name] = run_wrk(wrk, port, WORK / f"{name}.txt", args.duration, args.connections, args.threads)
    finally:
        stop(server)

    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print()
    print(
        f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{engine}; {loaded['resources']} live materials {loaded['by_language']}, {loaded['people']} people, "
        f"{loaded['communities']} communities; gunicorn {args.workers} workers, wrk {args.threads} threads, "
        f"{args.connections} connections, {args.duration}s per scenario; cache: "
        f"{'Redis' if args.redis_url else 'database'}"
    )
    print()
    print("| scenario | URLs | requests/s | p50 ms | p95 ms | p99 ms | non-2xx | socket errors |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        print(
            f"| {name} | {len(lists[name])} | {r['rps']:.1f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | "
            f"{r['p99_ms']:.0f} | {int(r['non2xx'])} | {int(r['socket_errors'])} |"
        )
    (WORK / "results.json").write_text(json.dumps({"loaded": loaded, "results": results}, indent=1))


if __name__ == "__main__":
    main()
