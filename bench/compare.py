#!/usr/bin/env python
"""Time pages of servers that are already running, side by side in one run.

    .venv/bin/python bench/compare.py \\
        --page material:kollega=http://127.0.0.1:8001/en/resources/some-material/ \\
        --page material:reference=http://127.0.0.1:8002/blog/some-post/ \\
        --page home:kollega=http://127.0.0.1:8001/en/ \\
        --page home:reference=http://127.0.0.1:8002/ \\
        --baseline reference --requests 60

Each --page is [GROUP:]NAME=URL. Every URL is first warmed (--warm requests, answers
must be 200), then all are timed interleaved: round after round, one request to each URL
in turn (each round starts one URL further on, so no URL always follows the same one),
--requests rounds. Every request opens a new connection and asks for `Connection: close`
(no keep-alive), and is timed from the connect to the last byte of the body. The table
gives the median and p95 per URL and, within each group, the ratio of each URL's median
and p95 to those of the URL named --baseline in that group.

How the servers were started is not this script's business (Kollega's own:
`bench/load.py --serve`). Use loopback servers with one sync worker each, and read the
figures against the load average printed with them: a shared machine skews every URL,
which is why the requests are interleaved and the ratios are the figure to quote.
"""

import argparse
import http.client
import json
import math
import os
import platform
import statistics
import sys
import time
import urllib.parse


def parse_page(text):
    """'group:name=url' or 'name=url' -> (group, name, url)."""
    label, sep, url = text.partition("=")
    if not sep or not url.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"expected [GROUP:]NAME=URL, got {text!r}")
    group, sep, name = label.rpartition(":")
    return (group if sep else "page", name, url)


def fetch(url, timeout=60):
    """One request on a fresh connection: (status, bytes of body, seconds)."""
    parts = urllib.parse.urlsplit(url)
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    started = time.perf_counter()
    connection = connection_class(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Connection": "close", "Accept": "text/html"})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    return response.status, len(body), time.perf_counter() - started


def percentile(values, fraction):
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(round(len(ordered) * fraction, 9)))  # 60 × 0.95 is 57.000…01 in floats
    return ordered[rank - 1]


def summarise(pages, timings, baseline):
    """Rows of the table: median, p95 and the ratios to the group's baseline."""
    stats = {}
    for group, name, url in pages:
        seconds = timings[(group, name)]
        stats[(group, name)] = {
            "group": group,
            "name": name,
            "url": url,
            "n": len(seconds),
            "median_ms": statistics.median(seconds) * 1000,
            "p95_ms": percentile(seconds, 0.95) * 1000,
        }
    for row in stats.values():
        base = stats.get((row["group"], baseline))
        row["median_ratio"] = row["median_ms"] / base["median_ms"] if base else None
        row["p95_ratio"] = row["p95_ms"] / base["p95_ms"] if base else None
    return list(stats.values())


def run(pages, requests, warm, fetcher=fetch):
    """Warm every URL, then time them round-robin; returns {(group, name): [seconds]} and sizes."""
    sizes = {}
    for group, name, url in pages:
        for _ in range(warm):
            status, size, _seconds = fetcher(url)
            if status != 200:
                sys.exit(f"{group}:{name} answered {status} while warming: {url}")
        sizes[(group, name)] = size
    timings = {(group, name): [] for group, name, _url in pages}
    for round_number in range(requests):
        shift = round_number % len(pages)
        for group, name, url in pages[shift:] + pages[:shift]:
            status, _size, seconds = fetcher(url)
            if status != 200:
                sys.exit(f"{group}:{name} answered {status} in round {round_number + 1}: {url}")
            timings[(group, name)].append(seconds)
    return timings, sizes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", action="append", type=parse_page, required=True, help="[GROUP:]NAME=URL")
    parser.add_argument("--baseline", required=True, help="the NAME the others are divided by, in each group")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per URL")
    parser.add_argument("--warm", type=int, default=5, help="untimed requests per URL first")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    pages = args.page
    if len({(group, name) for group, name, _url in pages}) != len(pages):
        parser.error("every GROUP:NAME must be different")
    for group in {group for group, _name, _url in pages}:
        if not any(g == group and name == args.baseline for g, name, _url in pages):
            parser.error(f"group {group!r} has no page named {args.baseline!r}")

    load_before = os.getloadavg()
    started = time.perf_counter()
    timings, sizes = run(pages, args.requests, args.warm)
    elapsed = time.perf_counter() - started
    load_after = os.getloadavg()
    rows = summarise(pages, timings, args.baseline)

    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {args.requests} interleaved requests per URL after {args.warm} "
        f"to warm, no keep-alive; {elapsed:.0f} s; load average "
        f"{' '.join(f'{v:.2f}' for v in load_before)} before, {' '.join(f'{v:.2f}' for v in load_after)} after"
    )
    print()
    print(f"| group | page | median ms | p95 ms | median / {args.baseline} | p95 / {args.baseline} | KiB | URL |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(
            f"| {row['group']} | {row['name']} | {row['median_ms']:.1f} | {row['p95_ms']:.1f} | "
            f"{row['median_ratio']:.2f}× | {row['p95_ratio']:.2f}× | "
            f"{sizes[(row['group'], row['name'])] / 1024:.0f} | {row['url']} |"
        )
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"load_before": load_before, "load_after": load_after, "rows": rows}, out, indent=1)
    return rows


if __name__ == "__main__":
    main()
