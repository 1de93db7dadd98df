"""The product search, declared once: which fields are searched, with what weight, the
facets (from search.facets), and the sorts. Elasticsearch runs it as it is; the database
implementation (search.backends.database) reads the same declaration.
"""

from elasticsearch.dsl import FacetedSearch, Q, RangeFacet, TermsFacet

from search.concepts import concepts, held
from search.documents import CARD_FIELDS, ProductDocument
from search.facets import FACETS

# Relaxed matching: when every word finds fewer products than this, most of the words are
# enough. Below three a person has little to choose from, and people describing a problem
# ("bath too high to step into") often use a word no product holds; at three or more the
# exact answer is kept, as more words matched are worth more than more products.
RELAX_BELOW = 3


# The last try for a query of two concepts or more that finds nothing otherwise, nor with
# misspellings: any one of them, those matching more first. Something the person can see
# is about their words beats an empty page; the page says only some of them matched.
ANY = "any"


def required_matches(count, relaxed=True):
    """How many of `count` concepts a relaxed match needs: all of one or two, three quarters
    (rounded down) of more: Elasticsearch's minimum_should_match "2<75%"; one when `relaxed`
    is ANY."""
    if relaxed == ANY:
        return 1
    return count if count <= 2 else count * 3 // 4


# A concept matched in a relaxed search scores this: more than the BM25 scores of every
# field's weight added up for a query of up to MAX_QUERY_LENGTH characters.
RELAXED_BOOST = 10_000
# A product filed under a need, condition or category that the query names in everyday words
# ("can't get up" names transfers) weighs as a match of the need's name would.
TERM_WEIGHT = 3
MAX_PAGE = 400  # deeper pages than anyone reads cost Elasticsearch more than they are worth

# name: (label, [(field, descending), ...]); every sort ends on the product's id, so pages
# are stable and both implementations give the same order. A product without a value for a
# field comes last.
SORTS = {
    "relevance": ("Best match", [("_score", True), ("product_id", False)]),
    "name": ("Name, A to Z", [("name.sort", False), ("product_id", False)]),
    "rating": ("Highest rated", [("rating", True), ("review_count", True), ("product_id", False)]),
    "reviews": ("Most reviewed", [("review_count", True), ("product_id", False)]),
    "newest": ("Newest", [("first_published_at", True), ("product_id", False)]),
    "price": ("Lowest price", [("price_low", False), ("product_id", False)]),
}


def elasticsearch_sort(name):
    return [
        field if field == "_score" else
        {field: {"order": "desc" if descending else "asc", "missing": "_last"}}
        for field, descending in SORTS[name][1]
    ]  # fmt: skip


class Terms(TermsFacet):
    """A facet of a document field's values."""

    @property
    def field(self):
        return self._params["field"]


class Ranges(RangeFacet):
    """A facet of named ranges of a number, from (inclusive) to (exclusive)."""

    def __init__(self, ranges, **kwargs):
        super().__init__(ranges, **kwargs)
        self.ranges = dict(ranges)

    @property
    def field(self):
        return self._params["field"]


class ProductSearch(FacetedSearch):
    """Live products matching every word of the query (or a synonym of it), narrowed by facets.

    Counts are disjunctive, as FacetedSearch makes them: each facet's counts apply every
    other facet's choices but not its own. Discontinued products are left out unless the
    `availability` facet includes them.
    """

    doc_types = [ProductDocument]
    # What a query is matched against, and how much a match in each field weighs.
    fields = [
        "name^5",
        "needs_text^3",
        "conditions_text^2",
        "categories^2",
        "summary^2",
        "manufacturer^2",
        "contributions",
        "body",
    ]
    facets = {
        facet.name: Ranges(field=facet.field, ranges=facet.ranges)
        if facet.ranges
        else Terms(field=facet.field, size=facet.size)
        for facet in FACETS
    }
    default_filters = {facet.name: list(facet.default) for facet in FACETS if facet.default}

    def __init__(
        self,
        query=None,
        filters=None,
        sort="relevance",
        *,
        index=None,
        using=None,
        fuzzy=False,
        relaxed=False,
    ):
        self.fuzzy = fuzzy
        # Most of the words, not all, or with ANY one of them (required_matches).
        self.relaxed = relaxed
        self.index = index
        self.using = using or "default"
        filters = {**self.default_filters, **(filters or {})}
        super().__init__(query, filters, elasticsearch_sort(sort))

    def search(self):
        # Exact totals: the result count is shown and announced, so an estimate will not do.
        # Hits bring what a listing shows of each product, and no more.
        search = super().search().extra(track_total_hits=True).source(CARD_FIELDS)
        if not self._query:
            # Browsing without words (a need's, condition's or category's page, filters
            # alone) repeats a few requests for everyone, each aggregating much of the
            # catalogue: the shard request cache answers them until the index next changes.
            search = search.params(request_cache=True)
        return search

    def query(self, search, query):
        """Every concept of the query (search.concepts): its words, or a synonym of them, or
        a need, condition or category its everyday words name; the fields weigh the order.

        A synonym of several words stands for its words, not for a phrase: "big button phone"
        finds "Big-button mobile phone", as any words of a name find it in any order.
        """
        if not query:
            return search
        wanted = concepts(query)
        words = {"query": query, "auto_generate_synonyms_phrase_query": False}
        weights = [Q("match", **{field.split("^")[0]: {**words, "boost": weight(field)}})
                   for field in self.fields]  # fmt: skip
        terms = {term for concept in wanted for term in concept.terms}
        weights += [Q("constant_score", filter=term_query(term), boost=TERM_WEIGHT)
                    for term in sorted(terms)]  # fmt: skip
        if self.relaxed:
            # Each concept scores RELAXED_BOOST, more than all the weights: more concepts first.
            each = [Q("constant_score", filter=self.concept_query(concept), boost=RELAXED_BOOST)
                    for concept in wanted]  # fmt: skip
            least = required_matches(len(wanted), self.relaxed)
            must = Q("bool", should=each, minimum_should_match=least)
        else:
            must = Q("bool", must=[self.concept_query(concept) for concept in wanted])
        return search.query(Q("bool", must=[must], should=weights))

    def concept_query(self, concept):
        """A concept's words, every one of them or a synonym of them, or any of its terms."""
        either = [term_query(term) for term in sorted(concept.terms)]
        if concept.typed:
            matched = {"query": concept.typed, "operator": "and",
                       "auto_generate_synonyms_phrase_query": False}  # fmt: skip
            if self.fuzzy:
                # Typo tolerance: each word may be an edit or two away (Elasticsearch only).
                matched.update(fuzziness="AUTO", prefix_length=1)
            either.insert(0, Q("match", text=matched))
        return either[0] if len(either) == 1 else Q("bool", should=either, minimum_should_match=1)

    def highlight(self, search):
        return search.highlight(
            "name", "summary", "contributions", fragment_size=160, number_of_fragments=1
        ).highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")


def term_query(term):
    field, value = held(term)
    return Q("term", **{field: value})


def weight(field):
    return float(field.split("^")[1]) if "^" in field else 1.0
