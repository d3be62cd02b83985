"""Registration for one of the 2027 example events (the lounge seminar, in person and
online), with two questions. Idempotent."""

from __future__ import annotations

from events.models import Event
from linkj.demo import sync

from .models import Question, RegistrationSettings

EVENT_SLUG = "example-nyc-lounge-seminar-2027"

QUESTIONS = [
    {"label_ja": "役職", "label_en": "Job title", "required": False, "position": 1},
    {
        "label_ja": "食事の制限（会場で参加の方）",
        "label_en": "Dietary needs (if attending in person)",
        "help_text_ja": "アレルギーなどがあればお知らせください。",
        "help_text_en": "Allergies or other needs, if any.",
        "required": False,
        "position": 2,
    },
]


def load(stdout) -> int:
    event = Event.objects.filter(slug=EVENT_SLUG).first()
    if event is None:
        stdout.write(f"registrations.demo: event {EVENT_SLUG} not found, skipped")
        return 0
    settings, changes = sync(
        RegistrationSettings,
        {"event": event},
        {
            "enabled": True,
            "in_person_seats": 30,
            "online_seats": 200,
            "waiting_list": True,
            "members_only": False,
            "viewing_url": "https://stream.example.org/link-j-demo",
            "viewing_note_ja": "デモ用の架空の視聴リンクです。",
            "viewing_note_en": "A made-up viewing link for the demo.",
        },
    )
    for values in QUESTIONS:
        values = {"help_text_ja": "", "help_text_en": "", **values}
        position = values.pop("position")
        _question, changed = sync(Question, {"settings": settings, "position": position}, values)
        changes += changed
    return changes
