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

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import ExtractYear, RowNumber

from linkj import extensions

from .models import HOME_COUNTRY, Agreement, FormerName, is_first_agreement

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


def _as_history(rows: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """Rows as the history table shows them: scope items, the name at signing, and what
    upper apps add to each row (news: the release that announced it)."""
    for annotate in extensions.partnership_row_annotations:
        rows = annotate(rows)
    return with_name_at_signing(rows).prefetch_related("scope_items")


def with_name_at_signing(agreements: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """Annotate `signed_as_<code>`: the former name the partner signed under when it has been
    renamed since (the earliest former name still in use on the signing date), else empty.
    In SQL, so that a table of partnerships needs no query per partner."""
    in_use = FormerName.objects.filter(
        partner=OuterRef("partner"), until__gte=OuterRef("signed_on")
    ).order_by("until", "pk")
    return agreements.annotate(
        **{
            f"signed_as_{code}": Subquery(in_use.values(f"name_{code}")[:1])
            for code, _name in settings.LANGUAGES
        }
    )


def latest_history_rows(as_of: datetime.date | None, last: int) -> QuerySet[Agreement]:
    """The `last` newest partnerships up to `as_of`, oldest first, numbered as in the whole
    ledger; each row also carries `ledger_total`, the number of partnerships up to `as_of`.

    A release appends the table as it stood on its date: a handful of rows for LINK-J, but
    bounded all the same, so that a page never carries thousands of them.
    """
    firsts = Agreement.objects.firsts().as_of(as_of)
    newest = firsts.order_by("-signed_on", "-pk").values("pk")[:last]
    total = _Count(firsts.values("pk"))
    rows = (
        Agreement.objects.filter(pk__in=newest)
        .select_related("partner")
        .annotate(
            ledger_total=total,
            # Row k of the n rows shown is partnership number total - n + k.
            ordinal=Window(RowNumber(), order_by=_ORDER) + total - Window(Count("pk")),
        )
        .order_by(*_ORDER)
    )
    return _as_history(rows)


def history_page(first: int, last: int) -> QuerySet[Agreement]:
    """Partnerships number `first` to `last` of the ledger, as the history table shows them.

    The page is cut from the ordered first agreements before anything else is computed, so
    its cost does not grow with the ledger; consecutive rows make their ordinals `first`,
    `first + 1`... (kind ordinals and overseas counts are not shown in the table).
    """
    page = Agreement.objects.firsts().order_by(*_ORDER).values("pk")[first - 1 : last]
    rows = (
        Agreement.objects.filter(pk__in=page)
        .select_related("partner")
        .annotate(ordinal=Window(RowNumber(), order_by=_ORDER) + Value(first - 1))
        .order_by(*_ORDER)
    )
    return _as_history(rows)


class _Count(Subquery):
    """How many rows a subquery returns, as a correlated scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = IntegerField()


def _up_to(signed_on, pk) -> Q:
    """Ledger rows up to and including the one signed on `signed_on` with key `pk`."""
    return Q(signed_on__lt=signed_on) | Q(signed_on=signed_on, pk__lte=pk)


@dataclass(frozen=True)
class Standing:
    ordinal: int
    kind_ordinal: int
    total: int
    overseas: int

    @property
    def domestic(self) -> int:
        return self.total - self.overseas


def with_standing(agreements: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """Annotate agreements with where the ledger stood the day each was signed, so that a
    page gets its agreements and 'the 13th, the 3rd local government' in one query.
    Read the result with `standing()`."""
    up_to = (
        Agreement.objects.firsts()
        .filter(_up_to(OuterRef("signed_on"), OuterRef("pk")))
        .values("pk")
    )
    return agreements.annotate(
        is_first=is_first_agreement(),
        standing_ordinal=_Count(up_to),
        standing_kind_ordinal=_Count(up_to.filter(partner__kind=OuterRef("partner__kind"))),
        standing_overseas=_Count(up_to.filter(_OVERSEAS)),
    )


def standing(agreement: Agreement) -> Standing | None:
    """The standing of an agreement annotated by `with_standing()`; None for a renewal."""
    if not agreement.is_first:
        return None
    return Standing(
        ordinal=agreement.standing_ordinal,
        kind_ordinal=agreement.standing_kind_ordinal,
        total=agreement.standing_ordinal,
        overseas=agreement.standing_overseas,
    )


def standing_of(agreement: Agreement) -> Standing | None:
    """Where a partnership stood the day it was signed: 'the 13th, the 3rd local government'.

    Returns None for an agreement that renewed an existing partnership. One query.
    """
    return standing(with_standing(Agreement.objects.filter(pk=agreement.pk)).get())


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


def totals_and_ordinals(
    first_agreements: dict[int, tuple[datetime.date, int]],
) -> tuple[Totals, dict[int, int]]:
    """Today's totals, and the ordinal of each given partnership, in one query.

    `first_agreements` maps a partner's id to its first agreement's (signed_on, pk); a list
    page passes its own partners only, so the cost does not grow with the ledger's length.
    """
    aggregates = {"total": Count("pk"), "overseas": Count("pk", filter=_OVERSEAS)}
    for partner_id, (signed_on, pk) in first_agreements.items():
        aggregates[f"ordinal_{partner_id}"] = Count("pk", filter=_up_to(signed_on, pk))
    numbers = Agreement.objects.firsts().aggregate(**aggregates)
    ordinals = {partner_id: numbers[f"ordinal_{partner_id}"] for partner_id in first_agreements}
    return Totals(total=numbers["total"], overseas=numbers["overseas"]), ordinals


def per_year(as_of: datetime.date | None = None) -> list[dict]:
    """New partnerships per year, split into domestic and overseas, oldest year first.

    Every year from the first partnership to the last is there, a year without any with
    zeros, so that a chart drawn from it shows the gaps.
    """
    rows = {
        row["year"]: row
        for row in Agreement.objects.firsts()
        .as_of(as_of)
        .annotate(year=ExtractYear("signed_on"))
        .values("year")
        .annotate(
            overseas=Count("pk", filter=_OVERSEAS),
            domestic=Count("pk", filter=~_OVERSEAS),
            total=Count("pk"),
        )
        .order_by("year")
    }
    if not rows:
        return []
    return [
        rows.get(year, {"year": year, "overseas": 0, "domestic": 0, "total": 0})
        for year in range(min(rows), max(rows) + 1)
    ]


def totals_of_years(years: list[dict]) -> Totals:
    """The totals a `per_year()` list adds up to, without asking the database again."""
    return Totals(
        total=sum(year["total"] for year in years),
        overseas=sum(year["overseas"] for year in years),
    )
