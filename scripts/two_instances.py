"""Two web servers, one PostgreSQL, one Redis, one bucket: nothing on a worker's disk counts.

Starts a local S3-compatible server (moto, no network) and two gunicorn instances with
production settings on two ports, each with an empty MEDIA_ROOT of its own. Uploads a partner
logo through the admin of the first, then fetches the partner's page, its logo and its
renditions through both and compares them byte for byte. Exits non-zero on any difference,
or if anything was written to either instance's MEDIA_ROOT.

    .venv/bin/python scripts/two_instances.py [--ports 8111,8112,8113]
        [--database-url postgres://postgres@127.0.0.1:5432/linkj_two_instances]
        [--redis-url redis://127.0.0.1:6379/2]
"""

from __future__ import annotations

import argparse
import io
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import boto3
import psycopg
import requests
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BUCKET = "linkj-two-instances"
# Both instances sit behind one proxy: visitors name the same host to either.
PUBLIC_HOST = "www.link-j.example"
USER, PASSWORD = "two-instances", secrets.token_urlsafe(16)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ports", default="8111,8112,8113", help="S3 server, instance A, B")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/linkj_two_instances"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    args = parser.parse_args()
    s3_port, port_a, port_b = (int(port) for port in args.ports.split(","))
    run = time.strftime("%Y%m%d%H%M%S")
    processes: list[subprocess.Popen] = []
    media_roots = [Path(tempfile.mkdtemp(prefix=f"linkj-media-{name}-")) for name in "ab"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "linkj.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": PUBLIC_HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": f"http://127.0.0.1:{s3_port}",
        "MEDIA_S3_REGION": "us-east-1",
        "MEDIA_S3_ACCESS_KEY": "two-instances",
        "MEDIA_S3_SECRET_KEY": "two-instances",
        "MEDIA_S3_ADDRESSING_STYLE": "path",
        # A fresh prefix per run: the S3 server forgets its objects, Redis does not.
        "MEDIA_S3_PREFIX": f"run-{run}",
    }
    for port in (s3_port, port_a, port_b):
        if answers(port):
            raise SystemExit(f"two_instances: port {port} is taken; choose others with --ports")
    try:
        say(f"S3-compatible server (moto) on {s3_port}")
        processes.append(
            start([PYTHON, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(s3_port)])
        )
        wait_for_port(s3_port)
        boto3.client(
            "s3",
            endpoint_url=env["MEDIA_S3_ENDPOINT_URL"],
            region_name="us-east-1",
            aws_access_key_id="two-instances",
            aws_secret_access_key="two-instances",
        ).create_bucket(Bucket=BUCKET)

        say(f"database {urlsplit(args.database_url).path.lstrip('/')}: migrate, static files, user")
        create_database(args.database_url)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        manage(env, "shell", "-v", "0", "-c", CREATE_USER)

        servers = {}
        for name, port, media_root in (
            ("A", port_a, media_roots[0]),
            ("B", port_b, media_roots[1]),
        ):
            say(f"gunicorn {name} on {port} (MEDIA_ROOT {media_root})")
            processes.append(
                start(
                    [PYTHON, "-m", "gunicorn", "linkj.wsgi:application"]
                    + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "60"]
                    + ["--control-socket", str(LOGS / f"{name}.ctl")],
                    {**env, "MEDIA_ROOT": str(media_root)},
                )
            )
            servers[name] = f"http://127.0.0.1:{port}"
        for url in servers.values():
            wait_for_port(int(url.rsplit(":", 1)[1]))

        slug = f"two-instances-{run}"
        say(f"upload a logo through A's admin (partner {slug})")
        upload_partner(servers["A"], slug)

        differences = compare(servers, f"/en/partners/{slug}/")
        for media_root in media_roots:
            written = [str(path) for path in media_root.rglob("*") if path.is_file()]
            if written:
                differences.append(f"files written on a worker's disk: {written}")
    except (SystemExit, Exception):
        show_logs()
        raise
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        for media_root in media_roots:
            shutil.rmtree(media_root)

    if differences:
        show_logs()
        for difference in differences:
            print(f"DIFFERENT: {difference}", file=sys.stderr)
        return 1
    shutil.rmtree(LOGS)
    say("identical: page, logo and renditions through both instances; nothing on their disks")
    return 0


CREATE_USER = f"""
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username={USER!r})
user.is_staff = user.is_superuser = True
user.set_password({PASSWORD!r})
user.save()
"""


def say(message: str) -> None:
    print(f"two_instances: {message}", flush=True)


LOGS = Path(tempfile.mkdtemp(prefix="linkj-two-instances-logs-"))


def start(command: list[str], env: dict | None = None) -> subprocess.Popen:
    log = (LOGS / f"{len(list(LOGS.glob('*.log')))}.log").open("wb")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def show_logs() -> None:
    for log in sorted(LOGS.glob("*.log")):
        lines = log.read_text(errors="replace").splitlines()[-30:]
        print(f"--- {log.name} (last lines)", *lines, sep="\n", file=sys.stderr)


def answers(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if answers(port):
            return
        time.sleep(0.2)
    raise SystemExit(f"two_instances: nothing answers on port {port}")


def manage(env: dict, *arguments: str) -> None:
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


def create_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


class Browser:
    """A visitor of one instance as an HTTPS proxy passes it on: the public host name, the
    proxy's header, the cookies sent back by hand (they are Secure; this side is plain HTTP)."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {
            "Host": PUBLIC_HOST,
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{PUBLIC_HOST}{path}",
            "Origin": f"https://{PUBLIC_HOST}",
            **kwargs.pop("headers", {}),
        }
        response = requests.request(
            method,
            self.base + path,
            headers=headers,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def csrf_token(self, path: str) -> str:
        self.request("GET", path)
        return self.cookies["csrftoken"]


def logo_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (600, 300), (11, 92, 122)).save(out, "PNG")
    return out.getvalue()


def upload_partner(base: str, slug: str) -> None:
    browser = Browser(base)
    token = browser.csrf_token("/admin/login/")
    login = browser.request(
        "POST",
        "/admin/login/",
        data={"username": USER, "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    if login.status_code != 302:
        raise SystemExit(f"two_instances: admin login answered {login.status_code}")
    token = browser.csrf_token("/admin/partners/partner/add/")
    form = {
        "csrfmiddlewaretoken": token,
        "name_ja": "二台構成テスト",
        "name_en": "Two instances test",
        "name_reading": "にだいこうせいてすと",
        "short_name_ja": "TI",
        "short_name_en": "TI",
        "slug": slug,
        "kind": "cluster",
        "country": "FR",
        "website": "https://example.org/",
        "description_ja": "二台のサーバーで同じページ。",
        "description_en": "The same page from two servers.",
        "is_disclosed": "on",
        "former_names-TOTAL_FORMS": "0",
        "former_names-INITIAL_FORMS": "0",
        "agreements-TOTAL_FORMS": "1",
        "agreements-INITIAL_FORMS": "0",
        "agreements-0-signed_on": "2021-02-05",
        "agreements-0-date_precision": "day",
        "agreements-0-agreement_type": "mou",
    }
    response = browser.request(
        "POST",
        "/admin/partners/partner/add/",
        data=form,
        files={"logo": ("logo.png", logo_png(), "image/png")},
    )
    if response.status_code != 302:
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.text, re.S)
        raise SystemExit(f"two_instances: the admin refused the upload: {errors}")


def compare(servers: dict[str, str], page: str) -> list[str]:
    visitors = {name: Browser(base) for name, base in servers.items()}
    differences = []
    # B renders the page first (and makes the renditions); A then finds them through Redis.
    pages = {name: visitors[name].request("GET", page) for name in ("B", "A")}
    for name, response in pages.items():
        if response.status_code != 200:
            differences.append(f"{page} answered {response.status_code} on {name}")
    if pages["A"].text != pages["B"].text:
        differences.append(f"{page} differs between A and B")
    media = sorted(set(re.findall(r"/media/[^\s\"',]+", pages["B"].text)))
    renditions = [url for url in media if url.startswith("/media/renditions/")]
    if not renditions:
        differences.append(f"{page} shows no logo rendition")
    # The uploaded file itself, derived from a rendition's name.
    media += sorted({url.replace("/renditions/", "/").rsplit("/", 1)[0] for url in renditions})
    for url in media:
        answers = {name: visitor.request("GET", url) for name, visitor in visitors.items()}
        for name, response in answers.items():
            if response.status_code != 200:
                differences.append(f"{url} answered {response.status_code} on {name}")
        if answers["A"].content != answers["B"].content:
            differences.append(f"{url} differs between A and B")
        for header in ("Content-Type", "ETag", "Cache-Control"):
            if answers["A"].headers.get(header) != answers["B"].headers.get(header):
                differences.append(f"{url}: {header} differs between A and B")
        say(f"{url}: {answers['A'].status_code} {answers['A'].headers.get('Content-Type')}")
    return differences


if __name__ == "__main__":
    sys.exit(main())
