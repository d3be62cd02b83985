"""Fingerprint the seed press releases so tests can check the demo never copies them.

The seed texts are LINK-J's own sentences and must not enter this repository; their
fingerprints (hashes of every run of WINDOW characters, after normalising) can. Rerun when
the seeds change:

    python -m tests.seeds ../shared/seeds > tests/data/seed_fingerprints.txt
"""

from __future__ import annotations

import hashlib
import sys
import unicodedata
from pathlib import Path

WINDOW = 25


def normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def fingerprint(run: str) -> str:
    return hashlib.sha256(run.encode()).hexdigest()[:12]


def runs(text: str, window: int = WINDOW):
    text = normalise(text)
    for start in range(len(text) - window + 1):
        yield text[start : start + window]


def main(folder: str) -> None:
    prints = set()
    for path in sorted(Path(folder).glob("*.txt")):
        prints.update(fingerprint(run) for run in runs(path.read_text(encoding="utf-8")))
    sys.stdout.write(f"# window={WINDOW}\n")
    sys.stdout.write("\n".join(sorted(prints)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
