#!/usr/bin/env python
"""Fetch the sample pages (scripts/samples.py) in both languages with Django's test client and
write each one, status and content type first, to a folder: two snapshots compare with diff.

Usage: scripts/snapshot_pages.py OUTPUT_FOLDER   (settings and database from the environment)

What differs on every request by design is blanked: CSRF tokens and CSP nonces.
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linkj.settings.dev")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from scripts.samples import sample_pages  # noqa: E402

VOLATILE = [
    (re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*'), rb"\1-"),
    (re.compile(rb'(nonce=")[^"]*'), rb"\1-"),
]


def main(output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    client = Client(HTTP_HOST="127.0.0.1")
    for language in ("ja", "en"):
        for label, path in sample_pages(language).items():
            if label == "static file":
                continue  # not from the database
            response = client.get(path)
            body = response.content
            for pattern, replacement in VOLATILE:
                body = pattern.sub(replacement, body)
            head = f"GET {path}\n{response.status_code} {response['Content-Type']}\n\n"
            name = f"{language}-{re.sub(r'[^a-z0-9]+', '-', label.lower()).strip('-')}.txt"
            (output / name).write_bytes(head.encode() + body)
            print(f"{response.status_code} {path}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
