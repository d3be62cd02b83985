from __future__ import annotations

import html

from django import template
from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from search.normalise import highlight_spans

register = template.Library()

SNIPPET_BEFORE = 40
SNIPPET_LENGTH = 160


def _marked(text: str, words) -> SafeString:
    spans = highlight_spans(text, words)
    parts, last = [], 0
    for start, end in spans:
        parts.append(conditional_escape(text[last:start]))
        parts.append(f"<mark>{conditional_escape(text[start:end])}</mark>")
        last = end
    parts.append(conditional_escape(text[last:]))
    return mark_safe("".join(str(part) for part in parts))


@register.filter
def highlight(text, words) -> SafeString:
    """`text`, escaped, with every match of the search words (in normal form) in <mark>."""
    return _marked(str(text or ""), words or [])


@register.simple_tag
def snippet(words, *texts) -> SafeString:
    """A short excerpt of the first text (plain text or stored HTML) that contains a search
    word, around the first match and highlighted; else the start of the first non-empty one."""
    plain = [" ".join(html.unescape(strip_tags(str(text or ""))).split()) for text in texts]
    plain = [text for text in plain if text]
    if not plain:
        return mark_safe("")
    for text in plain:
        spans = highlight_spans(text, words or [])
        if spans:
            start = max(0, spans[0][0] - SNIPPET_BEFORE)
            break
    else:
        text, start = plain[0], 0
    excerpt = text[start : start + SNIPPET_LENGTH]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + SNIPPET_LENGTH < len(text) else ""
    return mark_safe(f"{prefix}{_marked(excerpt, words or [])}{suffix}")
