"""Japanese (五十音) order for short lists sorted in Python, such as the country menu.

Code-point order puts katakana after hiragana and kanji last, in no order a reader expects.
The key here reads a name as hiragana (a short table of readings covers the kanji that begin
country names), then compares by the plain kana first (が with か, ぁ with あ, ー ignored),
the voiced and small forms only breaking ties, as dictionaries do.
"""

from __future__ import annotations

import unicodedata

# Readings of the kanji that begin country and territory names in Django's catalogue.
LEADING_READINGS = {
    "合衆国": "がっしゅうこく",
    "北朝鮮": "きたちょうせん",
    "米領": "べいりょう",
    "英領": "えいりょう",
    "仏領": "ふつりょう",
    "南極": "なんきょく",
    "中央": "ちゅうおう",
    "中国": "ちゅうごく",
    "赤道": "せきどう",
    "香港": "ほんこん",
    "日本": "にほん",
    "韓国": "かんこく",
    "台湾": "たいわん",
    "北": "きた",
    "南": "みなみ",
    "東": "ひがし",
    "西": "にし",
}
SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}


def to_hiragana(text: str) -> str:
    return text.translate(KATAKANA_TO_HIRAGANA)


def reading(text: str) -> str:
    """A hiragana reading good enough to sort by (the table above for leading kanji)."""
    for prefix in sorted(LEADING_READINGS, key=len, reverse=True):
        if text.startswith(prefix):
            text = LEADING_READINGS[prefix] + text[len(prefix) :]
            break
    return to_hiragana(text).replace("ゔ", "ぶ")


def gojuon_key(text: str) -> tuple[str, str]:
    full = reading(unicodedata.normalize("NFKC", text))
    plain = unicodedata.normalize("NFD", full)
    plain = "".join(char for char in plain if char not in "\u3099\u309aー・ ()（）")
    return plain.translate(SMALL_KANA), full
