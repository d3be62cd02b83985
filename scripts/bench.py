#!/usr/bin/env python
"""The benchmark behind `make bench`: gunicorn (2 workers, production settings, gunicorn.conf.py)
against the database in DATABASE_URL (default: the SQLite demo, loaded if needed), loaded by
wrk over one page of each kind, uncached and cached, in interleaved rounds.

Prints a Markdown report (req/s, p50, p99, share of the static file's req/s) and writes it to
docs/benchmarks.md. A measurement, not a test: it never fails on slow numbers, only when a
page does not answer 200 or the tools are missing.

    make bench                                   # SQLite demo, local-memory cache per worker
    DATABASE_URL=postgres://... REDIS_URL=redis://... make bench
    scripts/bench.py --rounds 1 --duration 2     # a quick look
    scripts/bench.py --only search --output /tmp/search.md   # one page (and the static file)
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# In full: nothing kept but shared values (what the first request after a change costs);
# uncached: the whole-page cache off, pages assembled from shared fragments (what logged-in
# members and staff get); cached: the site as deployed, for anonymous visitors.
MODES = {
    "in full": {"LINKJ_PAGE_CACHE": "off", "LINKJ_SHARED_FRAGMENTS": "off"},
    "uncached": {"LINKJ_PAGE_CACHE": "off"},
    "cached": {},
}
MODE_TITLES = {
    "in full": "Rendered in full (`LINKJ_PAGE_CACHE=off LINKJ_SHARED_FRAGMENTS=off`)",
    "uncached": "Uncached (`LINKJ_PAGE_CACHE=off`)",
    "cached": "Cached",
}
# What a browser behind the TLS proxy sends, as far as the site is concerned.
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
WORKERS = 2
# Issue 7's targets, read against the table.
TARGET_UNCACHED_LIST, TARGET_CACHED, TARGET_P99_MS = 0.25, 0.90, 100.0
TARGET_ADMIN_MS = 300.0
LIST_PAGES = ("partners list", "news list", "events list", "history")


@dataclass
class Run:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    bad_responses: int
    errors: int


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--duration", type=int, default=3, help="seconds per URL (default 3)")
    parser.add_argument("--connections", default="16,50", help="comma-separated (16,50)")
    parser.add_argument("--port", type=int, default=8141, help="first of three ports (8141)")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated page labels to measure (with the static file), e.g. search",
    )
    parser.add_argument("--title", default="Benchmarks", help="the report's heading")
    args = parser.parse_args()
    connections = [int(value) for value in args.connections.split(",")]

    wrk = find_wrk()
    environment = server_environment()
    prepare(environment)
    pages, data = sample_pages(environment)
    pages = only_pages(pages, args.only)
    ports = {mode: args.port + index for index, mode in enumerate(MODES)}
    runs_planned = args.rounds * len(connections) * len(pages) * len(MODES)
    say(
        f"{len(pages)} URLs x {len(connections)} connection counts x {len(MODES)} modes x "
        f"{args.rounds} rounds x {args.duration} s: about {runs_planned * (args.duration + 0.5) / 60:.0f} min"
    )
    load_before = os.getloadavg()
    started = datetime.datetime.now(datetime.UTC)
    results: dict[tuple[str, int, str], list[Run]] = {}
    sizes: dict[tuple[str, str], int] = {}
    with tempfile.TemporaryDirectory(prefix="linkj-bench-") as scratch:
        servers = {
            mode: start_server(environment | extra, ports[mode], Path(scratch) / f"{mode}.log")
            for mode, extra in MODES.items()
        }
        try:
            for mode, port in ports.items():
                wait_until_healthy(port, servers[mode], Path(scratch) / f"{mode}.log")
                for label, path in pages.items():
                    sizes[(mode, label)] = check_page(port, path, label)
            # Interleaved: each round visits every URL, at every connection count, in each mode,
            # so that a slow minute of a shared machine spreads over all rows alike.
            for round_number in range(1, args.rounds + 1):
                for connection_count in connections:
                    say(f"round {round_number}/{args.rounds}, {connection_count} connections")
                    for label, path in pages.items():
                        for mode, port in ports.items():
                            run = run_wrk(wrk, port, path, connection_count, args.duration)
                            results.setdefault((mode, connection_count, label), []).append(run)
                            drain(port)
        finally:
            for server in servers.values():
                stop_server(server)
    admin = []
    if not args.only:
        say("admin change lists, in-process")
        admin = measure_admin(environment)
    report = render_report(
        admin=admin,
        pages=pages,
        data=data,
        sizes=sizes,
        results=results,
        connections=connections,
        args=args,
        started=started,
        load_before=load_before,
        wrk_version=wrk_version(wrk),
    )
    print(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report)
    say(f"written to {args.output}")


def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def find_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if shutil.which("apt-get") and os.geteuid() == 0:
        say("wrk is missing: installing the Debian package")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            check=True,
            env=os.environ | {"DEBIAN_FRONTEND": "noninteractive"},
        )
        wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("bench: wrk is not installed. Install it (Debian: apt-get install wrk) and rerun.")
    return wrk


def wrk_version(wrk: str) -> str:
    result = subprocess.run([wrk, "--version"], capture_output=True, text=True)
    return (result.stdout + result.stderr).split("Copyright")[0].strip()


def server_environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "linkj.settings.production",
            "DJANGO_SECRET_KEY": environment.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "GUNICORN_WORKERS": str(WORKERS),
            "GUNICORN_THREADS": "1",
        }
    )
    environment.pop("LINKJ_PAGE_CACHE", None)
    return environment


def manage(environment: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"bench: manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare(environment: dict[str, str]) -> None:
    if not environment.get("DATABASE_URL"):
        say("no DATABASE_URL: the SQLite demo (db.sqlite3), migrated and loaded")
        manage(environment, "migrate", "--noinput")
        manage(environment, "load_demo")
    say("collectstatic")
    manage(environment, "collectstatic", "--noinput", "-v", "0")


def sample_pages(environment: dict[str, str]) -> tuple[dict[str, str], dict[str, object]]:
    code = (
        "import json; from scripts.samples import sample_pages, describe_data; "
        "print(json.dumps({'pages': sample_pages('ja'), 'data': describe_data()}))"
    )
    output = manage(environment, "shell", "--no-imports", "-c", code)
    answer = json.loads(output.strip().splitlines()[-1])
    return answer["pages"], answer["data"]


def measure_admin(environment: dict[str, str]) -> list[dict]:
    """The admin's change lists, timed in-process (scripts/admin_timings.py)."""
    code = (
        "import json; from scripts.admin_timings import admin_timings; "
        "print(json.dumps(admin_timings()))"
    )
    output = manage(environment, "shell", "--no-imports", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


def only_pages(pages: dict[str, str], only: str) -> dict[str, str]:
    """The pages named in --only, with the static file every ratio is taken against."""
    if not only:
        return pages
    wanted = {label.strip() for label in only.split(",")} | {"static file"}
    unknown = wanted - set(pages)
    if unknown:
        raise SystemExit(f"unknown page labels: {', '.join(sorted(unknown))}")
    return {label: path for label, path in pages.items() if label in wanted}


def start_server(environment: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    environment = environment | {"GUNICORN_BIND": f"127.0.0.1:{port}"}
    with log.open("wb") as output:
        return subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def fetch(port: int, path: str, timeout: float = 60) -> tuple[int, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_healthy(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"bench: gunicorn on port {port} exited:\n{log.read_text()[-3000:]}")
        try:
            if fetch(port, "/healthz", timeout=5)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"bench: gunicorn on port {port} did not become healthy:\n{log.read_text()[-3000:]}")


def check_page(port: int, path: str, label: str) -> int:
    """Insist on a 200 (timing errors is pointless) and return the size of the body as sent.

    Fetched twice: the first request fills the cache, the second is answered as the run's
    requests will be (from the cache, gzipped, when the server caches)."""
    for _ in range(2):
        status, body = fetch(port, path)
        if status != 200:
            sys.exit(f"bench: {label} ({path}) answered {status}, not 200")
    return len(body)


def drain(port: int) -> None:
    """Wait until the server has served what wrk left queued, which would otherwise run during
    the next URL's measurement: one request per worker at once, each answered only once its
    worker is free (a slow page at 50 connections leaves seconds of work behind)."""

    def ask(_worker: int) -> None:
        try:
            fetch(port, "/healthz", timeout=60)
        except OSError:
            pass

    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(ask, range(WORKERS)))


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS_MS[unit]


def run_wrk(wrk: str, port: int, path: str, connections: int, duration: int) -> Run:
    command = [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    result = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True
    )
    return parse_wrk(result.stdout)


def parse_wrk(output: str) -> Run:
    def find(pattern: str, default: str | None = None) -> str:
        match = re.search(pattern, output)
        if match:
            return match.group(1)
        if default is None:
            raise ValueError(f"wrk output without {pattern!r}:\n{output}")
        return default

    errors = find(r"Socket errors: (.*)", "")
    return Run(
        requests_per_second=float(find(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=_milliseconds(find(r"\s50%\s+(\S+)")),
        p99_ms=_milliseconds(find(r"\s99%\s+(\S+)")),
        bad_responses=int(find(r"Non-2xx or 3xx responses: (\d+)", "0")),
        errors=sum(int(n) for n in re.findall(r"\d+", errors)),
    )


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kb = int(line.split()[1])
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1024 / 1024:.1f} GB RAM, "
        f"{platform.system()} {platform.release()}"
    )


def render_report(
    *,
    pages,
    data,
    sizes,
    results,
    connections,
    args,
    started,
    load_before,
    wrk_version,
    admin=(),
):
    def median(mode, count, label, field):
        return statistics.median(getattr(run, field) for run in results[(mode, count, label)])

    lines = [
        f"# {args.title}",
        "",
        "Written by `make bench` (`scripts/bench.py`); a measurement, not a test. Rerun it on the",
        "machine and data you care about: numbers from a shared machine are only comparable",
        "within one run (hence the ratios to the static file). `make bench` measures PostgreSQL",
        "and Redis with 5,000 partners, 100,000 releases and 10,000 events (docs/benchmarks.md),",
        "`make bench-demo` the same pages on the SQLite demo (docs/benchmarks-demo.md).",
        "",
        "## Setup",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine()}; load average before the run "
        f"{' / '.join(f'{value:.2f}' for value in load_before)}",
        f"- Software: Python {platform.python_version()}, {versions()}, {wrk_version}",
        f"- Database: {data['database']} ({'DATABASE_URL' if os.environ.get('DATABASE_URL') else 'the SQLite demo, db.sqlite3'}); "
        f"cache: {data['cache']}",
        "- Data: "
        + ", ".join(f"{value:,} {name}" for name, value in data.items() if isinstance(value, int)),
        "- Server: gunicorn with `gunicorn.conf.py`, 2 sync workers, `linkj.settings.production`, "
        "`DJANGO_SECURE_SSL_REDIRECT=false`, `DJANGO_ALLOWED_HOSTS=127.0.0.1`, JSON access log",
        f"- Load: wrk, 2 threads, {' and '.join(map(str, connections))} connections, "
        f"{args.duration} s per URL, {args.rounds} interleaved rounds (each URL in every mode "
        "before the next), medians of the rounds; headers "
        + ", ".join(f"`{k}: {v}`" for k, v in HEADERS.items()),
        "- Modes: *in full* with `LINKJ_PAGE_CACHE=off LINKJ_SHARED_FRAGMENTS=off`, *uncached* "
        "with `LINKJ_PAGE_CACHE=off`, *cached* with neither; the servers run side by side, one "
        "port each",
        f"- Command: `{command_line(args)}`",
        "",
    ]
    below_share: dict[str, list[str]] = {mode: [] for mode in MODES}
    slow_p99: dict[str, list[str]] = {mode: [] for mode in MODES}
    for mode in MODES:
        title = MODE_TITLES[mode]
        header = "| page | path | KB sent |"
        rule = "|---|---|--:|"
        for count in connections:
            header += f" req/s @{count} | p50 ms | p99 ms | vs static |"
            rule += "--:|--:|--:|--:|"
        lines += [f"## {title}", "", header, rule]
        wanted = TARGET_CACHED if mode == "cached" else TARGET_UNCACHED_LIST
        for label, path in pages.items():
            row = f"| {label} | `{path}` | {sizes[(mode, label)] / 1024:.1f} |"
            shares = []
            for count in connections:
                rps = median(mode, count, label, "requests_per_second")
                share = rps / median(mode, count, "static file", "requests_per_second")
                shares.append(share)
                p99 = median(mode, count, label, "p99_ms")
                runs = results[(mode, count, label)]
                flags = "†" if any(run.bad_responses or run.errors for run in runs) else ""
                row += (
                    f" {rps:,.0f}{flags} | {median(mode, count, label, 'p50_ms'):.1f} | "
                    f"{p99:.1f} | {share:.1%} |"
                )
                if count == max(connections) and p99 > TARGET_P99_MS:
                    slow_p99[mode].append(f"{label} ({p99:,.0f} ms)")
            measured = label != "static file" and (mode == "cached" or label in LIST_PAGES)
            if measured and min(shares) < wanted:
                below_share[mode].append(f"{label} ({min(shares):.1%})")
            lines.append(row)
        lines.append("")
    lines += [
        "† some responses were not 2xx/3xx or hit socket errors (timeouts) in at least one round.",
        "",
        "Reading the numbers: latencies count completed requests only, so on a page slower than "
        "the load p99 nears the run's length (requests queued the whole run). A load average "
        "above the core count means other work shared the CPUs: absolute numbers are then low, "
        "the ratios within the run still comparable. Every request writes its JSON access line, "
        "as in production. *KB sent* is the body as sent to a client that accepts gzip: "
        "cached pages are stored and sent gzipped, uncached ones leave compression to the "
        "proxy in front. With 2 sync workers and N connections, a request waits for about "
        "N / 2 others: its latency is about N / 2 times the page's own time (Little's law), so "
        "a page that takes 20 ms of CPU cannot have a p99 under 100 ms at 50 connections.",
        "",
        "*Uncached* turns off only the whole-page cache, as for logged-in members and staff, "
        "who never get cached pages: values every visitor shares (list counts, sitemap "
        "figures, ledger totals and rows, menus; `linkj.cache.remember`) are still kept until "
        "the content changes; list, history, home, search and detail pages are assembled "
        "from fragments shared by every visitor (`linkj.views.SharedPageMixin`), with only the "
        "visitor's messages rendered per request, and feeds, calendars and sitemaps are kept "
        "whole (event pages with a registration form excepted). *In full* turns the fragments "
        "off too: every request renders its whole page, as the first request after a content "
        "change does (shared values still kept).",
        "",
        *admin_section(admin),
        "## Against the targets of issue 7",
        "",
        f"Uncached list pages ({', '.join(LIST_PAGES)}) at least {TARGET_UNCACHED_LIST:.0%} of "
        f"the static file's req/s, cached pages at least {TARGET_CACHED:.0%}, p99 at most "
        f"{TARGET_P99_MS:.0f} ms at {max(connections)} connections. Misses (worst share):",
        "",
    ]
    for mode in MODES:
        wanted = TARGET_CACHED if mode == "cached" else TARGET_UNCACHED_LIST
        lines.append(
            f"- {mode}, below {wanted:.0%} of static: {', '.join(below_share[mode]) or 'none'}"
        )
        lines.append(
            f"- {mode}, p99 above {TARGET_P99_MS:.0f} ms: {', '.join(slow_p99[mode]) or 'none'}"
        )
    if admin:
        slow = [
            f"{row['label']} ({row['median_ms']:,.0f} ms)"
            for row in admin
            if row["median_ms"] > TARGET_ADMIN_MS
        ]
        lines.append(
            f"- admin change lists, median above {TARGET_ADMIN_MS:.0f} ms: "
            f"{', '.join(slow) or 'none'}"
        )
    return "\n".join(lines) + "\n"


def admin_section(admin) -> list[str]:
    if not admin:
        return []
    lines = [
        "## Admin change lists",
        "",
        "A logged-in superuser, in-process through the whole middleware chain (Django's test "
        "client, production settings, same database and cache), 5 requests after one to warm "
        "up (`scripts/admin_timings.py`).",
        "",
        "| list | path | median ms | slowest ms | SQL queries |",
        "|---|---|--:|--:|--:|",
    ]
    for row in admin:
        status = "" if row["status"] == 200 else f" (answered {row['status']})"
        lines.append(
            f"| {row['label']}{status} | `{row['path']}` | {row['median_ms']:,.1f} | "
            f"{row['max_ms']:,.1f} | {row['queries']} |"
        )
    return [*lines, ""]


def versions() -> str:
    from importlib.metadata import version

    return ", ".join(f"{name} {version(name)}" for name in ("Django", "gunicorn"))


def command_line(args) -> str:
    parts = []
    for name in ("DATABASE_URL", "REDIS_URL"):
        if os.environ.get(name):
            # A password in the URL stays out of a committed file.
            url = re.sub(r"//([^:@/]+):[^@/]+@", r"//\1:***@", os.environ[name])
            parts.append(f"{name}={url}")
    parts.append("make bench")
    defaults = {"rounds": 3, "duration": 3, "connections": "16,50"}
    extra = [f"--{k} {getattr(args, k)}" for k, v in defaults.items() if getattr(args, k) != v]
    if extra:
        parts = [*parts[:-1], "scripts/bench.py", *extra]
    return " ".join(parts)


if __name__ == "__main__":
    main()
