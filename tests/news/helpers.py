"""Building admin POST data for a release, as the browser would send it."""

from __future__ import annotations

from news.models import Release

INLINE_PREFIXES = ("photos", "quotes")


def management(prefix: str, total: int = 0, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def release_form_data(release: Release | None = None, **overrides) -> dict:
    data = {
        "title_ja": "新しいリリース",
        "title_en": "A new release",
        "subtitle_ja": "",
        "subtitle_en": "",
        "lead_ja": "リードです。",
        "lead_en": "The lead.",
        "body_ja": "<p>本文</p>",
        "body_en": "<p>Body</p>",
        "slug": "a-new-release",
        "date": "2026-11-20",
        "category": "press_release",
        "status": "draft",
    }
    if release is not None:
        for name in list(data):
            value = getattr(release, name)
            data[name] = value.isoformat() if hasattr(value, "isoformat") else (value or "")
        data["expected_version"] = str(release.version)
        for prefix in INLINE_PREFIXES:
            rows = list(getattr(release, prefix).all())
            data.update(management(prefix, total=len(rows), initial=len(rows)))
            for index, row in enumerate(rows):
                data[f"{prefix}-{index}-id"] = str(row.pk)
                data[f"{prefix}-{index}-release"] = str(release.pk)
                for field in row._meta.concrete_fields:
                    if field.name in ("id", "release", "image", "width", "height"):
                        continue
                    value = getattr(row, field.attname)
                    data[f"{prefix}-{index}-{field.attname}"] = "" if value is None else value
    else:
        for prefix in INLINE_PREFIXES:
            data.update(management(prefix))
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
