"""bench/compare.py: interleaved requests, and ratios to the named baseline within each group."""

import argparse
import importlib.util
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("compare", Path(__file__).parents[2] / "bench" / "compare.py")
compare = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare)


def test_pages_are_named_with_an_optional_group():
    assert compare.parse_page("material:kollega=http://127.0.0.1:8001/en/x/") == (
        "material",
        "kollega",
        "http://127.0.0.1:8001/en/x/",
    )
    assert compare.parse_page("reference=http://127.0.0.1:8002/?a=b") == (
        "page",
        "reference",
        "http://127.0.0.1:8002/?a=b",
    )
    with pytest.raises(argparse.ArgumentTypeError):
        compare.parse_page("kollega:127.0.0.1:8001")


def test_requests_go_round_robin_after_warming_and_ratios_use_the_groups_baseline():
    pages = [("m", "a", "http://a/"), ("m", "b", "http://b/"), ("h", "a", "http://c/"), ("h", "b", "http://d/")]
    seconds = {"http://a/": 0.02, "http://b/": 0.01, "http://c/": 0.03, "http://d/": 0.06}
    calls = []

    def fetcher(url):
        calls.append(url)
        return 200, 1000, seconds[url]

    timings, _sizes = compare.run(pages, requests=4, warm=2, fetcher=fetcher)

    assert calls[:8] == ["http://a/"] * 2 + ["http://b/"] * 2 + ["http://c/"] * 2 + ["http://d/"] * 2
    rounds = [calls[8 + 4 * i : 12 + 4 * i] for i in range(4)]
    assert all(sorted(r) == sorted(seconds) for r in rounds)  # every URL once per round
    assert [r[0] for r in rounds] == ["http://a/", "http://b/", "http://c/", "http://d/"]  # each starts one on
    rows = {(r["group"], r["name"]): r for r in compare.summarise(pages, timings, "b")}
    assert rows[("m", "a")]["median_ratio"] == pytest.approx(2.0)
    assert rows[("h", "a")]["median_ratio"] == pytest.approx(0.5)
    assert rows[("m", "b")]["median_ms"] == pytest.approx(10.0)


def test_a_page_that_does_not_answer_200_stops_the_run():
    with pytest.raises(SystemExit, match="answered 500"):
        compare.run([("page", "a", "http://a/")], requests=1, warm=1, fetcher=lambda url: (500, 0, 0.0))


def test_p95_is_the_nearest_rank():
    assert compare.percentile(list(range(1, 21)), 0.95) == 19
    assert compare.percentile(list(range(1, 61)), 0.95) == 57
    assert compare.percentile([5], 0.95) == 5
