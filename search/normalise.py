"""One normal form for what people type and what is stored, so that spellings meet.

Japanese is written without spaces and in several interchangeable scripts, so search matches
substrings of a normal form instead of words:

- NFKC: full-width Latin and digits become ASCII (ＵＣＳＤ = UCSD), half-width katakana
  become full-width (ﾖｺﾊﾏ = ヨコハマ);
- katakana become hiragana (ヨコハマ = よこはま);
- case is folded (UCSD = ucsd);
- the long-vowel mark ー is dropped (センター = センタ; コンピューター = コンピュータ), as are
  the middle dot and other punctuation, which only separate words.

`highlight_spans()` maps matches in the normal form back to the original text, so the words
shown to the visitor can be marked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from linkj.kana import to_hiragana

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
LONG_VOWEL_MARKS = "ー～〜"
# Characters that separate words but never belong to one: they become a space.
SEPARATORS = re.compile(
    r"[\s\u3000・、。，．,.:;!?！？「」『』（）()\[\]【】〈〉《》\"'“”‘’/／\\|<>＜＞-]+"
)
# Scripts written without spaces: a one-character term is meaningful (横, 大).
CJK_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _normalise_char(char: str) -> str:
    text = unicodedata.normalize("NFKC", char).casefold()
    text = to_hiragana(text)
    if text in LONG_VOWEL_MARKS:
        return ""
    return text


def normalise(text: str) -> str:
    """The normal form of `text`; separators become single spaces."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = to_hiragana(text)
    text = text.translate({ord(mark): None for mark in LONG_VOWEL_MARKS})
    return SEPARATORS.sub(" ", text).strip()


def terms(query: str) -> list[str]:
    """The distinct words of a query in their normal form, longest first, at most MAX_TERMS."""
    seen: list[str] = []
    for word in normalise(query).split():
        if word not in seen:
            seen.append(word)
    return sorted(seen, key=len, reverse=True)[:MAX_TERMS]


def is_too_short(term: str) -> bool:
    """One Latin letter or digit matches almost everything; one kanji or kana is a word."""
    return len(term) < 2 and not CJK_OR_KANA.match(term)


def short_grams(text: str) -> str:
    """Every distinct one- and two-character piece of each word of `text`, space-separated.

    Trigram indexes cannot look up terms shorter than three characters (横浜, 大), but they can
    look up a short *word* bounded by spaces: the document carries these pieces as words, and a
    short term is searched as ' 横浜 ' among them (see `pattern()`).
    """
    pieces: dict[str, None] = {}
    for word in text.split():
        for size in (1, 2):
            for start in range(len(word) - size + 1):
                pieces[word[start : start + size]] = None
    return " ".join(pieces)


def document(parts: Iterable[str | None]) -> str:
    """What is stored for one object: its texts in normal form, then their short pieces."""
    text = " ".join(filter(None, (normalise(part) for part in parts if part)))
    return f" {text} | {short_grams(text)} "


def pattern(term: str) -> str:
    """The substring a document must contain for `term`: long terms anywhere in the text,
    short ones as a whole piece among the short grams."""
    return term if len(term) >= 3 else f" {term} "


def highlight_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) ranges of `text` whose normal form is one of `words`, merged and sorted."""
    normal: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in _normalise_char(char):
            normal.append(piece)
            origin.append(index)
    flat = "".join(normal)
    spans = []
    for word in words:
        if not word:
            continue
        start = flat.find(word)
        while start != -1:
            end = start + len(word)
            spans.append((origin[start], origin[end - 1] + 1))
            start = flat.find(word, end)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
