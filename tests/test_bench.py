import argparse
import datetime
import importlib.util
import sys

import pytest

from scripts.samples import describe_data, sample_pages
from tests.events.factories import EventFactory
from tests.factories import PartnerFactory
from tests.news.factories import ReleaseFactory
from tests.test_site import ROOT

spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(spec)
# Dataclasses look their module up in sys.modules while the class is made.
sys.modules["bench"] = bench
spec.loader.exec_module(bench)

WRK_OUTPUT = """\
Running 3s test @ http://127.0.0.1:8141/ja/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    45.10ms   12.01ms   1.20s    79.73%
    Req/Sec   556.03     62.75     0.92k    73.33%
  Latency Distribution
     50%  850.00us
     75%   10.72ms
     90%   12.09ms
     99%    1.52s
  3336 requests in 3.00s, 36.41MB read
  Socket errors: connect 0, read 2, write 0, timeout 5
  Non-2xx or 3xx responses: 12
Requests/sec:   1112.04
Transfer/sec:     12.11MB
"""


def test_wrk_output_gives_requests_per_second_percentiles_in_ms_and_failures():
    run = bench.parse_wrk(WRK_OUTPUT)
    assert run.requests_per_second == 1112.04
    assert run.p50_ms == pytest.approx(0.85)
    assert run.p99_ms == pytest.approx(1520.0)
    assert (run.bad_responses, run.errors) == (12, 7)


def test_wrk_output_without_numbers_is_an_error_not_a_zero():
    with pytest.raises(ValueError, match="Requests/sec"):
        bench.parse_wrk("unable to connect to 127.0.0.1:8141 Connection refused")


def test_the_report_gives_medians_ratios_to_static_and_the_missed_targets():
    pages = {"static file": "/static/a.css", "news list": "/ja/news/"}
    results = {}
    for mode in bench.MODES:
        for count in (16, 50):
            results[(mode, count, "static file")] = [bench.Run(1000, 1, 2, 0, 0)] * 3
            results[(mode, count, "news list")] = [
                bench.Run(100, 10, 90, 0, 0),
                bench.Run(300, 10, 150, 0, 0),
                bench.Run(200, 10, 120, 3, 0),
            ]
    report = bench.render_report(
        pages=pages,
        data={"database": "sqlite 3", "cache": "LocMemCache", "partners": 16},
        sizes={
            ("in full", "static file"): 2048,
            ("in full", "news list"): 10240,
            ("uncached", "static file"): 2048,
            ("uncached", "news list"): 10240,
            ("cached", "static file"): 2048,
            ("cached", "news list"): 3072,  # sent gzipped
        },
        results=results,
        connections=[16, 50],
        args=argparse.Namespace(rounds=3, duration=3, connections="16,50", title="Benchmarks"),
        started=datetime.datetime(2026, 11, 29, tzinfo=datetime.UTC),
        load_before=(0.5, 0.4, 0.3),
        wrk_version="wrk 4.1.0",
    )
    row = "| news list | `/ja/news/` | 10.0 | 200† | 10.0 | 120.0 | 20.0% | 200† | 10.0 | 120.0 | 20.0% |"
    assert row in report
    in_full, rest = report.split("## Uncached")
    uncached, cached = rest.split("## Cached")
    assert "## Rendered in full" in in_full and row in in_full
    assert row in uncached
    assert row.replace("| 10.0 | 200†", "| 3.0 | 200†") in cached
    assert "| page | path | KB sent |" in report
    assert "- uncached, below 25% of static: news list (20.0%)" in report
    assert "- in full, below 25% of static: news list (20.0%)" in report
    assert "- cached, p99 above 100 ms: news list (120 ms)" in report
    assert "16 partners" in report


def test_only_keeps_the_named_pages_and_the_static_file():
    pages = {"static file": "/s.css", "home": "/ja/", "search": "/ja/search/?q=x"}
    assert bench.only_pages(pages, "search") == {
        "static file": "/s.css",
        "search": "/ja/search/?q=x",
    }
    assert bench.only_pages(pages, "") == pages
    with pytest.raises(SystemExit, match="unknown page labels: nope"):
        bench.only_pages(pages, "nope")


@pytest.mark.django_db
def test_the_sample_pages_cover_every_kind_and_answer_200(client):
    PartnerFactory()
    ReleaseFactory()
    EventFactory()
    pages = sample_pages("ja")
    assert list(pages) == [
        "static file",
        "home",
        "partners list",
        "partner page",
        "history",
        "news list",
        "release",
        "events list",
        "event",
        "RSS feed",
        "events .ics",
        "sitemap",
        "search",
    ]
    for label, path in pages.items():
        if label != "static file":
            assert client.get(path).status_code == 200, path
    assert describe_data()["partners"] == 1


@pytest.mark.django_db
def test_sample_pages_leave_out_detail_pages_of_an_empty_database():
    assert {"partner page", "release", "event"}.isdisjoint(sample_pages("en"))


@pytest.mark.django_db
def test_the_admin_lists_it_times_answer_for_an_editor():
    from scripts.admin_timings import ADDRESSES, admin_timings

    ReleaseFactory()
    EventFactory()
    PartnerFactory()
    rows = admin_timings(repeat=1)
    assert [row["label"] for row in rows] == list(ADDRESSES)
    assert {row["status"] for row in rows} == {200}
    assert all(row["queries"] > 0 and row["median_ms"] > 0 for row in rows)


def test_the_report_lists_the_admin_times_and_the_slow_ones():
    admin = [
        {
            "label": "releases",
            "path": "/admin/news/release/",
            "status": 200,
            "median_ms": 120.0,
            "max_ms": 150.0,
            "queries": 7,
        },
        {
            "label": "releases, search",
            "path": "/admin/news/release/?q=x",
            "status": 200,
            "median_ms": 420.0,
            "max_ms": 480.0,
            "queries": 7,
        },
    ]
    lines = bench.admin_section(admin)
    assert "| releases | `/admin/news/release/` | 120.0 | 150.0 | 7 |" in lines
    pages = {"static file": "/static/a.css"}
    results = {(mode, 16, "static file"): [bench.Run(1000, 1, 2, 0, 0)] for mode in bench.MODES}
    report = bench.render_report(
        pages=pages,
        data={"database": "sqlite 3", "cache": "LocMemCache"},
        sizes={(mode, "static file"): 2048 for mode in bench.MODES},
        results=results,
        connections=[16],
        args=argparse.Namespace(rounds=1, duration=3, connections="16", title="Benchmarks"),
        started=datetime.datetime(2026, 11, 29, tzinfo=datetime.UTC),
        load_before=(0.5, 0.4, 0.3),
        wrk_version="wrk 4.1.0",
        admin=admin,
    )
    assert "## Admin change lists" in report
    assert "- admin change lists, median above 300 ms: releases, search (420 ms)" in report
