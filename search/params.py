"""What people send to search, read and checked in one place for the page and the API.

`read()` turns query parameters into a search.engine.Query, or into problems to explain:
every parameter is checked against what the site knows (needs, conditions, categories,
bands, sorts, pages), so a search never reaches an implementation with a value it cannot
handle, and bad input gets a clear 400 rather than an error.
"""

import re
from dataclasses import dataclass, field

from accounts.models import Role
from search.documents import AVAILABLE, DISCONTINUED, WITH_TIPS
from search.engine import Query
from search.faceted import MAX_PAGE, MIN_RATINGS, PER_PAGE, SORTS
from taxonomy.models import Condition, IsoCategory, Need

MAX_QUERY_LENGTH = 200
MAX_VALUES = 30  # choices in one facet; the longest real list is the 19 conditions
# C0 and C1 control characters (NUL among them), which no one types into a search box.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

PRICE_LABELS = {
    "under_50": "Under £50",
    "50_to_200": "£50 to £200",
    "200_to_1000": "£200 to £1,000",
    "over_1000": "Over £1,000",
}
RATING_LABELS = {key: f"{key} stars or more" for key, _ in MIN_RATINGS}
ROLE_LABELS = {
    Role.USER: "People who use it",
    Role.FAMILY_CARER: "Family carers",
    Role.PAID_CARER: "Paid carers and support workers",
    Role.PROFESSIONAL: "Occupational therapists and other professionals",
}

# Query parameter: (facet, label). Categories are sent as slugs ("15-09") and searched as
# codes ("15 09"); the rest are sent as they are indexed.
FACETS = {
    "need": ("need", "Need"),
    "condition": ("condition", "Condition"),
    "category": ("category", "Category"),
    "price": ("price", "Price"),
    "rating": ("rating", "Rating"),
    "role": ("role", "Reviewed by"),
    "tips": ("tips", "Adaptation tips"),
    "discontinued": ("availability", "Discontinued products"),
}


@dataclass
class Choices:
    """Every value each facet can take, with its label, read from the database once per use."""

    labels: dict = field(default_factory=dict)  # {facet: {value: label}}
    slugs: dict = field(default_factory=dict)  # {category slug: code}

    @classmethod
    def load(cls):
        categories = list(IsoCategory.objects.values_list("slug", "code", "title"))
        return cls(
            labels={
                "need": dict(Need.objects.values_list("slug", "name")),
                "condition": dict(Condition.objects.values_list("slug", "name")),
                "category": {code: f"{code} {title}" for _, code, title in categories},
                "price": PRICE_LABELS,
                "rating": RATING_LABELS,
                "role": dict(ROLE_LABELS),
                "tips": {WITH_TIPS: "Has adaptation tips"},
                "availability": {AVAILABLE: "Available", DISCONTINUED: "Discontinued"},
            },
            slugs={slug: code for slug, code, _ in categories},
        )


@dataclass
class Problem:
    param: str
    message: str


def clean_text(text):
    return " ".join(CONTROL.sub(" ", text).split())


def read(params, choices=None):
    """(Query, problems) from query parameters (a QueryDict)."""
    choices = choices or Choices.load()
    problems = []
    values = params.getlist

    texts = values("q")
    text = clean_text(texts[-1]) if texts else ""
    if len(text) > MAX_QUERY_LENGTH:
        problems.append(Problem("q", f"Enter a search of {MAX_QUERY_LENGTH} characters or fewer."))
        text = text[:MAX_QUERY_LENGTH]

    filters = {}
    for param, (facet, label) in FACETS.items():
        sent = list(dict.fromkeys(clean_text(v) for v in values(param)))  # each once, in order
        sent = [value for value in sent if value]
        if not sent:
            continue
        if len(sent) > MAX_VALUES:
            problems.append(Problem(param, f"Choose {MAX_VALUES} {label.lower()} options or fewer"))
            continue
        if param == "discontinued":
            if sent != ["include"]:
                problems.append(Problem(param, "Discontinued products can only be included"))
                continue
            filters[facet] = [AVAILABLE, DISCONTINUED]
            continue
        if facet == "category":
            sent = [choices.slugs.get(value, value) for value in sent]
        unknown = [value for value in sent if value not in choices.labels[facet]]
        if unknown:
            shown = ", ".join(f"“{value[:40]}”" for value in unknown[:3])
            problems.append(Problem(param, f"There is no {label.lower()} called {shown}"))
            continue
        filters[facet] = sent

    sort = (values("sort") or ["relevance"])[-1]
    if sort not in SORTS:
        problems.append(Problem("sort", "Choose a sort order from the list"))
        sort = "relevance"

    page = 1
    pages = values("page")
    if pages:
        try:
            page = int(pages[-1])
        except ValueError:
            problems.append(Problem("page", "The page must be a whole number"))
        else:
            if not 1 <= page <= MAX_PAGE:
                problems.append(Problem("page", f"Choose a page from 1 to {MAX_PAGE}"))
                page = 1
    return Query(text=text, filters=filters, sort=sort, page=page, per_page=PER_PAGE), problems
