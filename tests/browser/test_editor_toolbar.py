"""The rich-text editor's toolbar in the Japanese admin: every tip in Japanese, and no
character the usual fonts lack (the block menu's U+23F7 arrow drew a box)."""

import re

import pytest

from tests.browser.test_news import quiet_favicon

pytestmark = pytest.mark.django_db(transaction=True)

TOOLBAR = """() => Array.from(document.querySelectorAll(".prose-menubar")).map((bar) => ({
  tips: Array.from(bar.querySelectorAll("[title]")).map((el) => el.title),
  marks: Array.from(bar.querySelectorAll("*")).flatMap((el) => [
    getComputedStyle(el, "::before").content, getComputedStyle(el, "::after").content,
  ]).filter((content) => content !== "none" && content !== "normal" && content !== '""'),
}))"""


def test_the_toolbar_tips_are_japanese_and_draw_no_missing_glyph(page, login, editor):
    quiet_favicon(page)
    login(page, editor)
    page.goto("/admin/news/release/add/")
    page.wait_for_selector(".prose-menubar [title]")
    bars = page.evaluate(TOOLBAR)
    assert bars
    for bar in bars:
        assert bar["tips"] and [tip for tip in bar["tips"] if re.search("[A-Za-z]", tip)] == []
        assert [mark for mark in bar["marks"] if "\u23f7" in mark] == []
    assert page.console_errors == []
