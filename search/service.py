"""One product search as someone sent it, for the search page, the term pages and the API.

`Search(sent)` reads the parameters (search.params.SearchForm); `run()` asks search.engine,
logs what was asked (search.log) and keeps the answer; the rest shapes it as both surfaces
show it: each facet's values with counts, the filters chosen, the number of pages.
"""

import math
from dataclasses import dataclass, replace
from functools import cached_property

from search.concepts import everyday_terms
from search.engine import search_products
from search.faceted import MAX_PAGE
from search.facets import FACETS, Choices
from search.log import record_search
from search.models import SORT
from search.params import SearchForm


@dataclass
class Chosen:
    facet: object  # search.facets.Facet
    value: str  # as sent
    label: str  # the value's, as the facet's list names it
    words: str  # the facet and value, as people read them: "Need: Cooking"


class Search:
    def __init__(self, sent, choices=None):
        self.sent = sent
        self.choices = choices or Choices.load()
        self.form = SearchForm(sent, self.choices)
        self.query = self.form.query
        self.problems = self.form.problems
        self.results = None

    def run(self, *, listing_all=True, typos=False, last_page=False):
        """Search, unless there are problems (or, without `listing_all`, neither words nor
        filters); `typos` retries misspelt words where the implementation can, and
        `last_page` turns a page past the last into the last. Logged once answered."""
        if self.problems or not (listing_all or self.query.text or self.query.filters):
            return self
        self.results = search_products(self.query, typos=typos)
        last = -(-self.results.total // self.query.per_page)
        if last_page and self.query.page > last > 0:
            self.query = replace(self.query, page=last)
            self.results = search_products(self.query, typos=typos)
        self.log()
        return self

    def log(self):
        """Filters as they were sent, and the sort."""
        filters = {facet.param: self.sent.getlist(facet.param) for facet in FACETS}
        filters = {param: values for param, values in filters.items() if values}
        filters[SORT] = self.query.sort
        results = self.results
        record_search(
            self.query.text,
            filters,
            results.total,
            results.took_ms,
            results.engine,
            relaxed=results.relaxed,
            everyday_terms=self.everyday,
        )

    @cached_property
    def everyday(self):
        """The needs, conditions and categories whose everyday phrases the words hold."""
        return everyday_terms(self.query.text)

    @property
    def pages(self):
        """How many pages there are to ask for: at least 1, at most MAX_PAGE."""
        return min(MAX_PAGE, max(1, math.ceil(self.results.total / self.query.per_page)))

    def values(self, facet, shown=()):
        """A facet's values with products, chosen or in `shown`, with their counts."""
        counts = self.results.facets.get(facet.name, {}) if self.results else {}
        chosen = set(self.query.filters.get(facet.name, ()))
        return facet.values(counts, chosen, self.choices, shown)

    @property
    def chosen(self):
        """Each filter sent that the site knows, once, in the facets' order."""
        found = []
        for facet in FACETS:
            for value in dict.fromkeys(self.sent.getlist(facet.param)):
                label = facet.label(value, self.choices)
                if label is not None:
                    words = f"{facet.legend}: {facet.in_words(value, self.choices)}"
                    found.append(Chosen(facet, value, label, words))
        return found
