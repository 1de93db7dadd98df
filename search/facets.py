"""Each facet of the product search, declared once: its URL parameter, the document field it
counts, its legend, its values' labels and order, and its widget.

Elasticsearch's aggregations (search.faceted), the database implementation, the page's
filters and chosen filters, the API and its schema, and the search log's names all read
`FACETS`. Values travel in three spellings: as the URL sends them ("15-09"), as the index
holds them ("15 09"), and as people read them ("15 09 Eating and drinking").
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from accounts.models import Role
from search.documents import AVAILABLE, DISCONTINUED, WITH_TIPS
from taxonomy.models import Condition, IsoCategory, Need

MAX_VALUES = 30  # choices in one facet; the longest real list is the 19 conditions

PRICE_BANDS = [
    ("under_50", (None, 50)),
    ("50_to_200", (50, 200)),
    ("200_to_1000", (200, 1000)),
    ("over_1000", (1000, None)),
]
# Minimum ratings: the ranges overlap, as "4 and up" is also "3 and up".
MIN_RATINGS = [("4", (4, None)), ("3", (3, None)), ("2", (2, None))]


@dataclass
class Choices:
    """Every value each facet can take, with its label, read from the database once per use."""

    labels: dict = field(default_factory=dict)  # {facet name: {value as indexed: label}}
    slugs: dict = field(default_factory=dict)  # {category slug: code}

    @classmethod
    def load(cls):
        choices = cls()
        for facet in FACETS:
            facet.load(choices)
        return choices


@dataclass
class Value:
    """One value of a facet as a list of filters shows it."""

    value: str  # as the URL sends it
    label: str
    count: int
    selected: bool
    indexed: str = ""  # as the index holds it


@dataclass(frozen=True)
class Facet:
    param: str  # the URL's parameter
    name: str  # ProductSearch's facet: the key of Query.filters and Results.facets
    field: str  # the document field counted
    legend: str
    about: str  # what the API's schema says of it
    labels: dict | None = None  # fixed values and their labels, in order; None: a model's
    model: type | None = None  # whose (slug, name) rows are the values, by name
    ranges: list | None = None  # named ranges of a number, from (inclusive) to (exclusive)
    size: int = 10  # the most values Elasticsearch counts
    single: bool = False  # radios, one choice at a time
    example: str = ""
    default: tuple = ()  # the filter in force when nothing is chosen

    def load(self, choices):
        labels = self.labels
        if labels is None:
            labels = dict(self.model.objects.values_list("slug", "name"))
        choices.labels[self.name] = labels

    @property
    def fixed(self):
        """The values come from this declaration, not the database: the schema lists them."""
        return self.labels is not None

    def read(self, sent, choices):
        """The values as the index holds them, from the values sent; ValidationError if one
        is unknown."""
        unknown = [value for value in sent if value not in choices.labels[self.name]]
        if unknown:
            shown = ", ".join(f"“{value[:40]}”" for value in unknown[:3])
            raise ValidationError(f"There is no {self.legend.lower()} called {shown}")
        return sent

    def sent(self, value, choices):
        return str(value)

    def label(self, sent, choices):
        """A value as sent, named as its facet's list names it; None if the site does not
        know it."""
        return choices.labels[self.name].get(sent)

    def in_words(self, sent, choices):
        """A value as sent, named as a chosen filter or the search log names it."""
        return self.label(sent, choices)

    def ordered(self, values, choices):
        labels = choices.labels[self.name]
        if self.fixed:
            return [value for value in labels if value in values]
        return sorted(values, key=lambda value: labels[value].casefold())

    def values(self, counts, chosen, choices, shown=()):
        """The values with products, chosen or in `shown`, in this facet's order. A value the
        index holds but the site no longer knows cannot be chosen: it is left out."""
        labels = choices.labels[self.name]
        wanted = [v for v in labels if counts.get(v) or v in chosen or v in shown]
        return [
            Value(self.sent(v, choices), labels[v], counts.get(v, 0), v in chosen, v)
            for v in self.ordered(wanted, choices)
        ]


class CategoryFacet(Facet):
    """ISO 9999 classes, sent as slugs ("15-09") and indexed as codes ("15 09") with every
    ancestor's code, so a class includes its sub-classes."""

    def load(self, choices):
        categories = list(IsoCategory.objects.values_list("slug", "code", "title"))
        choices.labels[self.name] = {code: f"{code} {title}" for _, code, title in categories}
        choices.slugs = {slug: code for slug, code, _ in categories}

    def read(self, sent, choices):
        return super().read([choices.slugs.get(value, value) for value in sent], choices)

    def sent(self, value, choices):
        return {code: slug for slug, code in choices.slugs.items()}.get(value, value)

    def label(self, sent, choices):
        return choices.labels[self.name].get(choices.slugs.get(sent))

    def ordered(self, values, choices):
        return sorted(values)


class SwitchFacet(Facet):
    """One value that widens the default filter: `discontinued=include` lists discontinued
    products beside the available ones."""

    ON = "include"
    option = "Include discontinued products"
    word = "included"  # as the chosen filter reads: "Discontinued products: included"

    def read(self, sent, choices):
        if sent != [self.ON]:
            raise ValidationError(f"{self.legend} can only be included")
        return [AVAILABLE, DISCONTINUED]

    def sent(self, value, choices):
        return self.ON

    def label(self, sent, choices):
        return self.option if sent == self.ON else None

    def in_words(self, sent, choices):
        return self.word if sent == self.ON else None

    def values(self, counts, chosen, choices, shown=()):
        count, on = counts.get(DISCONTINUED, 0), DISCONTINUED in chosen
        return [Value(self.ON, self.option, count, on, DISCONTINUED)] if count or on else []


OPEN = (
    "Repeat the parameter to choose more than one; a product matches any of them. Valid values "
    "are the `value`s in this facet's list in a search response (`facets.{param}`), which holds "
    "every value with results for the other choices made."
)

FACETS = [
    Facet("need", "need", "needs", "Need", model=Need, size=200,
          about="Everyday activities the product helps with, by slug.",
          example="eating-and-drinking"),
    Facet("condition", "condition", "conditions", "Condition", model=Condition, size=200,
          about="Conditions people who use the product live with, by slug.", example="tremor"),
    CategoryFacet("category", "category", "iso_codes", "Category", size=1000, example="15-09",
                  about='ISO 9999 classes, by slug ("15-09" for 15 09); a class includes its '
                  "sub-classes."),
    Facet("price", "price", "price_low", "Price", ranges=PRICE_BANDS,
          about="Price bands of the lowest known price.",
          labels={"under_50": "Under £50", "50_to_200": "£50 to £200",
                  "200_to_1000": "£200 to £1,000", "over_1000": "Over £1,000"}),
    Facet("rating", "rating", "rating", "Rating", ranges=MIN_RATINGS, single=True,
          about="Minimum average rating from reviews.",
          labels={key: f"{key} stars or more" for key, _ in MIN_RATINGS}),
    Facet("role", "role", "reviewer_roles", "Reviewed by", about="Reviewed by people in this role.",
          labels={Role.USER: "People who use it", Role.FAMILY_CARER: "Family carers",
                  Role.PAID_CARER: "Paid carers and support workers",
                  Role.PROFESSIONAL: "Occupational therapists and other professionals"}),
    Facet("tips", "tips", "tips", "Adaptation tips", size=1, about="Products with adaptation tips.",
          labels={WITH_TIPS: "Has adaptation tips"}),
    SwitchFacet("discontinued", "availability", "availability", "Discontinued products", size=2,
                about="Discontinued products are left out unless this is `include`.",
                labels={AVAILABLE: "Available", DISCONTINUED: "Discontinued"},
                default=(AVAILABLE,)),
]  # fmt: skip
BY_PARAM = {facet.param: facet for facet in FACETS}
BY_NAME = {facet.name: facet for facet in FACETS}
