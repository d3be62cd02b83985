import pytest
from django.utils import translation


@pytest.mark.parametrize(
    ("text", "japanese"),
    [
        ("Japan time", "日本時間"),
        ("Upcoming events", "今後のイベント"),
        ("Tentative title", "仮題"),
    ],
)
def test_the_events_catalogue_is_loaded_for_japanese(text, japanese):
    with translation.override("ja"):
        assert translation.gettext(text) == japanese
