"""What a search finds: the live objects of each kind whose document holds every term.

Which objects a visitor may see is each app's own rule, called here and nowhere else in this
app (LIVE below), so that a rename in an app is a one-line change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from events.models import Event
from news.models import Release
from partners.filters import display_name_expression, sort_name_expression
from partners.models import FormerName, Partner

from .models import Document, Kind
from .normalise import pattern

# Counts stop here: a common word in 100,000 releases is shown as "1,000+" rather than read
# in full, and paging covers the first 1,000 results of a group.
COUNT_LIMIT = 1000

# The publishing rule of each app: what a visitor may see in `language`.
LIVE: dict[str, Callable[[str], QuerySet]] = {
    Kind.PARTNER: lambda language: Partner.objects.live(),
    Kind.RELEASE: lambda language: Release.objects.live(language),
    Kind.EVENT: lambda language: Event.objects.live(),
}


def matching_ids(kind: str, terms: list[str]) -> QuerySet:
    """Object ids whose document contains every term: one LIKE per term, served by the
    trigram index on PostgreSQL (short terms are looked up as words among the short grams)."""
    documents = Document.objects.filter(kind=kind)
    for term in terms:
        documents = documents.filter(text__contains=pattern(term))
    return documents.values("object_id")


def partners(terms: list[str], language: str) -> QuerySet:
    return (
        LIVE[Kind.PARTNER](language)
        .filter(pk__in=matching_ids(Kind.PARTNER, terms))
        .annotate(display_name=display_name_expression(), sort_name=sort_name_expression())
        .prefetch_related(Prefetch("former_names", queryset=FormerName.objects.all()))
        .order_by("sort_name", "pk")
    )


def releases(terms: list[str], language: str) -> QuerySet:
    return (
        LIVE[Kind.RELEASE](language)
        .filter(pk__in=matching_ids(Kind.RELEASE, terms))
        .order_by("-date", "-pk")
    )


def events(terms: list[str], language: str) -> QuerySet:
    return (
        LIVE[Kind.EVENT](language)
        .filter(pk__in=matching_ids(Kind.EVENT, terms))
        .select_related("venue")
        .order_by("-starts_at", "-pk")
    )


@dataclass(frozen=True)
class Group:
    key: str  # the value of ?type=
    label: object
    find: Callable[[list[str], str], QuerySet]


GROUPS = [
    Group("partners", _("Partners"), partners),
    Group("releases", _("News releases"), releases),
    Group("events", _("Events"), events),
]


def capped_counts(querysets: list[QuerySet]) -> list[int]:
    """How many rows each queryset finds, up to COUNT_LIMIT, in one query for all of them.

    Each count reads at most COUNT_LIMIT rows, in no particular order, so the database may
    stop early, and the page keeps its query budget whatever the number of groups.
    """
    parts, params = [], []
    for queryset in querysets:
        sql, values = queryset.order_by().values("pk")[:COUNT_LIMIT].query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS found)")
        params.extend(values)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        return list(cursor.fetchone())
