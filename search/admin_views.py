"""The search log in the Wagtail admin's Reports menu: read only, for editors and moderators.

One page: what the site's visitors searched for most and what found nothing in the chosen
period, then the searches themselves, newest first. It costs the same few queries however
long the log is: a count and a page of rows for the list, one grouped query per summary.
"""

from dataclasses import asdict, dataclass
from urllib.parse import urlencode

import django_filters
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from modelsearch.utils import normalise_query_string
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query
from wagtail.permission_policies import ModelPermissionPolicy

from search.faceted import SORTS
from search.facets import BY_NAME, BY_PARAM, FACETS, Choices
from search.models import SORT, QueryCount, SearchLog

VIEW_PERMISSION = "search.view_searchlog"
ADD_PICK_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"
SUMMARY_LENGTH = 20


@dataclass(frozen=True)
class PickableCount(QueryCount):
    pick_url: str = ""
    pick_action: str = ""


class SearchLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


class SearchLogFilterSet(WagtailFilterSet):
    NO_RESULTS = "none"

    searched_at = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)
    results = django_filters.ChoiceFilter(
        label="Results",
        choices=[(NO_RESULTS, "No results only")],
        empty_label="Any number",
        widget=forms.RadioSelect,
        method="filter_results",
    )
    kind = django_filters.ChoiceFilter(
        label="Kind",
        choices=SearchLog.Kind.choices,
        empty_label="Full searches and autocomplete",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SearchLog
        fields = ["searched_at", "results", "kind"]

    def filter_results(self, queryset, name, value):
        return queryset.without_results() if value == self.NO_RESULTS else queryset


def query_text(entry):
    return entry.query or "(filters only, no words)"


def filters_in_words(filters, choices):
    """Logged filters as the search page names them, not as the URL spells them:
    "Need: Washing and bathing; Category: 18 18 Handrails and grab bars; sorted by newest".
    A value the site no longer knows (a term since deleted) is shown as it was sent."""
    parts = []
    # In the page's order: PostgreSQL's jsonb keeps keys in an order of its own.
    for facet in [facet for facet in FACETS if facet.param in filters]:
        values = filters[facet.param]
        values = [values] if isinstance(values, str) else values
        names = [facet.in_words(value, choices) or value for value in values]
        parts.append(f"{facet.legend}: {', '.join(names)}")
    for param in sorted(param for param in filters if param not in BY_PARAM and param != SORT):
        values = filters[param]
        values = [values] if isinstance(values, str) else values
        parts.append(f"{param.replace('_', ' ').capitalize()}: {', '.join(values)}")
    if sort := filters.get(SORT):
        label = SORTS[sort][0] if sort in SORTS else sort.replace("_", " ")
        parts.append(f"sorted by {label[:1].lower()}{label[1:]}")
    return "; ".join(parts)


def understood_in_words(entry, choices):
    """What the search made of the words: the terms its everyday phrases named, as the
    filters name them, and whether it matched only some of the words."""
    parts = []
    for logged in entry.everyday_terms or []:
        kind, _, slug = logged.partition(":")
        facet = BY_NAME.get(kind)
        label = facet.label(slug, choices) if facet else None
        parts.append(f"{facet.legend if facet else kind}: {label or slug}")
    if entry.relaxed:
        parts.append("matched some of the words")
    return "; ".join(parts)


class SearchLogView(ReportView):
    page_title = "Search log"
    header_icon = "search"
    results_template_name = "search/admin/search_log_results.html"
    index_url_name = "search_log:index"
    index_results_url_name = "search_log:results"
    model = SearchLog
    permission_policy = ModelPermissionPolicy(SearchLog)
    permission_required = "view"
    filterset_class = SearchLogFilterSet
    default_ordering = "-searched_at"
    paginate_by = 50
    no_results_message = "No searches match these filters."
    columns = [
        Column("query", label="Search", accessor=query_text),
        Column("filters", label="Filters", accessor="filters_named"),
        Column("understood", label="Understood as", accessor="understood"),
        NumberColumn("result_count", label="Results", sort_key="result_count"),
        Column("backend", label="Answered by", accessor="get_backend_display"),
        Column("kind", label="Kind", accessor="get_kind_display"),
        NumberColumn("took_ms", label="Took (ms)"),
        DateColumn("searched_at", label="When", sort_key="searched_at"),
    ]

    def get_base_queryset(self):
        return SearchLog.objects.all()

    def get_table(self, object_list):
        # Names are read once for the page (a few queries), not once for each row.
        choices = Choices.load()
        for entry in object_list:
            entry.filters_named = filters_in_words(entry.filters, choices)
            entry.understood = understood_in_words(entry, choices)
        return super().get_table(object_list)

    @cached_property
    def period(self):
        """The chosen dates as (start, end) aware datetimes, either of them None if open."""
        if self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("searched_at")
            if chosen:
                return chosen.start, chosen.stop
        return None, None

    def period_in_words(self):
        start, end = self.period
        if start and end:
            return f"from {date_format(start)} to {date_format(end)}"
        if start:
            return f"since {date_format(start)}"
        if end:
            return f"up to {date_format(end)}"
        return f"in the last {settings.SEARCH_LOG_DAYS} days (all the log keeps)"

    def summary_queryset(self):
        """The period and kind chosen; "no results only" would leave "most searched" empty."""
        searches = SearchLog.objects.between(*self.period)
        kind = self.filters.form.cleaned_data.get("kind") if self.filters.is_valid() else None
        if kind:
            searches = searches.filter(kind=kind)
        return searches

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        searches = self.summary_queryset()
        context.update(
            period=self.period_in_words(),
            retention_days=settings.SEARCH_LOG_DAYS,
            most_searched=searches.query_counts(SUMMARY_LENGTH),
            nothing_found=self.with_pick_links(
                searches.without_results().query_counts(SUMMARY_LENGTH)
            ),
        )
        return context

    def with_pick_links(self, rows):
        """Each row with a link to add an editors' pick for its words (search.picks), or to
        edit the picks it has, for those who may."""
        if not self.request.user.has_perm(ADD_PICK_PERMISSION):
            return rows
        add = reverse("wagtailsearchpromotions:add")
        normalised = {row.query: normalise_query_string(row.query) for row in rows}
        picked = dict(
            Query.objects.filter(query_string__in=normalised.values(), editors_picks__isnull=False)
            .values_list("query_string", "pk")
            .distinct()
        )
        linked = []
        for row in rows:
            if query_id := picked.get(normalised[row.query]):
                url = reverse("wagtailsearchpromotions:edit", args=[query_id])
                action = "Edit its editors’ picks"
            else:
                url, action = (
                    f"{add}?{urlencode({'query_string': row.query})}",
                    "Add an editors’ pick",
                )
            linked.append(PickableCount(**asdict(row), pick_url=url, pick_action=action))
        return linked
