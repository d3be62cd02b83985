"""The partnership numbers the releases state, computed from agreements, never typed.

A partnership begins with a partner's first agreement. Its ordinal overall, its ordinal among
partners of the same kind and the running overseas count are window functions over those first
agreements, ordered by date (then by entry order for agreements of the same day or month).
Because the windows only look backwards, cutting the ledger at any date leaves every earlier
row unchanged: the numbers "as of" a date are the rows up to it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import ExtractYear, RowNumber

from .models import HOME_COUNTRY, Agreement

_ORDER = [F("signed_on").asc(), F("pk").asc()]
_OVERSEAS = ~Q(partner__country=HOME_COUNTRY)


def ledger(as_of: datetime.date | None = None) -> QuerySet[Agreement]:
    """First agreements up to `as_of`, each with `ordinal`, `kind_ordinal`, `overseas_so_far`."""
    return (
        Agreement.objects.firsts()
        .as_of(as_of)
        .select_related("partner")
        .annotate(
            ordinal=Window(RowNumber(), order_by=_ORDER),
            kind_ordinal=Window(RowNumber(), partition_by=[F("partner__kind")], order_by=_ORDER),
            overseas_so_far=Window(
                Sum(
                    Case(When(_OVERSEAS, then=Value(1)), default=Value(0)),
                    output_field=IntegerField(),
                ),
                order_by=_ORDER,
            ),
        )
        .order_by("signed_on", "pk")
    )


def history_rows(as_of: datetime.date | None = None) -> QuerySet[Agreement]:
    """The ledger as the history table shows it: scope items, and the live release that
    announced each partnership (in the active language)."""
    from news.models import Release  # news depends on partners, not the other way round

    return ledger(as_of).prefetch_related(
        "scope_items",
        "partner__former_names",
        Prefetch(
            "releases", queryset=Release.objects.live().newest_first(), to_attr="live_releases"
        ),
    )


@dataclass(frozen=True)
class Standing:
    ordinal: int
    kind_ordinal: int
    total: int
    overseas: int

    @property
    def domestic(self) -> int:
        return self.total - self.overseas


def standing_of(agreement: Agreement) -> Standing | None:
    """Where a partnership stood the day it was signed: 'the 13th, the 3rd local government'.

    Returns None for an agreement that renewed an existing partnership.
    """
    first = Agreement.objects.firsts().filter(pk=agreement.pk).exists()
    if not first:
        return None
    up_to = Q(signed_on__lt=agreement.signed_on) | Q(
        signed_on=agreement.signed_on, pk__lte=agreement.pk
    )
    numbers = (
        Agreement.objects.firsts()
        .filter(up_to)
        .aggregate(
            ordinal=Count("pk"),
            kind_ordinal=Count("pk", filter=Q(partner__kind=agreement.partner.kind)),
            overseas=Count("pk", filter=_OVERSEAS),
        )
    )
    return Standing(
        ordinal=numbers["ordinal"],
        kind_ordinal=numbers["kind_ordinal"],
        total=numbers["ordinal"],
        overseas=numbers["overseas"],
    )


@dataclass(frozen=True)
class Totals:
    total: int
    overseas: int

    @property
    def domestic(self) -> int:
        return self.total - self.overseas


def totals(as_of: datetime.date | None = None) -> Totals:
    numbers = (
        Agreement.objects.firsts()
        .as_of(as_of)
        .aggregate(total=Count("pk"), overseas=Count("pk", filter=_OVERSEAS))
    )
    return Totals(total=numbers["total"], overseas=numbers["overseas"])


def per_year(as_of: datetime.date | None = None) -> list[dict]:
    """New partnerships per year, split into domestic and overseas, oldest year first."""
    return list(
        Agreement.objects.firsts()
        .as_of(as_of)
        .annotate(year=ExtractYear("signed_on"))
        .values("year")
        .annotate(
            overseas=Count("pk", filter=_OVERSEAS),
            domestic=Count("pk", filter=~_OVERSEAS),
            total=Count("pk"),
        )
        .order_by("year")
    )
