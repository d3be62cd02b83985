from django.db.models import Min, Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from events.models import Event
from linkj.views import FilteredListView
from news.models import Release

from . import ledger
from .filters import SORT_ORDERS, PartnerFilter, display_name_expression
from .models import Agreement, FormerName, Partner, Signatory


class PartnerListView(FilteredListView):
    filterset_class = PartnerFilter
    template_name = "partners/partner_list.html"
    context_object_name = "partners"
    paginate_by = 24

    def get_queryset(self):
        return (
            Partner.objects.public()
            .annotate(
                first_signed=Min("agreements__signed_on"), display_name=display_name_expression()
            )
            .prefetch_related(Prefetch("former_names", queryset=FormerName.objects.all()))
            .order_by(*SORT_ORDERS["name"])
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ordinals"] = {row.partner_id: row.ordinal for row in ledger.ledger()}
        return context


class PartnerDetailView(DetailView):
    template_name = "partners/partner_detail.html"
    context_object_name = "partner"

    def get_object(self, queryset=None):
        signatories = Signatory.objects.order_by("side", "position", "pk")
        agreements = Agreement.objects.prefetch_related(
            "scope_items", Prefetch("signatories", queryset=signatories)
        ).order_by("signed_on", "pk")
        return get_object_or_404(
            Partner.objects.public().prefetch_related(
                "former_names",
                Prefetch("agreements", queryset=agreements),
                Prefetch(
                    "releases",
                    queryset=Release.objects.live().newest_first(),
                    to_attr="live_releases",
                ),
                Prefetch(
                    "events",
                    queryset=Event.objects.published().for_listing().order_by("-starts_at"),
                    to_attr="published_events",
                ),
            ),
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreements = list(self.object.agreements.all())
        context["agreements"] = agreements
        context["standing"] = ledger.standing_of(agreements[0]) if agreements else None
        return context


class HistoryView(TemplateView):
    template_name = "partners/history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = ledger.history_rows()
        years = ledger.per_year()
        context["years"] = years
        context["chart"] = bar_chart(years)
        return context


def bar_chart(years: list[dict], *, bar_width: int = 36, gap: int = 18, height: int = 180) -> dict:
    """Geometry for a stacked bar chart drawn as SVG by the template: no script, no library."""
    top = max((year["total"] for year in years), default=0) or 1
    scale = height / top
    left, bottom = 32, 28
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
                "domestic_y": 10 + height - domestic_height,
                "domestic_height": domestic_height,
                "overseas_y": 10 + height - domestic_height - overseas_height,
                "overseas_height": overseas_height,
                "total_y": 10 + height - domestic_height - overseas_height - 4,
            }
        )
    width = left + gap + len(years) * (bar_width + gap)
    ticks = [
        {"value": value, "y": 10 + height - round(value * scale)} for value in range(0, top + 1)
    ]
    return {
        "bars": bars,
        "bar_width": bar_width,
        "width": max(width, 200),
        "height": height + 10 + bottom,
        "axis_y": 10 + height,
        "axis_x": left,
        "label_y": 10 + height + 18,
        "ticks": ticks if top <= 10 else ticks[:: max(1, top // 5)],
    }
