"""The one product listing: the search page, and each need, condition and category page,
which is the search page with that term chosen.

`Listing` runs the request's search.service.Search and gives a template everything it shows:
the products in order, the facets with their counts, the chosen filters with links that
remove them, pages, and what to try when nothing matches.
"""

import difflib
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.images import get_image_model

from products.models import ProductPage
from search.engine import search_products
from search.faceted import SORTS
from search.facets import BY_NAME, FACETS, CategoryFacet
from search.picks import picks_for
from search.service import Search
from search.text import STOP_WORDS, analyse, tokenize
from search.types import Query
from taxonomy.models import Condition, IsoCategory, Need

CARD_RENDITION = "fill-480x320"  # as includes/product_card.html asks for it


@dataclass
class Option:
    value: str  # as sent in the URL
    label: str
    count: int
    selected: bool
    children: list = None
    id: str = ""  # the input's, set by its Facet


def option(value, children=None):
    return Option(value.value, value.label, value.count, value.selected, children or [])


@dataclass
class FacetList:
    param: str
    legend: str
    options: list
    single: bool = False  # radios: one choice at a time

    def __post_init__(self):
        # Worked out once here rather than for every option in the template.
        self.kind = "radios" if self.single else "checkboxes"
        self.input_type = "radio" if self.single else "checkbox"
        self._name(self.options)

    def _name(self, options):
        for option in options:
            option.id = f"facet-{self.param}-{slugify(option.value)}"
            self._name(option.children or [])


@dataclass
class Card:
    """A product as a listing shows it, made from its search hit: the attributes a product
    page has for includes/product_card.html, without loading the page."""

    pk: int
    title: str
    url: str
    summary: str
    manufacturer: str | None
    price_range: tuple | None
    discontinued: bool
    card_image: object = None
    highlighted_summary: str | None = None
    rating: float | None = None
    review_count: int = 0

    @classmethod
    def from_hit(cls, fields, image=None, highlights=None):
        low, high = fields.get("price_low"), fields.get("price_high")
        return cls(
            pk=fields["product_id"],
            title=fields["name"],
            url=fields["url"],
            summary=fields.get("summary") or "",
            manufacturer=fields.get("manufacturer"),
            price_range=(low, high) if low is not None else None,
            discontinued=bool(fields.get("discontinued")),
            card_image=image,
            highlighted_summary=(highlights or {}).get("summary"),
            rating=fields.get("rating"),
            review_count=fields.get("review_count") or 0,
        )


@dataclass
class Chosen:
    param: str
    label: str
    remove_url: str


# How an offer of each kind of term reads, before the term's name.
OFFERED_AS = {
    "need": "Looking for help with",
    "condition": "Looking for products for",
    "category": "Looking for products in",
}


@dataclass
class Offer:
    """A need, condition or category the words name in everyday words ("get up"), with the
    address that chooses it."""

    text: str
    url: str


class Listing:
    """What one listing request asked for and found."""

    def __init__(self, request, fixed=None):
        self.request = request
        sent = request.GET.copy()
        # A term page's own term is part of the address, not of the query string.
        self.fixed = fixed or {}
        for param, value in self.fixed.items():
            if value not in sent.getlist(param):
                sent.appendlist(param, value)
        self.search = Search(sent).run(listing_all=False, typos=True, last_page=True)
        self.problems = self.search.problems
        self.typed = self.search.form.typed
        self.results = self.search.results

    @property
    def query(self):
        return self.search.query

    @property
    def text_problem(self):
        return next((p.message for p in self.problems if p.param == "q"), None)

    @property
    def status(self):
        return 400 if self.problems else 200

    # == What was found ==

    @cached_property
    def products(self):
        """This page's products as cards, from the hits: only their photos are loaded.
        A product shown as an editors' pick above is not repeated."""
        if not self.results or not self.results.ids:
            return []
        cards = self.results.cards
        picked = {pick.pk for pick in self.picks}
        found = [cards[pk] for pk in self.results.ids if pk in cards and pk not in picked]
        return _cards(found, self.results.highlights)

    @cached_property
    def picks(self):
        """Editors' picks for the words, as cards (search.picks says which are shown)."""
        if not self.results:
            return []
        return _cards(picks_for(self.query))

    @cached_property
    def page_obj(self):
        """A Django page over the results, for includes/pagination.html."""
        total = self.results.total if self.results else 0
        paginator = Paginator(range(total), self.query.per_page)
        return paginator.get_page(self.query.page)

    # == Facets ==

    @cached_property
    def facets(self):
        if not self.results:
            return []
        built = []
        for facet in FACETS:
            if isinstance(facet, CategoryFacet):
                options = self._category_options(facet)
            else:
                options = [option(value) for value in self.search.values(facet)]
            # Nothing found means nothing to offer, and a legend over nothing.
            if options:
                built.append(FacetList(facet.param, facet.legend, options, single=facet.single))
        return built

    def _category_options(self, facet):
        """Classes, and the subclasses and divisions of any chosen one, with their counts."""
        chosen = self.query.filters.get(facet.name, [])
        opened = {code for pick in chosen for code in _ancestors(pick)}
        values = {value.indexed: value for value in self.search.values(facet, shown=opened)}

        def options(codes):
            return [
                option(values[code], options(_children(code, values)) if code in opened else [])
                for code in codes
            ]

        return options([code for code in values if len(code) == 2])

    def children_of(self, code):
        """(category, count) for each sub-category of `code`, counted as the facet counts."""
        counted = self.results.facets.get("category", {}) if self.results else {}
        children = IsoCategory.objects.filter(parent__code=code).order_by("code")
        return [(child, counted.get(child.code, 0)) for child in children]

    # == Chosen filters ==

    @cached_property
    def chosen(self):
        return [
            Chosen(param, chosen.words, self.url(without=(param, chosen.value)))
            for chosen in self.search.chosen
            if (param := chosen.facet.param) not in self.fixed
        ]

    @cached_property
    def offers(self):
        """Needs, conditions and categories named by the words' everyday phrases
        (search/everyday.txt), to choose as a filter; none of a kind once one of it is
        chosen, as another would widen the results."""
        if not self.results:
            return []
        pairs = [(p, v) for p, vs in self.request.GET.lists() if p != "page" for v in vs]
        offers = []
        for term in self.search.everyday:
            facet = BY_NAME[term.kind]
            label = facet.label(term.slug, self.search.choices)
            if label is not None and not self.search.sent.getlist(facet.param):
                url = f"?{urlencode([*pairs, (facet.param, term.slug)])}"
                offers.append(Offer(f"{OFFERED_AS[term.kind]}: {label}?", url))
        return offers

    def url(self, without=None, **changes):
        """This listing's query string with one value taken out or parameters changed."""
        pairs = []
        for param, values in self.request.GET.lists():
            if param == "page" or param in changes:
                continue
            pairs += [(param, v) for v in values if (param, v) != without]
        pairs += [(param, value) for param, value in changes.items() if value]
        return f"?{urlencode(pairs)}" if pairs else self.request.path

    @property
    def sorts(self):
        shown = [(key, label) for key, (label, _) in SORTS.items()]
        if not self.query.text:
            shown = [(key, label) for key, label in shown if key != "relevance"]
        return shown

    # == When nothing matches ==

    @cached_property
    def without_filters(self):
        """How many the words find with no filters, when filters left nothing."""
        if not self.results or self.results.total or not self.chosen:
            return None
        if not self.query.text:
            return None
        found = search_products(Query(text=self.query.text, per_page=1)).total
        return {"count": found, "url": f"{self.request.path}?{urlencode({'q': self.query.text})}"}

    @cached_property
    def suggestion(self):
        """A spelling that would find something, when the words found nothing."""
        if not self.results or not self.query.text:
            return None
        if self.results.total and not self.results.fuzzy:
            return None
        words = tokenize(self.query.text)
        known = vocabulary()
        better = []
        for word in words:
            lower = word.lower()
            if lower in STOP_WORDS or set(analyse(lower)) & known["stems"]:
                better.append(word)
                continue
            close = difflib.get_close_matches(lower, known["words"], n=1, cutoff=0.75)
            better.append(close[0] if close else word)
        suggestion = " ".join(better)
        if suggestion.lower() == self.query.text.lower():
            return None
        found = search_products(Query(text=suggestion, filters=self.query.filters, per_page=1))
        if not found.total:
            return None
        return {"text": suggestion, "url": self.url(q=suggestion), "count": found.total}


def _cards(hits, highlights=None):
    """Cards for search hits or documents (both hold CARD_FIELDS), loading only photos."""
    wanted = {fields.get("image_id") for fields in hits} - {None}
    images = {}
    if wanted:
        images = get_image_model().objects.prefetch_renditions(CARD_RENDITION).in_bulk(wanted)
    highlights = highlights or {}
    return [
        Card.from_hit(
            fields, images.get(fields.get("image_id")), highlights.get(fields["product_id"])
        )
        for fields in hits
    ]


def vocabulary():
    """Words of products' names, needs, conditions and categories, for spelling suggestions.

    Kept per process and read again when the catalogue's stamp changes (a product published
    or unpublished, a term added or removed), which costs four small queries: suggestions
    are only wanted when nothing was found. A term renamed waits for the next of those.
    """
    stamp = _catalogue_stamp()
    if _vocabulary.get("stamp") != stamp:
        _vocabulary.update(stamp=stamp, **_read_vocabulary())
    return _vocabulary


_vocabulary = {}


def _catalogue_stamp():
    products = ProductPage.objects.live().aggregate(n=Count("pk"), changed=Max("last_published_at"))
    terms = [model.objects.count() for model in (Need, Condition, IsoCategory)]
    return (products["n"], products["changed"], *terms)


def _read_vocabulary():
    texts = [
        *ProductPage.objects.live().values_list("title", flat=True),
        *Need.objects.values_list("name", flat=True),
        *Condition.objects.values_list("name", flat=True),
        *IsoCategory.objects.values_list("title", flat=True),
    ]
    words = {word.lower() for text in texts for word in tokenize(text) if word.isalpha()}
    words = sorted(word for word in words if len(word) > 2)
    return {"words": words, "stems": {stem for word in words for stem in analyse(word)}}


def _ancestors(code):
    parts = code.split()
    return [" ".join(parts[:n]) for n in range(1, len(parts) + 1)]


def _children(code, codes):
    return [c for c in codes if c.startswith(code + " ") and len(c) == len(code) + 3]
