from django.core.paginator import Paginator
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from linkj.cache import remember
from linkj.preview import mark_preview, wants_preview
from linkj.publishing import can_preview
from linkj.views import (
    FilteredListView,
    SharedDetailPageMixin,
    SharedPageMixin,
    elided_page_range,
)

from . import ledger
from .filters import SORT_ORDERS, PartnerFilter, display_name_expression, sort_name_expression
from .models import Agreement, FormerName, Partner, Signatory

HISTORY_PAGE_SIZE = 100


class PartnerListView(FilteredListView):
    filterset_class = PartnerFilter
    template_name = "partners/partner_list.html"
    context_object_name = "partners"
    paginate_by = 24

    def get_queryset(self):
        first = Agreement.objects.filter(partner=OuterRef("pk")).order_by("signed_on", "pk")
        return (
            Partner.objects.live()
            .select_related("logo_image")
            .annotate(
                first_signed=Subquery(first.values("signed_on")[:1]),
                first_agreement=Subquery(first.values("pk")[:1]),
                display_name=display_name_expression(),
                sort_name=sort_name_expression(),
            )
            .prefetch_related(Prefetch("former_names", queryset=FormerName.objects.all()))
            .order_by(*SORT_ORDERS["name"])
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Ordinals for the partners on this page only, with the totals, in one query.
        first_agreements = {
            partner.pk: (partner.first_signed, partner.first_agreement)
            for partner in context["partners"]
            if partner.first_agreement is not None
        }
        context["totals"], context["ordinals"] = remember(
            f"ledger:totals-and-ordinals:{sorted(first_agreements.items())}",
            lambda: ledger.totals_and_ordinals(first_agreements),
        )
        return context


class PartnerDetailView(SharedDetailPageMixin, DetailView):
    template_name = "partners/partner_detail.html"
    context_object_name = "partner"
    is_preview = False

    def get_object(self, queryset=None):
        # The partner comes with its agreements (one query, the standing annotated on them),
        # so the page needs no separate query for the partner or for its ordinals.
        slug = self.kwargs["slug"]
        # Staff asking for a preview also see a partner whose name is not disclosed (yet).
        self.is_preview = wants_preview(self.request) and can_preview(self.request.user, Partner)
        partners = Partner.objects.all() if self.is_preview else Partner.objects.live()
        disclosure = {} if self.is_preview else {"partner__is_disclosed": True}
        signatories = Signatory.objects.order_by("side", "position", "pk")
        self.agreements = list(
            ledger.with_name_at_signing(
                ledger.with_standing(Agreement.objects.filter(partner__slug=slug, **disclosure))
            )
            .select_related("partner", "partner__logo_image")
            .prefetch_related("scope_items", Prefetch("signatories", queryset=signatories))
            .order_by("signed_on", "pk")
        )
        if self.agreements:
            partner = self.agreements[0].partner
            for agreement in self.agreements:
                agreement.partner = partner
        else:
            partner = get_object_or_404(partners.select_related("logo_image"), slug=slug)
        prefetch_related_objects([partner], "former_names")
        return partner

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        return mark_preview(response) if self.is_preview else response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["agreements"] = self.agreements
        context["is_preview"] = self.is_preview
        context["standing"] = ledger.standing(self.agreements[0]) if self.agreements else None
        return context


class HistoryView(SharedPageMixin, TemplateView):
    """The partnership table, a page of rows at a time, optionally one year's (?year=).

    Ordinals come from the window over the whole ledger, so page 3 of 2019 shows the same
    numbers as the full table would.
    """

    template_name = "partners/history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = remember("ledger:per-year", ledger.per_year)
        year = self._year(years)
        before = sum(row["total"] for row in years if year is not None and row["year"] < year)
        in_view = sum(row["total"] for row in years if year is None or row["year"] == year)
        paginator = Paginator(range(in_view), HISTORY_PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        if in_view:
            first, last = before + page.start_index(), before + page.end_index()
            context["rows"] = remember(
                f"ledger:history-page:{first}:{last}",
                lambda: list(ledger.history_page(first, last)),
            )
        else:
            context["rows"] = []
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            years=years,
            year=year,
            totals=ledger.totals_of_years(years),
            chart=bar_chart(years),
            page_obj=page,
            paginator=paginator,
            page_range=elided_page_range(page),
            query_without_page=query.urlencode(),
        )
        return context

    def _year(self, years: list[dict]) -> int | None:
        value = self.request.GET.get("year", "")
        if not value:
            return None
        if not value.isdigit() or int(value) not in {row["year"] for row in years}:
            raise Http404("No partnership history for this year.")
        return int(value)


def _tick_step(top: int, wanted: int = 5) -> int:
    """The smallest round step (1, 2, 5, 10, 20, 50…) that reaches `top` in `wanted` ticks."""
    magnitude = 1
    while True:
        for base in (1, 2, 5):
            if top <= base * magnitude * wanted:
                return base * magnitude
        magnitude *= 10


def bar_chart(
    years: list[dict],
    *,
    bar_width: int = 36,
    gap: int = 18,
    height: int = 180,
    top_margin: int = 24,
) -> dict:
    """Geometry for a stacked bar chart drawn as SVG by the template: no script, no library.

    `years` has every year, zeros included (ledger.per_year), so each year gets its place on
    the axis. The top margin leaves room for the total above the tallest bar.
    """
    highest = max((year["total"] for year in years), default=0)
    step = _tick_step(highest)
    top = max(step, -(-highest // step) * step)  # the axis ends on a tick at or above the max
    scale = height / top
    left = 16 + 8 * len(str(top))  # room for the widest tick label
    bottom = 28
    base = top_margin + height
    bars = []
    for index, year in enumerate(years):
        x = left + gap + index * (bar_width + gap)
        domestic_height = round(year["domestic"] * scale)
        overseas_height = round(year["overseas"] * scale)
        bars.append(
            {
                **year,
                "x": x,
                "label_x": x + bar_width / 2,
                "domestic_y": base - domestic_height,
                "domestic_height": domestic_height,
                "overseas_y": base - domestic_height - overseas_height,
                "overseas_height": overseas_height,
                "total_y": base - domestic_height - overseas_height - 6,
            }
        )
    width = left + gap + len(years) * (bar_width + gap)
    ticks = [
        {"value": value, "y": base - round(value * scale)} for value in range(0, top + 1, step)
    ]
    return {
        "bars": bars,
        "bar_width": bar_width,
        "width": max(width, 200),
        "height": base + bottom,
        "axis_y": base,
        "axis_x": left,
        "label_y": base + 18,
        "ticks": ticks,
    }
