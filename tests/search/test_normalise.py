import pytest

from search.normalise import (
    document,
    highlight_spans,
    is_too_short,
    normalise,
    pattern,
    short_grams,
    terms,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ＵＣＳＤ", "UCSD"),
        ("ucsd", "UCSD"),
        ("よこはま", "ヨコハマ"),
        ("ﾖｺﾊﾏ", "よこはま"),
        ("センター", "センタ"),
        ("コンピューター", "コンピュータ"),
        ("ＬＩＮＫ－Ｊ", "link-j"),
    ],
)
def test_spellings_people_type_meet_in_one_normal_form(typed, stored):
    assert normalise(typed) == normalise(stored)


def test_the_normal_form_is_hiragana_lower_case_ascii_without_long_vowel_marks():
    assert normalise("ＵＣＳＤ　センター") == "ucsd せんた"


def test_punctuation_separates_words():
    assert normalise("横浜・LINK-J（ラウンジ）") == "横浜 link j らうんじ"


def test_query_terms_are_distinct_longest_first_and_bounded():
    assert terms("横浜 ucsd 横浜 大") == ["ucsd", "横浜", "大"]
    assert len(terms(" ".join(f"w{n}" for n in range(50)))) == 8


def test_only_spaces_give_no_terms():
    assert terms("   \u3000  ") == []


def test_one_latin_letter_is_too_short_but_one_kanji_or_kana_is_a_word():
    assert is_too_short("a")
    assert not is_too_short("横")
    assert not is_too_short("よ")
    assert not is_too_short("ai")


def test_short_grams_list_each_one_and_two_character_piece_once():
    assert short_grams("横浜市 横浜") == "横 浜 市 横浜 浜市"


def test_a_two_character_word_inside_longer_japanese_text_is_found_as_a_piece():
    stored = document(["横浜市立大学との連携"])
    assert pattern("横浜") in stored
    assert pattern("大") in stored
    assert pattern("大阪") not in stored


def test_long_terms_are_looked_up_anywhere_in_the_text():
    stored = document(["University of California San Diego"])
    assert pattern("california") == "california"
    assert "californ" in stored


def test_a_document_holds_every_text_in_normal_form():
    stored = document(["ＵＣＳＤ", None, "", "カリフォルニア"])
    assert stored.startswith(" ucsd かりふぉるにあ | ")


def test_highlight_spans_map_matches_back_to_the_original_spelling():
    text = "ＵＣＳＤとヨコハマのセンター"
    spans = highlight_spans(text, ["ucsd", "よこはま", "せんた"])
    assert [text[start:end] for start, end in spans] == ["ＵＣＳＤ", "ヨコハマ", "センタ"]


def test_overlapping_highlights_merge():
    assert highlight_spans("横浜市", ["横浜", "浜市"]) == [(0, 3)]
