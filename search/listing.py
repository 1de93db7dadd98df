"""The one product listing: the search page, and each need, condition and category page,
which is the search page with that term chosen.

`listing()` reads the request, asks search.engine, and gives a template everything it shows:
the products in order, the facets with their counts, the chosen filters with links that
remove them, pages, and what to try when nothing matches.
"""

import difflib
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.images import get_image_model

from products.models import ProductPage
from search import params
from search.documents import DISCONTINUED, WITH_TIPS
from search.engine import Query, search_products
from search.faceted import MIN_RATINGS, PRICE_BANDS, SORTS
from search.log import record_search
from search.text import STOP_WORDS, analyse, tokenize

CARD_RENDITION = "fill-480x320"  # as includes/product_card.html asks for it
FACET_ORDER = ["need", "condition", "category", "price", "rating", "role", "tips", "discontinued"]


@dataclass
class Option:
    value: str  # as sent in the URL
    label: str
    count: int
    selected: bool
    children: list = None
    id: str = ""  # the input's, set by its Facet


@dataclass
class Facet:
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


class Listing:
    """What one listing request asked for and found."""

    def __init__(self, request, fixed=None):
        self.request = request
        self.choices = params.Choices.load()
        self.sent = request.GET.copy()
        # A term page's own term is part of the address, not of the query string.
        self.fixed = fixed or {}
        for param, value in self.fixed.items():
            if value not in self.sent.getlist(param):
                self.sent.appendlist(param, value)
        self.query, self.problems = params.read(self.sent, self.choices)
        # What was typed, kept whole in the box even when it is too long to search for.
        self.typed = params.clean_text((self.sent.getlist("q") or [""])[-1])
        if not self.sent.get("sort") and not self.query.text:
            self.query = Query(filters=self.query.filters, sort="name", page=self.query.page)
        self.results = None
        if not self.problems and (self.query.text or self.query.filters):
            self.results = search_products(self.query, typos=True)
            last = -(-self.results.total // self.query.per_page)
            if self.query.page > last > 0:
                # A page past the last (an old link, a typed address) shows the last page,
                # as the pagination's own page does, rather than a count and "no products".
                self.query = replace(self.query, page=last)
                self.results = search_products(self.query, typos=True)

    @property
    def text_problem(self):
        return next((p.message for p in self.problems if p.param == "q"), None)

    @property
    def status(self):
        return 400 if self.problems else 200

    # == What was found ==

    @cached_property
    def products(self):
        """This page's products as cards, from the hits: only their photos are loaded."""
        if not self.results or not self.results.ids:
            return []
        cards = self.results.cards
        wanted = {cards[pk].get("image_id") for pk in self.results.ids if pk in cards}
        wanted.discard(None)
        images = {}
        if wanted:
            images = get_image_model().objects.prefetch_renditions(CARD_RENDITION).in_bulk(wanted)
        return [
            Card.from_hit(
                cards[pk], images.get(cards[pk].get("image_id")), self.results.highlights.get(pk)
            )
            for pk in self.results.ids
            if pk in cards
        ]

    @cached_property
    def page_obj(self):
        """A Django page over the results, for includes/pagination.html."""
        total = self.results.total if self.results else 0
        paginator = Paginator(range(total), self.query.per_page)
        return paginator.get_page(self.query.page)

    def log(self):
        if self.results is not None:
            filters = {param: self.sent.getlist(param) for param in params.FACETS}
            filters["sort"] = self.query.sort
            record_search(
                self.query.text,
                {k: v for k, v in filters.items() if v},
                self.results.total,
                self.results.took_ms,
                self.results.engine,
            )

    # == Facets ==

    @cached_property
    def facets(self):
        if not self.results:
            return []
        counts = self.results.facets
        filters = self.query.filters
        labels = self.choices.labels
        built = []
        for param in FACET_ORDER:
            facet, legend = params.FACETS[param]
            chosen = set(filters.get(facet, []))
            counted = counts.get(facet, {})
            if param == "discontinued":
                count = counted.get(DISCONTINUED, 0)
                included = DISCONTINUED in chosen
                if count or included:
                    option = Option("include", "Include discontinued products", count, included)
                    built.append(Facet(param, legend, [option]))
                continue
            if param == "category":
                # Nothing found means no class to offer, and a legend over nothing.
                if options := self._category_options(counted, chosen):
                    built.append(Facet(param, legend, options))
                continue
            order = {
                "price": [key for key, _ in PRICE_BANDS],
                "rating": [key for key, _ in MIN_RATINGS],
                "role": list(params.ROLE_LABELS),
                "tips": [WITH_TIPS],
            }.get(param) or sorted(labels[facet], key=lambda v: labels[facet][v].lower())
            options = [
                Option(value, labels[facet][value], counted.get(value, 0), value in chosen)
                for value in order
                if counted.get(value) or value in chosen
            ]
            if options:
                built.append(Facet(param, legend, options, single=param == "rating"))
        return built

    def _category_options(self, counted, chosen):
        """Classes, and the subclasses and divisions of any chosen one, with their counts."""
        slug_of = {code: slug for slug, code in self.choices.slugs.items()}
        titles = self.choices.labels["category"]
        opened = {code for pick in chosen for code in _ancestors(pick)}

        def options(codes, level):
            return [
                Option(
                    slug_of[code],
                    titles[code],
                    counted.get(code, 0),
                    code in chosen,
                    options(_children(code, titles), level + 1) if code in opened else [],
                )
                for code in codes
                if counted.get(code) or code in chosen or code in opened
            ]

        return options(sorted(code for code in titles if len(code) == 2), 1)

    def children_of(self, code):
        """(category, count) for each sub-category of `code`, counted as the facet counts."""
        from taxonomy.models import IsoCategory

        counted = self.results.facets.get("category", {}) if self.results else {}
        children = IsoCategory.objects.filter(parent__code=code).order_by("code")
        return [(child, counted.get(child.code, 0)) for child in children]

    # == Chosen filters ==

    @cached_property
    def chosen(self):
        found = []
        for param, (facet, legend) in params.FACETS.items():
            for value in self.sent.getlist(param):
                if param in self.fixed:
                    continue
                label = self._label(param, facet, value)
                if label:
                    found.append(
                        Chosen(param, f"{legend}: {label}", self.url(without=(param, value)))
                    )
        return found

    def _label(self, param, facet, value):
        if param == "discontinued":
            return "included" if value == "include" else None
        if param == "category":
            value = self.choices.slugs.get(value, value)
        return self.choices.labels[facet].get(value)

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
    from taxonomy.models import Condition, IsoCategory, Need

    products = ProductPage.objects.live().aggregate(n=Count("pk"), changed=Max("last_published_at"))
    terms = [model.objects.count() for model in (Need, Condition, IsoCategory)]
    return (products["n"], products["changed"], *terms)


def _read_vocabulary():
    from taxonomy.models import Condition, IsoCategory, Need

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


def _children(code, titles):
    return sorted(c for c in titles if c.startswith(code + " ") and len(c) == len(code) + 3)
