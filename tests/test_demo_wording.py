"""The demo retells the seed press releases in its own words: no run of 25 characters of any
demo text appears in a seed. The seeds stay outside the repository; their fingerprints
(tests/data/seed_fingerprints.txt, made by `python -m tests.seeds <folder>`) are enough."""

from pathlib import Path

import pytest

from events import demo as events_demo
from news import demo as news_demo
from pages import demo as pages_demo
from partners import demo as partners_demo
from tests.seeds import WINDOW, fingerprint, normalise, runs

FINGERPRINTS = Path(__file__).parent / "data" / "seed_fingerprints.txt"


def seed_prints() -> set[str]:
    lines = FINGERPRINTS.read_text().splitlines()
    assert lines[0] == f"# window={WINDOW}"
    return set(lines[1:])


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


DEMO_TEXTS = [
    *strings_in(news_demo.RELEASES),
    *strings_in(partners_demo.PARTNERS),
    *strings_in(partners_demo.SCOPE_ITEMS),
    *strings_in(events_demo.VENUES),
    *strings_in(events_demo.EVENTS),
    *strings_in(pages_demo.PAGES),
]
# Proper names are facts, free to use even when long: titles, organisations, venues.
NAMES = sorted(
    {
        "米国の最新ライフサイエンス事情～創薬のトレンドやVCの活動を中心に～",
        "ライフサイエンス・イノベーション・ネットワーク・ジャパン",
        *(name for partner in partners_demo.PARTNERS for name in partner["name"]),
        *(name for partner in partners_demo.PARTNERS for name in partner.get("former", ())),
        *(venue[f"name_{code}"] for venue in events_demo.VENUES.values() for code in ("ja", "en")),
    },
    key=len,
    reverse=True,
)


def test_the_fingerprints_catch_a_copied_sentence():
    prints = seed_prints()
    assert len(prints) > 5000
    assert fingerprint("x" * WINDOW) not in prints
    # The lounge's name is in a seed: its first run is found, as a copied sentence would be.
    lounge = normalise("横浜・LINK-J ライフサイエンス・ラウンジ@NYC")
    assert fingerprint(lounge[:WINDOW]) in prints


@pytest.mark.parametrize("text", [t for t in DEMO_TEXTS if len(t) >= WINDOW], ids=lambda t: t[:20])
def test_no_demo_text_copies_a_run_of_a_seed_release(text):
    for name in NAMES:
        text = text.replace(name, "|")
    prints = seed_prints()
    copied = [run for run in runs(text) if fingerprint(run) in prints]
    assert not copied, copied[0]
