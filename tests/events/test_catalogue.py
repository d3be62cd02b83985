from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "events" / "locale" / "ja" / "LC_MESSAGES"


def test_every_interface_text_of_the_events_app_has_a_japanese_translation():
    catalogue = polib.pofile(str(LOCALE / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_the_compiled_catalogue_matches_the_source():
    source = polib.pofile(str(LOCALE / "django.po"))
    compiled = polib.mofile(str(LOCALE / "django.mo"))
    translated = {entry.msgid: entry.msgstr for entry in source if not entry.msgid_plural}
    compiled_map = {entry.msgid: entry.msgstr for entry in compiled if not entry.msgid_plural}
    missing = {k for k in translated if k and compiled_map.get(k) != translated[k]}
    assert not missing, f"run msgfmt: {sorted(missing)[:5]}"


@pytest.mark.parametrize("word", ["日本時間", "今後のイベント", "仮題"])
def test_the_catalogue_is_loaded_for_japanese(word):
    from django.utils import translation

    with translation.override("ja"):
        assert word in [
            translation.gettext("Japan time"),
            translation.gettext("Upcoming events"),
            translation.gettext("Tentative title"),
        ]
