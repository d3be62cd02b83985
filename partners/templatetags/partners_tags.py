from __future__ import annotations

import datetime

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from linkj.cache import remember
from partners import ledger
from partners.models import Kind

register = template.Library()


KIND_PHRASES = {
    Kind.UNIVERSITY: _("with a university"),
    Kind.RESEARCH: _("with a research institute or park"),
    Kind.CLUSTER: _("with a life-science cluster or association"),
    Kind.LOCAL_GOVERNMENT: _("with a local government"),
    Kind.FOUNDATION: _("with a public foundation"),
    Kind.COMPANY: _("with a company"),
    Kind.OTHER: _("with a partner of another kind"),
}


@register.filter
def ordinal(number: int) -> str:
    """11 → "11th" in English, "11件目" in Japanese (the word the releases use)."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        return ""
    if (get_language() or "ja").startswith("ja"):
        return f"{number}件目"
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@register.filter
def kind_phrase(kind: str) -> str:
    return KIND_PHRASES.get(kind, KIND_PHRASES[Kind.OTHER])


@register.inclusion_tag("partners/includes/summary.html")
def partnership_summary(
    as_of: datetime.date | None = None, totals: ledger.Totals | None = None
) -> dict:
    """The partner counts; a page that already has them passes `totals` (no query)."""
    if totals is None:
        totals = remember(f"ledger:totals:{as_of}", lambda: ledger.totals(as_of))
    return {"totals": totals, "as_of": as_of}
